// Refunds that reach the provider: a producer refunds part and then the rest of a paid order
// through Stripe, VNPay and MoMo, against the payment sandbox run in this process. The order and
// the indicators show "refunded" only when the provider confirmed; a refusal changes nothing.
import { eq, sql } from "drizzle-orm";
import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { refundThroughProvider } from "~/checkout/refunds.server";
import type { StorefrontMethod } from "~/payments/provider";
import { startPayment } from "~/payments/sessions.server";
import { action as momoIpn } from "~/routes/api/api.momo.ipn";
import { action as stripeWebhook } from "~/routes/api/api.stripe.webhook";
import { loader as vnpayIpn } from "~/routes/api/api.vnpay.ipn";
import { action as sellerOrderAction, loader as sellerOrderLoader } from "~/routes/seller/kenh-nguoi-ban.don-hang.$code";
import { action as refundAction, loader as refundLoader } from "~/routes/seller/kenh-nguoi-ban.don-hang.$code_.hoan-tien";
import { loader as buyerLoader } from "~/routes/storefront/don-hang.$code";
import { paymentSessions, products } from "#db/schema";
import { salesDailyDifferences, salesMonthlyDifferences } from "#db/rollups";
import { ORIGIN, call, dataOf, get, placedCheckout, post, seedShop, sessionCookie, statusOf, stockOf, type Shop } from "../../scripts/fixtures/shop";

const { server, sandbox } = await vi.hoisted(async () => {
  const { startPaymentSandbox } = await import("../../scripts/fixtures/payment-sandbox");
  return startPaymentSandbox();
});

let shop: Shop;
beforeAll(() => {
  shop = seedShop();
  db().update(products).set({ stock: 500 }).run();
});
afterAll(() => {
  // Refunds moved orders and payments; the indicators' rollups followed in the same transactions.
  expect(salesDailyDifferences(db().$client)).toEqual([]);
  expect(salesMonthlyDifferences(db().$client)).toEqual([]);
  return new Promise<void>((done) => server.close(() => done()));
});
beforeEach(async () => {
  await fetch(`${sandbox}/__sandbox/reset`, { method: "POST" });
  await behave({ drop: true }); // the tests deliver the webhooks themselves
});
const behave = (b: Record<string, unknown>) => fetch(`${sandbox}/__sandbox/behaviour`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(b) });
const context = { locale: "vi" as const, clientIp: "203.113.0.9" };
const producer = { userId: 0, email: "htx@example.vn" };

/** Places a checkout (hạt sen from Tân Thuận, nước mắm from Phú Quốc) and pays it at the sandbox. */
async function paid(method: Exclude<StorefrontMethod, "vietqr" | "cod">) {
  const placed = await placedCheckout(method, [[shop.sen, 1], [shop.nuocMam, 1]]);
  const { buyer } = placed;
  const code = placed.checkoutCode;
  const started = await startPayment(code, { userId: buyer.id, email: buyer.email }, context);
  if (started.kind !== "redirect") throw new Error("no pay URL");
  if (method === "stripe") {
    const id = db().select().from(paymentSessions).where(eq(paymentSessions.checkoutCode, code)).get()!.providerSessionId!;
    await fetch(`${sandbox}/stripe/pay/${id}`, { method: "POST", body: new URLSearchParams({ result: "paid" }), redirect: "manual" });
    const session = await (await fetch(`${sandbox}/v1/checkout/sessions/${id}`, { headers: { Authorization: `Bearer ${env().STRIPE_SECRET_KEY}` } })).json();
    const payload = JSON.stringify({ id: `evt_${id}`, object: "event", type: "checkout.session.completed", created: Math.floor(Date.now() / 1000), data: { object: session } });
    const signature = new Stripe("sk_test_x").webhooks.generateTestHeaderString({ payload, secret: env().STRIPE_WEBHOOK_SECRET });
    await stripeWebhook({ request: new Request(`${ORIGIN}/api/stripe/webhook`, { method: "POST", body: payload, headers: { "Stripe-Signature": signature } }), params: {}, context: {} } as never);
  } else if (method === "vnpay") {
    await fetch(started.url);
    const txnRef = new URL(started.url).searchParams.get("vnp_TxnRef")!;
    const res = await fetch(`${sandbox}/paymentv2/pay`, { method: "POST", body: new URLSearchParams({ txnRef, code: "00", bank: "NCB" }), redirect: "manual" });
    const query = new URL(res.headers.get("Location")!).search;
    await vnpayIpn({ request: new Request(`${ORIGIN}/api/vnpay/ipn${query}`), params: {}, context: {} } as never);
  } else {
    const res = await fetch(`${started.url}`, { method: "POST", body: new URLSearchParams({ result: "0" }), redirect: "manual" });
    const back = new URL(res.headers.get("Location")!).searchParams;
    const numbers = new Set(["amount", "transId", "resultCode", "responseTime"]);
    const ipn = Object.fromEntries([...back].filter(([k]) => k !== "lang").map(([k, v]) => [k, numbers.has(k) ? Number(v) : v]));
    await momoIpn({ request: new Request(`${ORIGIN}/api/momo/ipn`, { method: "POST", body: JSON.stringify(ipn) }), params: {}, context: {} } as never);
  }
  const senOrder = placed.orderCodes[0]!;
  expect(stateOf(senOrder)).toBe("placed/paid");
  return { code, senOrder, total: placed.total, buyerId: buyer.id };
}
const stateOf = (orderCode: string) =>
  db().get<{ s: string }>(sql`SELECT o.status || '/' || p.status AS s FROM orders o JOIN payments p ON p.order_id = o.id WHERE o.code = ${orderCode}`)!.s;
