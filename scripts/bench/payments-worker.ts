// The in-process half of `npm run bench -- payments`, run in its own process per database
// (DATABASE_URL is read once per process): times checkouts, webhook effects and the expiry
// scan through the domain modules, then prepares what the HTTP half replays. Prints JSON.
import { sql } from "drizzle-orm";
import { createSession } from "~/auth/session.server";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { placeCheckout } from "~/checkout/checkout.server";
import { expireUnpaidPayments } from "~/payments/expiry.server";
import type { StorefrontMethod } from "~/payments/provider";
import { stripeClient } from "~/payments/stripe.server";
import { signVnpay, vnpayQuery } from "~/payments/vnpay";
import { applyProviderEvent } from "~/payments/webhooks.server";
import { cartItems, carts, users } from "#db/schema";

const N = Number(process.env.BENCH_CHECKOUTS ?? 300);

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const summary = (xs: number[]) => ({ n: xs.length, p50: +pct(xs, 50).toFixed(2), p99: +pct(xs, 99).toFixed(2), max: +Math.max(...xs).toFixed(2) });

const d = db();
const hanoi = d.get<{ id: number }>(sql`SELECT id FROM provinces WHERE slug = 'ha-noi'`)!.id;
// Products with stock from producers with a bank account, two producers per cart.
const stocked = d.all<{ id: number; producerId: number }>(sql`
  SELECT p.id, p.producer_id AS producerId FROM products p JOIN producers pr ON pr.id = p.producer_id
  WHERE p.visible = 1 AND p.stock >= 50 AND p.price BETWEEN 20000 AND 2000000 AND pr.bank_bin IS NOT NULL ORDER BY p.id LIMIT 200`);

function shopper(i: number): number {
  return d.insert(users).values({ email: `bench.${i}.${Date.now()}@example.vn`, passwordHash: "x", name: "Bench", role: "shopper" }).returning({ id: users.id }).get().id;
}

function checkout(i: number, method: StorefrontMethod) {
  const userId = shopper(i);
  const cartId = d.insert(carts).values({ userId }).returning({ id: carts.id }).get().id;
  const a = stocked[i % stocked.length]!;
  const b = stocked.find((p) => p.producerId !== a.producerId && p.id > a.id) ?? stocked.find((p) => p.producerId !== a.producerId)!;
  d.insert(cartItems).values([{ cartId, productId: a.id, quantity: 1 }, { cartId, productId: b.id, quantity: 1 }]).run();
  const t = performance.now();
  const r = placeCheckout({ userId, buyerName: "Bench", buyerPhone: "0912345678", buyerEmail: "", shipProvinceId: hanoi, shipCommune: "Ba Đình", shipStreet: "Số 1", note: "", method });
  const ms = performance.now() - t;
  if (!r.ok) throw new Error(`checkout refused: ${r.problem.kind}`);
  return { ms, code: r.placed.checkoutCode, total: r.placed.total, userId };
}

// 1. Checkouts (two producers each, cash on delivery): the whole synchronous transaction.
const placed = Array.from({ length: N }, (_, i) => checkout(i, "cod"));

// 2. Webhook effects: a VNPay "paid" for N fresh checkouts (new event: lookup, record, two payments, two orders, e-mails).
const pending = Array.from({ length: N }, (_, i) => checkout(N + i, "vnpay"));
const applyMs = pending.map((c, i) => {
  const t = performance.now();
  applyProviderEvent({ provider: "vnpay", eventId: `${c.code}:${9_000_000 + i}:00`, type: "ipn", target: { kind: "session", reference: c.code }, outcome: "paid", amount: c.total, providerRef: String(9_000_000 + i), payload: {} });
  return performance.now() - t;
});
const replayMs = pending.slice(0, 100).map((c, i) => {
  const t = performance.now();
  applyProviderEvent({ provider: "vnpay", eventId: `${c.code}:${9_000_000 + i}:00`, type: "ipn", target: { kind: "session", reference: c.code }, outcome: "paid", amount: c.total, providerRef: String(9_000_000 + i), payload: {} });
  return performance.now() - t;
});

// 3. The expiry job's scan when nothing is due (what runs every minute).
const waiting = Array.from({ length: 20 }, (_, i) => checkout(2 * N + i, "vietqr"));
const expiryMs = Array.from({ length: 20 }, () => {
  const t = performance.now();
  expireUnpaidPayments(new Date());
  return performance.now() - t;
});
const t = performance.now();
const { expired } = expireUnpaidPayments(new Date(Date.now() + 2 * 3600_000));
const expireAllMs = performance.now() - t;

// 4. What the HTTP half replays: a signed VNPay IPN and a signed Stripe event for a paid checkout,
// and a producer member's session for the seller's order list.
const paid = pending[0]!;
const ipnParams: Record<string, string> = {
  vnp_Amount: String(paid.total * 100),
  vnp_BankCode: "NCB",
  vnp_OrderInfo: `Thanh toan don hang ${paid.code}`,
  vnp_PayDate: "20261122120000",
  vnp_ResponseCode: "00",
  vnp_TmnCode: env().VNPAY_TMN_CODE,
  vnp_TransactionNo: "9000000",
  vnp_TransactionStatus: "00",
  vnp_TxnRef: paid.code,
};
const ipnPath = `/api/vnpay/ipn?${vnpayQuery(ipnParams)}&vnp_SecureHash=${signVnpay(ipnParams, env().VNPAY_HASH_SECRET)}`;
const stripeBody = JSON.stringify({
  id: "evt_bench_replay",
  object: "event",
  type: "checkout.session.completed",
  created: Math.floor(Date.now() / 1000),
  data: { object: { object: "checkout.session", client_reference_id: "CK-unknown", amount_total: 100000, currency: "vnd", payment_status: "paid" } },
});
const stripeSignature = stripeClient({ apiUrl: env().STRIPE_API_URL, secretKey: env().STRIPE_SECRET_KEY }).webhooks.generateTestHeaderString({
  payload: stripeBody,
  secret: env().STRIPE_WEBHOOK_SECRET,
  timestamp: Math.floor(Date.now() / 1000) + 60, // still inside the 300 s tolerance for the whole run
});
const busiest = d.get<{ producerId: number; n: number }>(sql`SELECT producer_id AS producerId, count(*) AS n FROM orders GROUP BY producer_id ORDER BY n DESC LIMIT 1`)!;
const member = d.insert(users).values({ email: `bench.member.${Date.now()}@example.vn`, passwordHash: "x", name: "Bench", role: "producer", producerId: busiest.producerId }).returning({ id: users.id }).get().id;
const cookie = (await createSession(member, "bench")).split(";")[0]!;
const buyerCookie = (await createSession(placed[0]!.userId, "bench")).split(";")[0]!;

console.log(
  JSON.stringify({
    checkout: summary(placed.map((p) => p.ms)),
    webhookApply: summary(applyMs),
    webhookReplay: summary(replayMs),
    expiryScan: summary(expiryMs),
    expireAll: { expired, ms: +expireAllMs.toFixed(1), waiting: waiting.length },
    http: { ipnPath, stripeBody, stripeSignature, sellerCookie: cookie, sellerOrders: busiest.n, buyerCookie, buyerCheckout: placed[0]!.code },
  }),
);
