// The payment rows of issue 10, each against the payment sandbox run in this process (it speaks
// the providers' protocols with its own code) or against the documented messages: each test
// failed before its fix.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { placeCheckout } from "~/checkout/checkout.server";
import { checkoutProblem } from "~/checkout/problems";
import { translator } from "~/i18n/messages";
import { signMomoIpn } from "~/payments/momo";
import type { StorefrontMethod } from "~/payments/provider";
import { providerFor } from "~/payments/registry.server";
import { startPayment } from "~/payments/sessions.server";
import { orderRefInMemo, paymentCodeFor } from "~/payments/payment-code";
import { signVnpay, vnpayQuery } from "~/payments/vnpay";
import { action as momoIpn } from "~/routes/api/api.momo.ipn";
import { loader as vnpayIpn } from "~/routes/api/api.vnpay.ipn";
import { paymentSessions, products } from "#db/schema";
import { ORIGIN, fillCart, newShopper, seedShop, stockOf, type Shop } from "../../scripts/fixtures/shop";

// The sandbox stands for the providers; it listens before anything of the app is loaded, so the
// app's settings point at it.
const { server, sandbox } = await vi.hoisted(async () => {
  const { startPaymentSandbox } = await import("../../scripts/fixtures/payment-sandbox");
  return startPaymentSandbox();
});

let shop: Shop;
beforeAll(() => {
  shop = seedShop();
  db().update(products).set({ stock: 500 }).run();
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));
beforeEach(async () => {
  await fetch(`${sandbox}/__sandbox/reset`, { method: "POST" });
  // No webhook leaves the sandbox: the tests deliver them to the routes themselves.
  await behave({ drop: true });
});

const behave = (b: Record<string, unknown>) => fetch(`${sandbox}/__sandbox/behaviour`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(b) });

async function placed(method: StorefrontMethod, lines: [number, number][] = [[shop.sen, 1], [shop.nuocMam, 1]], at = new Date()) {
  const email = `buyer-${Math.random().toString(36).slice(2)}@example.vn`;
  const buyer = await newShopper(email);
  fillCart(buyer.id, lines);
  const r = placeCheckout(
    {
      userId: buyer.id,
      buyerName: "Trần Minh Khách",
      buyerPhone: "0912345678",
      buyerEmail: email,
      shipProvinceId: db().get<{ id: number }>(sql`SELECT id FROM provinces WHERE slug = 'ha-noi'`)!.id,
      shipCommune: "Phường Ba Đình",
      shipStreet: "Số 1 Kim Mã",
      note: "",
      method,
    },
    at,
  );
  if (!r.ok) throw new Error(r.problem.kind);
  return { code: r.placed.checkoutCode, total: r.placed.total, orderCodes: r.placed.orderCodes, buyer: { userId: buyer.id, email } };
}
const context = { locale: "vi" as const, clientIp: "203.113.0.9" };
const stateOf = (checkoutCode: string) =>
  db()
    .all<{ s: string }>(sql`SELECT o.status || '/' || p.status AS s FROM orders o JOIN payments p ON p.order_id = o.id WHERE o.checkout_code = ${checkoutCode} ORDER BY o.id`)
    .map((r) => r.s);
const sessionOf = (code: string) => db().select().from(paymentSessions).where(eq(paymentSessions.checkoutCode, code)).get()!;