const amountOf = (orderCode: string) => db().get<{ n: number }>(sql`SELECT total AS n FROM orders WHERE code = ${orderCode}`)!.n;

describe.each(["stripe", "vnpay", "momo"] as const)("refunds through %s", (method) => {
  it("refunds part, then the rest; refunded only once the provider confirmed all of it", async () => {
    const stock = stockOf(shop.sen);
    const c = await paid(method);
    const total = amountOf(c.senOrder);
    const part = await refundThroughProvider(shop.tanThuan, { ...producer, userId: shop.tanThuanMember }, c.senOrder, 20_000, "203.113.0.9");
    expect(part).toMatchObject({ ok: true, kind: "partial", amount: 20_000, left: total - 20_000 });
    expect(stateOf(c.senOrder)).toBe("placed/paid");
    const tooMuch = await refundThroughProvider(shop.tanThuan, { ...producer, userId: shop.tanThuanMember }, c.senOrder, total, "203.113.0.9");
    expect(tooMuch).toMatchObject({ ok: false, reason: "bad_amount", max: total - 20_000 });
    const rest = await refundThroughProvider(shop.tanThuan, { ...producer, userId: shop.tanThuanMember }, c.senOrder, null, "203.113.0.9");
    expect(rest).toMatchObject({ ok: true, kind: "refunded", amount: total - 20_000, left: 0 });
    expect(stateOf(c.senOrder)).toBe("refunded/refunded");
    // Refunded before it shipped: the hạt sen is back on the shelf.
    expect(stockOf(shop.sen)).toBe(stock);
  });

  it("changes nothing when the provider refuses", async () => {
    const c = await paid(method);
    await behave({ failRefund: true });
    const r = await refundThroughProvider(shop.tanThuan, { ...producer, userId: shop.tanThuanMember }, c.senOrder, null, "203.113.0.9");
    expect(r).toMatchObject({ ok: false, reason: "refused" });
    expect(stateOf(c.senOrder)).toBe("placed/paid");
  });
});

describe("a Stripe refund still pending", () => {
  it("is recorded but not shown as refunded until Stripe says it succeeded", async () => {
    const c = await paid("stripe");
    await behave({ refundPending: true });
    const r = await refundThroughProvider(shop.tanThuan, { ...producer, userId: shop.tanThuanMember }, c.senOrder, null, "203.113.0.9");
    expect(r).toMatchObject({ ok: true, kind: "pending" });
    expect(stateOf(c.senOrder)).toBe("placed/paid");
    // Later Stripe says the refund succeeded (refund.updated): now it counts, once.
    const pending = db().get<{ id: string; amount: number }>(sql`SELECT replace(event_id, ':pending', '') AS id, json_extract(payload, '$.amount') AS amount FROM payment_events WHERE type = 'refund.pending' ORDER BY id DESC LIMIT 1`)!;
    const payload = JSON.stringify({
      id: `evt_${pending.id}`,
      object: "event",
      type: "refund.updated",
      created: Math.floor(Date.now() / 1000),
      data: { object: { id: pending.id, object: "refund", amount: pending.amount, currency: "vnd", payment_intent: "pi_x", status: "succeeded" } },
    });
    const signature = new Stripe("sk_test_x").webhooks.generateTestHeaderString({ payload, secret: env().STRIPE_WEBHOOK_SECRET });
    const deliver = () =>
      stripeWebhook({ request: new Request(`${ORIGIN}/api/stripe/webhook`, { method: "POST", body: payload, headers: { "Stripe-Signature": signature } }), params: {}, context: {} } as never);
    expect((await deliver()).status).toBe(200);
    expect(stateOf(c.senOrder)).toBe("refunded/refunded");
    expect(await (await deliver()).json()).toMatchObject({ result: "duplicate" });
  });
});

