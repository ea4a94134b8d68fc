// Every answer of the payment sandbox validated against the providers' documented schemas
// (tests/contracts/), and every request the app sends to it (that goes through fetch) too. Its
// webhooks are caught by a small listener standing for the app's endpoints.
import type { IncomingMessage } from "node:http";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { placeCheckout } from "~/checkout/checkout.server";
import { refundThroughProvider } from "~/checkout/refunds.server";
import type { StorefrontMethod } from "~/payments/provider";
import { providerFor } from "~/payments/registry.server";
import { startPayment } from "~/payments/sessions.server";
import { applyProviderEvent } from "~/payments/webhooks.server";
import { paymentSessions, products } from "#db/schema";
import { fillCart, newShopper, seedShop, type Shop } from "../../scripts/fixtures/shop";
import * as momo from "../contracts/momo/gateway";
import { CheckoutSession, CheckoutSessionEvent, StripeError } from "../contracts/stripe/checkout-sessions";
import { Refund } from "../contracts/stripe/refunds";
import * as vnpay from "../contracts/vnpay/gateway";

type Caught = { method: string; url: string; headers: IncomingMessage["headers"]; body: string };
const { server, hooks, sandbox, caught } = await vi.hoisted(async () => {
  const { createServer: create } = await import("node:http");
  const { createSandboxApp } = await import("../../scripts/payment-sandbox/app");
  const { config } = await import("../../scripts/payment-sandbox/common");
  const caught: Caught[] = [];
  // The app's webhook endpoints, as the sandbox sees them: record, acknowledge as each provider expects.
  const hooks = create((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      caught.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      if (req.url!.startsWith("/api/momo")) return res.writeHead(204).end();
      res.writeHead(200, { "Content-Type": "application/json" }).end(req.url!.startsWith("/api/vnpay") ? '{"RspCode":"00","Message":"Confirm Success"}' : "{}");
    });
  }).listen(0, "127.0.0.1");
  const server = createSandboxApp().listen(0, "127.0.0.1");
  await Promise.all([hooks, server].map((s) => new Promise<void>((up) => s.once("listening", up))));
  const sandbox = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  config.publicUrl = sandbox;
  config.appUrl = `http://127.0.0.1:${(hooks.address() as { port: number }).port}`;
  process.env.PAYMENT_SANDBOX_URL = sandbox;
  process.env.PUBLIC_URL = config.appUrl;
  return { server, hooks, sandbox, caught };
});

let shop: Shop;
const sent: { url: string; body: unknown }[] = [];
beforeAll(() => {
  shop = seedShop();
  db().update(products).set({ stock: 500 }).run();
});
beforeEach(() => {
  // What the app sends through fetch (MoMo, VNPay refund), kept for the request schemas (the
  // common setup restores every spy after each test).
  const real = globalThis.fetch;
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url.startsWith(sandbox) && typeof init?.body === "string") sent.push({ url, body: JSON.parse(init.body) });
    return real(input, init);
  });
});
afterAll(async () => {
  await Promise.all([server, hooks].map((s) => new Promise<void>((done) => s.close(() => done()))));
});

