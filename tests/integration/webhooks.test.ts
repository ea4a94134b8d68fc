import { eq, sql } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, afterAll } from "vitest";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { expireUnpaidPayments } from "~/payments/expiry.server";
import { signMomoIpn } from "~/payments/momo";
import type { StorefrontMethod } from "~/payments/provider";
import { stripeClient } from "~/payments/stripe.server";
import { signVnpay, vnpayQuery } from "~/payments/vnpay";
import { action as momoIpn } from "~/routes/api/api.momo.ipn";
import { action as stripeWebhook } from "~/routes/api/api.stripe.webhook";
import { loader as vnpayIpn } from "~/routes/api/api.vnpay.ipn";
import { emailOutbox, orders, paymentEvents, payments, products } from "#db/schema";
import { ORIGIN, placedCheckout, seedShop, stockOf, type Shop } from "../../scripts/fixtures/shop";
import { salesDailyDifferences, salesMonthlyDifferences } from "#db/rollups";

let shop: Shop;
beforeAll(() => {
  shop = seedShop();
  db().update(products).set({ stock: 500 }).run(); // many checkouts below; stock is checked relative to this
});

/** Places a checkout of one hạt sen and one nước mắm (two producers) and returns its code. */
async function placed(method: StorefrontMethod, lines: [number, number][] = [[shop.sen, 1], [shop.nuocMam, 1]]) {
  const { checkoutCode, total } = await placedCheckout(method, lines);
  return { code: checkoutCode, total, orders: db().select().from(orders).where(eq(orders.checkoutCode, checkoutCode)).all() };
}

const stateOf = (checkoutCode: string) =>
  db()
    .all<{ order: string; payment: string }>(
      sql`SELECT o.status AS "order", p.status AS payment FROM orders o JOIN payments p ON p.order_id = o.id WHERE o.checkout_code = ${checkoutCode} ORDER BY o.id`,
    )
    .map((r) => `${r.order}/${r.payment}`);
const providerEvents = (provider: string) => db().select().from(paymentEvents).where(eq(paymentEvents.provider, provider)).all();
const snapshot = () => ({
  orders: db().select().from(orders).all(),
  payments: db().select().from(payments).all(),
  events: db().select().from(paymentEvents).all().length,
  stock: db().select({ id: products.id, stock: products.stock }).from(products).all(),
});

async function respond(fn: (a: { request: Request; params: object; context: object }) => Promise<Response>, request: Request) {
  const res = await fn({ request, params: {}, context: {} });
  return { status: res.status, body: res.status === 204 ? null : ((await res.json()) as Record<string, unknown>) };
}

describe("Stripe webhooks", () => {
  const stripe = stripeClient({ apiUrl: env().STRIPE_API_URL, secretKey: env().STRIPE_SECRET_KEY });
  let n = 0;
  const event = (type: string, reference: string, amount: number, paymentStatus: "paid" | "unpaid" = "paid") =>
    JSON.stringify({
      id: `evt_test_${++n}`,
      object: "event",
      type,
      created: Math.floor(Date.now() / 1000),
      data: { object: { id: `cs_test_${reference}`, object: "checkout.session", client_reference_id: reference, amount_total: amount, currency: "vnd", payment_status: paymentStatus, payment_intent: `pi_${reference}` } },
    });
  const send = (payload: string, secret = env().STRIPE_WEBHOOK_SECRET) =>
    respond(
      stripeWebhook as never,
      new Request(`${ORIGIN}/api/stripe/webhook`, {
        method: "POST",
        body: payload,
        headers: { "Content-Type": "application/json", "Stripe-Signature": stripe.webhooks.generateTestHeaderString({ payload, secret }) },
      }),
    );

  it("refuses a forged signature with 400 and changes nothing", async () => {
    const c = await placed("stripe");
    const before = snapshot();
    expect((await send(event("checkout.session.completed", c.code, c.total), "whsec_forged_secret")).status).toBe(400);
    const unsigned = await respond(stripeWebhook as never, new Request(`${ORIGIN}/api/stripe/webhook`, { method: "POST", body: event("checkout.session.completed", c.code, c.total) }));
    expect(unsigned.status).toBe(400);
    expect(snapshot()).toEqual(before);
  });

  it("applies the same event delivered 10 times once", async () => {
    const c = await placed("stripe");
    const payload = event("checkout.session.completed", c.code, c.total);
    const before = providerEvents("stripe").length;
    const mails = db().select().from(emailOutbox).all().length;
    for (let i = 0; i < 10; i++) expect((await send(payload)).status).toBe(200);
    expect(stateOf(c.code)).toEqual(["placed/paid", "placed/paid"]);
    expect(providerEvents("stripe").length - before).toBe(1);
    const paid = db().select().from(payments).where(eq(payments.orderId, c.orders[0]!.id)).get()!;
    expect(paid).toMatchObject({ providerRef: `pi_${c.code}`, channel: "cashless_intermediary" });
    expect(paid.paidAt).not.toBeNull();
    // One "paid" e-mail to the buyer and one "new order" to each producer, not ten.
    expect(db().select().from(emailOutbox).all().length - mails).toBe(4);
  });

  it("ends paid when 'succeeded' arrives before 'completed (unpaid)'", async () => {
    const c = await placed("stripe");
    await send(event("checkout.session.async_payment_succeeded", c.code, c.total));
    await send(event("checkout.session.completed", c.code, c.total, "unpaid"));
    await send(event("checkout.session.async_payment_failed", c.code, c.total));
    expect(stateOf(c.code)).toEqual(["placed/paid", "placed/paid"]);
  });

  it("ignores the events of a session that was replaced after a failed create", async () => {
    const c = await placed("stripe");
    db().run(sql`UPDATE payment_sessions SET provider_session_id = ${`cs_test_${c.code}`} WHERE reference = ${c.code}`);
    const stale = JSON.parse(event("checkout.session.expired", c.code, c.total)) as { data: { object: { id: string } } };
    stale.data.object.id = "cs_test_an_older_one";
    expect((await send(JSON.stringify(stale))).body).toMatchObject({ result: "unknown_target" });
    expect(stateOf(c.code)).toEqual(["pending_payment/pending", "pending_payment/pending"]);
    await send(event("checkout.session.completed", c.code, c.total));
    expect(stateOf(c.code)).toEqual(["placed/paid", "placed/paid"]);
  });

  it("an expired session cancels the orders and puts the stock back; a wrong amount changes nothing", async () => {
    const stockBefore = stockOf(shop.sen);
    const c = await placed("stripe");
    expect(stockOf(shop.sen)).toBe(stockBefore - 1);
    const wrong = await send(event("checkout.session.completed", c.code, c.total - 1000));
    expect(wrong.body).toMatchObject({ result: "amount_mismatch" });
    expect(stateOf(c.code)).toEqual(["pending_payment/pending", "pending_payment/pending"]);
    await send(event("checkout.session.expired", c.code, c.total));
    expect(stateOf(c.code)).toEqual(["cancelled/expired", "cancelled/expired"]);
    expect(stockOf(shop.sen)).toBe(stockBefore);
    // An event type we do not act on is acknowledged and kept.
    expect((await send(event("payment_intent.created", c.code, c.total))).status).toBe(200);
  });
});