describe("the seller's refund step", () => {
  it("asks for a reason before anything moves, refuses an amount that is not a number, then refunds part with its reason, which the buyer reads", async () => {
    const c = await paid("stripe");
    const cookie = await sessionCookie(shop.tanThuanMember);
    const url = `/kenh-nguoi-ban/don-hang/${c.senOrder}/hoan-tien`;
    // The order page's button leads to the confirmation step; a bare "refund" post changes nothing.
    const bare = await call(sellerOrderAction as never, post(`/kenh-nguoi-ban/don-hang/${c.senOrder}`, { intent: "refund" }, cookie), { code: c.senOrder });
    expect(statusOf(bare)).toBe(302);
    expect(stateOf(c.senOrder)).toBe("placed/paid");
    const step = (await call(refundLoader as never, get(url, cookie), { code: c.senOrder })) as { gateway: boolean; left: number; paid: number };
    expect(step).toMatchObject({ gateway: true });
    expect(step.left).toBe(step.paid); // all of it by default

    const noReason = await call(refundAction as never, post(url, { amount: "10.000", reason: "", text: "" }, cookie), { code: c.senOrder });
    expect(statusOf(noReason)).toBe(400);
    expect(dataOf(noReason)).toMatchObject({ errors: { reason: "seller.refund.noReason" } });
    const otherWithoutText = await call(refundAction as never, post(url, { amount: "10.000", reason: "other", text: "  " }, cookie), { code: c.senOrder });
    expect(dataOf(otherWithoutText)).toMatchObject({ errors: { text: "seller.refund.textRequired" } });
    const tooLong = await call(refundAction as never, post(url, { amount: "10.000", reason: "damaged", text: "x".repeat(201) }, cookie), { code: c.senOrder });
    expect(dataOf(tooLong)).toMatchObject({ errors: { text: "seller.refund.textTooLong" } });
    const bad = await call(refundAction as never, post(url, { amount: "mười nghìn", reason: "damaged", text: "" }, cookie), { code: c.senOrder });
    expect(statusOf(bad)).toBe(400);
    expect(dataOf(bad)).toMatchObject({ errors: { amount: "seller.refundBadAmount" } });
    expect(stateOf(c.senOrder)).toBe("placed/paid");

    const ok = await call(refundAction as never, post(url, { amount: "10.000", reason: "damaged", text: "Hũ bị nứt" }, cookie), { code: c.senOrder });
    expect(statusOf(ok)).toBe(302);
    expect(stateOf(c.senOrder)).toBe("placed/paid"); // part of it
    // The buyer's page tells the refund with its amount and reason, in a sentence.
    const buyerPage = (await call(buyerLoader as never, get(`/don-hang/${c.code}`, await sessionCookie(c.buyerId)), { code: c.code })) as {
      histories: Record<string, { key: string | null; note: string | null }[]>;
    };
    const refund = buyerPage.histories[c.senOrder]!.find((h) => h.key === "history.refundPartial")!;
    expect(JSON.parse(refund.note!)).toEqual({ code: "refunded", params: { amount: 10_000, reason: "damaged", text: "Hũ bị nứt" } });
    // The seller's history has it once, and no raw provider strings as sentences.
    const sellerPage = (await call(sellerOrderLoader as never, get(`/kenh-nguoi-ban/don-hang/${c.senOrder}`, cookie), { code: c.senOrder })) as { history: { key: string | null }[] };
    expect(sellerPage.history.filter((h) => h.key === "history.refundPartial")).toHaveLength(1);
    expect(sellerPage.history.filter((h) => h.key === "history.paid")).toHaveLength(1);
  });
});