describe("Stripe Checkout bounds", () => {
  it("a 'try again' ten minutes after placing gets a session Stripe accepts (30 min to 24 h after its create), and the order waits for it", async () => {
    const c = await placed("stripe", undefined, new Date(Date.now() - 10 * 60_000));
    await behave({ match: c.buyer.email, failCreate: true });
    expect((await startPayment(c.code, c.buyer, context)).kind).toBe("failed");
    await behave({ match: c.buyer.email, failCreate: false });
    const again = await startPayment(c.code, c.buyer, context);
    expect(sessionOf(c.code).lastError).toBeNull();
    expect(again.kind).toBe("redirect");
    const id = sessionOf(c.code).providerSessionId!;
    const session = (await (await fetch(`${sandbox}/v1/checkout/sessions/${id}`, { headers: { Authorization: `Bearer ${env().STRIPE_SECRET_KEY}` } })).json()) as { created: number; expires_at: number };
    expect(session.expires_at - session.created).toBeGreaterThanOrEqual(30 * 60);
    expect(session.expires_at - session.created).toBeLessThanOrEqual(24 * 3600);
    // Our deadline follows Stripe's: the stock is not released while the session can still be paid.
    expect(sessionOf(c.code).expiresAt > new Date(session.expires_at * 1000).toISOString()).toBe(true);
  });

  it("refuses a card payment below Stripe's VND minimum with a Vietnamese message offering the other methods", async () => {
    db().update(products).set({ price: 12_000 }).where(eq(products.id, shop.tour)).run();
    const buyer = await newShopper(`small-${Math.random()}@example.vn`);
    fillCart(buyer.id, [[shop.tour, 1]]);
    const r = placeCheckout({ userId: buyer.id, buyerName: "Khách", buyerPhone: "0912345678", buyerEmail: "k@example.vn", shipProvinceId: 1, shipCommune: "Phường Ba Đình", shipStreet: "Số 1 Kim Mã", note: "", method: "stripe" });
    expect(r.ok).toBe(false);
    const problem = checkoutProblem((r as { ok: false; problem: Parameters<typeof checkoutProblem>[0] }).problem);
    expect(translator("vi")(problem.key, problem.params)).toMatch(/tối thiểu 15\.000\s₫.*VNPay, ví MoMo, chuyển khoản VietQR/);
    db().update(products).set({ price: 300_000 }).where(eq(products.id, shop.tour)).run();
  });
});

describe("MoMo create and result codes", () => {
  it("after a create whose answer was lost, 'try again' gets a new orderId and MoMo takes it", async () => {
    const c = await placed("momo");
    await behave({ match: c.code, loseAnswer: true });
    expect((await startPayment(c.code, c.buyer, context)).kind).toBe("failed");
    await behave({ match: c.code, loseAnswer: false });
    const again = await startPayment(c.code, c.buyer, context);
    expect(sessionOf(c.code).lastError).toBeNull();
    expect(again.kind).toBe("redirect");
    expect(sessionOf(c.code).providerSessionId).toBe(`${c.code}-2`);
  });

  const ipn = (orderId: string, amount: number, resultCode: number, transId: number, signature?: string) => {
    const body = {
      partnerCode: env().MOMO_PARTNER_CODE,
      orderId,
      requestId: `${orderId}-r${resultCode}`,
      amount,
      orderInfo: "Thanh toan don hang",
      orderType: "momo_wallet",
      transId,
      resultCode,
      message: "…",
      payType: "qr",
      responseTime: 1795300000000,
      extraData: "",
    };
    return JSON.stringify({ ...body, signature: signature ?? signMomoIpn({ ...body, accessKey: env().MOMO_ACCESS_KEY }, env().MOMO_SECRET_KEY) });
  };
  const send = async (body: string) => (await momoIpn({ request: new Request(`${ORIGIN}/api/momo/ipn`, { method: "POST", body }), params: {}, context: {} } as never)).status;

  it("7000, 7002, 1000 and 8000 keep the payment open; the later success pays, it is not 'paid after close'", async () => {
    const stock = stockOf(shop.sen);
    const c = await placed("momo");
    for (const code of [1000, 7000, 7002, 8000]) expect(await send(ipn(c.code, c.total, code, 0))).toBe(204);
    expect(stateOf(c.code)).toEqual(["pending_payment/pending", "pending_payment/pending"]);
    expect(stockOf(shop.sen)).toBe(stock - 1);
    // The create's orderId carries the attempt ("CK…-1"): it names the same checkout.
    expect(await send(ipn(`${c.code}-1`, c.total, 0, 3_200_000_001))).toBe(204);
    expect(stateOf(c.code)).toEqual(["placed/paid", "placed/paid"]);
  });

  it("a documented final failure (1001 insufficient funds) ends the payment", async () => {
    const c = await placed("momo");
    expect(await send(ipn(c.code, c.total, 1001, 0))).toBe(204);
    expect(stateOf(c.code)).toEqual(["cancelled/failed", "cancelled/failed"]);
  });

  it("refuses a forged non-ASCII signature with 400, not a 500", async () => {
    const c = await placed("momo");
    expect(await send(ipn(c.code, c.total, 0, 3_200_000_002, "é".repeat(64)))).toBe(400);
    expect(stateOf(c.code)).toEqual(["pending_payment/pending", "pending_payment/pending"]);
  });
});