const waitFor = async (pred: () => Caught | undefined): Promise<Caught> => {
  for (let i = 0; i < 100; i++) {
    const hit = pred();
    if (hit) return hit;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error("no webhook arrived");
};

async function started(method: StorefrontMethod) {
  const email = `buyer-${Math.random().toString(36).slice(2)}@example.vn`;
  const buyer = await newShopper(email);
  fillCart(buyer.id, [[shop.sen, 1], [shop.nuocMam, 1]]);
  const r = placeCheckout({ userId: buyer.id, buyerName: "Trần Minh Khách", buyerPhone: "0912345678", buyerEmail: email, shipProvinceId: db().get<{ id: number }>(sql`SELECT id FROM provinces WHERE slug = 'ha-noi'`)!.id, shipCommune: "Phường Ba Đình", shipStreet: "Số 1 Kim Mã", note: "", method });
  if (!r.ok) throw new Error(r.problem.kind);
  const s = await startPayment(r.placed.checkoutCode, { userId: buyer.id, email }, { locale: "vi", clientIp: "203.113.0.9" });
  if (s.kind !== "redirect") throw new Error("not started");
  return { code: r.placed.checkoutCode, orderCode: r.placed.orderCodes[0]!, url: s.url, email, session: () => db().select().from(paymentSessions).where(eq(paymentSessions.checkoutCode, r.placed.checkoutCode)).get()! };
}
const member = () => ({ userId: shop.tanThuanMember, email: "htx@example.vn" });
const auth = () => ({ Authorization: `Bearer ${env().STRIPE_SECRET_KEY}` });

describe("the Stripe sandbox against Stripe's documented objects", () => {
  it("sessions, webhook events, refunds and errors have the documented shape", async () => {
    const c = await started("stripe");
    const id = c.session().providerSessionId!;
    const session = await (await fetch(`${sandbox}/v1/checkout/sessions/${id}`, { headers: auth() })).json();
    expect(CheckoutSession.parse(session)).toMatchObject({ client_reference_id: c.code, currency: "vnd", status: "open" });
    await fetch(`${sandbox}/stripe/pay/${id}`, { method: "POST", body: new URLSearchParams({ result: "paid" }), redirect: "manual" });
    const hook = await waitFor(() => caught.find((h) => h.url === "/api/stripe/webhook" && h.body.includes(id)));
    const event = CheckoutSessionEvent.parse(JSON.parse(hook.body));
    // The app's own verification accepts what the sandbox signed.
    const read = providerFor("stripe").readEvent!({ body: hook.body, headers: new Headers({ "Stripe-Signature": String(hook.headers["stripe-signature"]) }), query: new URLSearchParams() });
    expect(read).toMatchObject({ outcome: "paid", target: { reference: c.code } });
    applyProviderEvent(read!);
    const refund = await refundThroughProvider(shop.tanThuan, member(), c.orderCode, 10_000, "203.113.0.9");
    expect(refund).toMatchObject({ ok: true, kind: "partial" });
    const direct = await fetch(`${sandbox}/v1/refunds`, { method: "POST", headers: { ...auth(), "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ payment_intent: String(event.data.object.payment_intent), amount: "1000" }) });
    expect(Refund.parse(await direct.json())).toMatchObject({ status: "succeeded", amount: 1000 });
    const tooMuch = await fetch(`${sandbox}/v1/refunds`, { method: "POST", headers: { ...auth(), "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ payment_intent: String(event.data.object.payment_intent), amount: "99999999" }) });
    expect(tooMuch.status).toBe(400);
    expect(StripeError.parse(await tooMuch.json()).error.code).toBe("amount_too_large");
  });
});

describe("the VNPay sandbox against VNPay's documents", () => {
  it("the pay URL, the IPN query and the refund request and answer have the documented shape", async () => {
    const c = await started("vnpay");
    const pay = Object.fromEntries(new URL(c.url).searchParams);
    expect(vnpay.PayRequest.safeParse(pay).error?.issues ?? []).toEqual([]);
    expect((await fetch(c.url)).status).toBe(200);
    await fetch(`${sandbox}/paymentv2/pay`, { method: "POST", body: new URLSearchParams({ txnRef: pay.vnp_TxnRef!, code: "00", bank: "NCB" }), redirect: "manual" });
    const hook = await waitFor(() => caught.find((h) => h.url.startsWith("/api/vnpay/ipn") && h.url.includes(c.code)));
    const query = new URL(hook.url, "http://x").searchParams;
    expect(vnpay.IpnQuery.safeParse(Object.fromEntries(query)).error?.issues ?? []).toEqual([]);
    const read = providerFor("vnpay").readEvent!({ body: "", headers: new Headers(), query });
    expect(read).toMatchObject({ outcome: "paid" });
    applyProviderEvent(read!);
    expect(await refundThroughProvider(shop.tanThuan, member(), c.orderCode, 10_000, "203.113.0.9")).toMatchObject({ ok: true, kind: "partial" });
    const request = sent.filter((s) => s.url.includes("/merchant_webapi/")).at(-1)!;
    expect(vnpay.RefundRequest.safeParse(request.body).error?.issues ?? []).toEqual([]);
    expect(request.body).toMatchObject({ vnp_TransactionType: "03", vnp_Amount: 1_000_000 });
    const answer = await fetch(`${sandbox}/merchant_webapi/api/transaction`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(request.body) });
    expect(vnpay.RefundResponse.safeParse(await answer.json()).error?.issues ?? []).toEqual([]);
  });
});

describe("the MoMo sandbox against MoMo's documents", () => {
  it("create, IPN and refund requests and answers have the documented shape", async () => {
    const c = await started("momo");
    const create = sent.filter((s) => s.url.endsWith("/v2/gateway/api/create")).at(-1)!;
    expect(momo.CreateRequest.safeParse(create.body).error?.issues ?? []).toEqual([]);
    const again = await fetch(`${sandbox}/v2/gateway/api/create`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(create.body) });
    const duplicate = momo.CreateResponse.parse(await again.json());
    expect(duplicate.resultCode).toBe(41);
    await fetch(c.url, { method: "POST", body: new URLSearchParams({ result: "7000" }), redirect: "manual" });
    await waitFor(() => (caught.filter((h) => h.url === "/api/momo/ipn" && h.body.includes(c.code)).length >= 2 ? caught.at(-1) : undefined));
    for (const hook of caught.filter((h) => h.url === "/api/momo/ipn" && h.body.includes(c.code))) {
      const ipn = momo.Ipn.parse(JSON.parse(hook.body));
      const read = providerFor("momo").readEvent!({ body: hook.body, headers: new Headers(), query: new URLSearchParams() });
      expect(read?.outcome).toBe(ipn.resultCode === 0 ? "paid" : "pending");
      applyProviderEvent(read!);
    }
    expect(await refundThroughProvider(shop.tanThuan, member(), c.orderCode, 10_000, "203.113.0.9")).toMatchObject({ ok: true, kind: "partial" });
    const refund = sent.filter((s) => s.url.endsWith("/v2/gateway/api/refund")).at(-1)!;
    expect(momo.RefundRequest.safeParse(refund.body).error?.issues ?? []).toEqual([]);
    const replay = await fetch(`${sandbox}/v2/gateway/api/refund`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(refund.body) });
    expect(momo.RefundResponse.parse(await replay.json()).resultCode).toBe(41);
  });
});