describe("VNPay IPN", () => {
  let n = 0;
  const ipn = (reference: string, amount: number, code = "00", extra: Record<string, string> = {}, secret = env().VNPAY_HASH_SECRET) => {
    const params: Record<string, string> = {
      vnp_Amount: String(amount * 100),
      vnp_BankCode: "NCB",
      vnp_OrderInfo: `Thanh toan don hang ${reference}`,
      vnp_PayDate: "20261122120000",
      vnp_ResponseCode: code,
      vnp_TmnCode: env().VNPAY_TMN_CODE,
      vnp_TransactionNo: code === "24" ? "0" : String(14_000_000 + ++n),
      vnp_TransactionStatus: code === "00" ? "00" : "02",
      vnp_TxnRef: reference,
      ...extra,
    };
    return new Request(`${ORIGIN}/api/vnpay/ipn?${vnpayQuery(params)}&vnp_SecureHashType=HmacSHA512&vnp_SecureHash=${signVnpay(params, secret)}`);
  };
  const send = async (request: Request) => (await respond(vnpayIpn as never, request)).body!.RspCode;

  it("answers 97 to a forged signature and changes nothing", async () => {
    const c = await placed("vnpay");
    const before = snapshot();
    expect(await send(ipn(c.code, c.total, "00", {}, "not-the-hash-secret"))).toBe("97");
    expect(snapshot()).toEqual(before);
  });

  it("answers 01 for an unknown order and 04 for a changed amount, changing nothing", async () => {
    const c = await placed("vnpay");
    expect(await send(ipn("CK2611229999999", c.total))).toBe("01");
    expect(await send(ipn(c.code, c.total + 10_000))).toBe("04");
    expect(stateOf(c.code)).toEqual(["pending_payment/pending", "pending_payment/pending"]);
  });

  it("answers 00 once and 02 to the nine replays; one effect", async () => {
    const c = await placed("vnpay");
    const request = ipn(c.code, c.total);
    const replies = [];
    const before = providerEvents("vnpay").length;
    for (let i = 0; i < 10; i++) replies.push(await send(request.clone()));
    expect(replies).toEqual(["00", ...Array(9).fill("02")]);
    expect(stateOf(c.code)).toEqual(["placed/paid", "placed/paid"]);
    expect(providerEvents("vnpay").length - before).toBe(1);
    // A failure arriving after the success does not undo it.
    expect(await send(ipn(c.code, c.total, "51"))).toBe("02");
    expect(stateOf(c.code)).toEqual(["placed/paid", "placed/paid"]);
  });

  it("records a cancelled payment (24) with 00, cancels the orders and releases the stock", async () => {
    const stock = stockOf(shop.nuocMam);
    const c = await placed("vnpay");
    expect(await send(ipn(c.code, c.total, "24"))).toBe("00");
    expect(stateOf(c.code)).toEqual(["cancelled/cancelled", "cancelled/cancelled"]);
    expect(stockOf(shop.nuocMam)).toBe(stock);
  });
});