describe("VNPay IPN", () => {
  const request = (params: Record<string, string>, hash?: string) =>
    new Request(`${ORIGIN}/api/vnpay/ipn?${vnpayQuery(params)}&vnp_SecureHashType=HmacSHA512&vnp_SecureHash=${hash ?? signVnpay(params, env().VNPAY_HASH_SECRET)}`);
  const ipn = (reference: string, amount: number, transactionNo = "14000999") => ({
    vnp_Amount: String(amount * 100),
    vnp_BankCode: "NCB",
    vnp_OrderInfo: `Thanh toan don hang ${reference}`,
    vnp_PayDate: "20261122120000",
    vnp_ResponseCode: "00",
    vnp_TmnCode: env().VNPAY_TMN_CODE,
    vnp_TransactionNo: transactionNo,
    vnp_TransactionStatus: "00",
    vnp_TxnRef: reference,
  });
  const send = async (r: Request) => ((await (await vnpayIpn({ request: r, params: {}, context: {} } as never)).json()) as { RspCode: string }).RspCode;

  it("answers 97 to a forged signature of another byte length", async () => {
    const c = await placed("vnpay");
    expect(await send(request(ipn(c.code, c.total), encodeURIComponent("é".repeat(128))))).toBe("97");
  });

  it("answers 99 when something unexpected fails, never a 500", async () => {
    const c = await placed("vnpay");
    vi.spyOn(providerFor("vnpay") as { readEvent: (request: unknown) => unknown }, "readEvent").mockImplementation(() => {
      throw new Error("disk I/O error");
    });
    vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(await send(request(ipn(c.code, c.total)))).toBe("99");
  });

  it("a wrong-amount IPN (04) and then the right one with the same ids: the right one pays", async () => {
    const c = await placed("vnpay");
    expect(await send(request(ipn(c.code, c.total + 1_000, "14000777")))).toBe("04");
    expect(await send(request(ipn(c.code, c.total, "14000777")))).toBe("00");
    expect(stateOf(c.code)).toEqual(["placed/paid", "placed/paid"]);
  });
});

describe("the bank transfer memo", () => {
  // Updated deliberately for issue 15: the memo now carries a short payment code (OC + order id +
  // a Luhn check digit, app/payments/payment-code.ts); the long order codes of older orders are still read.
  it("finds the order code alone, whatever the bank adds around it", () => {
    const code = (s: string) => orderRefInMemo(s);
    expect(code("OC2611220000123 0912345678")).toEqual({ kind: "code", code: "OC2611220000123" });
    expect(code("MBVCB.123.oc2611220000123.CT tu 0071000 toi 0912345678")).toEqual({ kind: "code", code: "OC2611220000123" });
    expect(code("OC 2611220000123 CHUYEN TIEN")).toEqual({ kind: "code", code: "OC2611220000123" });
    expect(code("OC 261122 0000123")).toEqual({ kind: "code", code: "OC2611220000123" });
    // Past id 9.999.999 the code grows a digit.
    expect(code("OC26112212345678 CHUYEN TIEN")).toEqual({ kind: "code", code: "OC26112212345678" });
    // The payment code: upper-cased, prefixed, split, followed by the payer's phone number.
    expect(paymentCodeFor(1234)).toBe("OC12344");
    for (const memo of ["OC12344", "oc12344 0912345678", "MBVCB.3278907687.OC12344.CT tu 0071000 toi 0912345678", "OC 12344 CHUYEN TIEN", "OC 1234 4", "IBFT OC-12344"]) {
      expect(code(memo)).toEqual({ kind: "id", orderId: 1234 });
    }
  });

  it("leaves a memo unmatched only when it is truly ambiguous", () => {
    expect(orderRefInMemo("OC2611220000123 OC2611220000124")).toBeNull();
    expect(orderRefInMemo("OC 261122 0000123 0912345678")).toBeNull();
    expect(orderRefInMemo("tien hang")).toBeNull();
    expect(orderRefInMemo("OC12344 OC422")).toBeNull(); // two valid codes (orders 1234 and 42)
    expect(orderRefInMemo("OC12345")).toBeNull(); // one digit mistyped: the check digit fails
    expect(orderRefInMemo("OC13244")).toBeNull(); // two digits swapped
    expect(orderRefInMemo("NGUYEN THI NGOC 0912345678")).toBeNull(); // a name is no code
    expect(orderRefInMemo("OC123440912345678")).not.toEqual({ kind: "id", orderId: 1234 }); // glued to a phone number
  });
});