describe("MoMo IPN", () => {
  let n = 0;
  const ipn = (reference: string, amount: number, resultCode = 0, secret = env().MOMO_SECRET_KEY) => {
    const body = {
      partnerCode: env().MOMO_PARTNER_CODE,
      orderId: reference,
      requestId: `${reference}-1`,
      amount,
      orderInfo: `Thanh toan don hang ${reference}`,
      orderType: "momo_wallet",
      transId: resultCode === 0 || resultCode === 9000 ? 3_100_000_000 + ++n : 0,
      resultCode,
      message: resultCode === 0 ? "Thành công." : "Khác",
      payType: "qr",
      responseTime: 1795300000000,
      extraData: "",
    };
    const signature = signMomoIpn({ ...body, accessKey: env().MOMO_ACCESS_KEY }, secret);
    return JSON.stringify({ ...body, signature });
  };
  const send = async (payload: string) =>
    (await respond(momoIpn as never, new Request(`${ORIGIN}/api/momo/ipn`, { method: "POST", body: payload, headers: { "Content-Type": "application/json" } }))).status;

  it("refuses a forged signature with 400 and changes nothing", async () => {
    const c = await placed("momo");
    const before = snapshot();
    expect(await send(ipn(c.code, c.total, 0, "forged-secret-key"))).toBe(400);
    expect(await send("not json")).toBe(400);
    expect(snapshot()).toEqual(before);
  });

  it("acknowledges 10 deliveries with 204 and applies one", async () => {
    const c = await placed("momo");
    const payload = ipn(c.code, c.total);
    const before = providerEvents("momo").length;
    for (let i = 0; i < 10; i++) expect(await send(payload)).toBe(204);
    expect(stateOf(c.code)).toEqual(["placed/paid", "placed/paid"]);
    expect(providerEvents("momo").length - before).toBe(1);
  });

  it("ends paid when success arrives before 'authorised, pending'", async () => {
    const c = await placed("momo");
    await send(ipn(c.code, c.total, 0));
    await send(ipn(c.code, c.total, 9000));
    expect(stateOf(c.code)).toEqual(["placed/paid", "placed/paid"]);
  });

  it("a refusal (1006) cancels the orders", async () => {
    const c = await placed("momo");
    expect(await send(ipn(c.code, c.total, 1006))).toBe(204);
    expect(stateOf(c.code)).toEqual(["cancelled/cancelled", "cancelled/cancelled"]);
  });
});

// VietQR transfers are confirmed through each producer's SePay link: tests/integration/sepay.test.ts.

describe("the expiry job", () => {
  beforeEach(() => {
    // What earlier tests left waiting expires first, so only this test's orders move.
    expireUnpaidPayments(new Date(Date.now() + 2 * 3600_000));
  });

  it("expires an unpaid VietQR order after 30 minutes, cancelling it and releasing its stock", async () => {
    const stock = stockOf(shop.xoai);
    const c = await placed("vietqr", [[shop.xoai, 3]]);
    expect(stockOf(shop.xoai)).toBe(stock - 3);
    expireUnpaidPayments(new Date(Date.now() + 29 * 60_000));
    expect(stateOf(c.code)).toEqual(["pending_payment/pending"]);
    expireUnpaidPayments(new Date(Date.now() + 31 * 60_000));
    expect(stateOf(c.code)).toEqual(["cancelled/expired"]);
    expect(stockOf(shop.xoai)).toBe(stock);
    const events = db().select().from(paymentEvents).where(eq(paymentEvents.paymentId, db().select().from(payments).where(eq(payments.orderId, c.orders[0]!.id)).get()!.id)).all();
    expect(events.map((e) => e.status)).toEqual(["pending", "expired"]);
    // Money that arrives later is flagged for a refund (tests/integration/sepay.test.ts).
  });

  it("expires a gateway checkout after its session deadline, never a COD order", async () => {
    const card = await placed("stripe");
    const cod = await placed("cod");
    expireUnpaidPayments(new Date(Date.now() + 39 * 60_000));
    expect(stateOf(card.code)).toEqual(["pending_payment/pending", "pending_payment/pending"]);
    expireUnpaidPayments(new Date(Date.now() + 41 * 60_000));
    expect(stateOf(card.code)).toEqual(["cancelled/expired", "cancelled/expired"]);
    expireUnpaidPayments(new Date(Date.now() + 30 * 24 * 3600_000));
    expect(stateOf(cod.code)).toEqual(["placed/pending", "placed/pending"]);
  });
});

// Whatever these flows did to orders and payments, the indicators' rollups followed in the same
// transactions: they equal a full recomputation from the base tables.
afterAll(() => {
  expect(salesDailyDifferences(db().$client)).toEqual([]);
  expect(salesMonthlyDifferences(db().$client)).toEqual([]);
});
