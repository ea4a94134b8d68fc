// SePay bank notifications per producer (issue 15): a producer's link, SePay's signed webhook
// through the route, the "cần đối soát" list, and reconciliation through the sandbox's SePay
// transactions API. The notifications are built here in SePay's documented format and signed with
// the sandbox's own signing code, never the app's.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "~/db.server";
import { expireUnpaidPayments } from "~/payments/expiry.server";
import { createLink, linkStatus, linksForProvince, rotateSecret, setApiToken } from "~/payments/bank-links.server";
import { dismissTransfer, matchTransfer, transfersToReview } from "~/payments/bank-transfers.server";
import { paymentCodeFor } from "~/payments/payment-code";
import { reconcileBankTransfers } from "~/payments/reconcile.server";
import { action as sepayWebhook } from "~/routes/api/api.ngan-hang.sepay.$linkId";
import { bankLinks, bankTransfers, emailOutbox, orders, paymentEvents, payments, products } from "#db/schema";
import { sepaySign } from "../../scripts/payment-sandbox/signing";
import { ORIGIN, seedShop, vietqrOrder, type Shop } from "../../scripts/fixtures/shop";

const { server, sandbox } = await vi.hoisted(async () => {
  const { startPaymentSandbox } = await import("../../scripts/fixtures/payment-sandbox");
  return startPaymentSandbox();
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

const ACCOUNT = "0071000123456"; // Tân Thuận's account (scripts/fixtures/shop.ts)
let shop: Shop;
let hmac: { id: number; publicId: string; secret: string };
let apikey: { id: number; publicId: string; secret: string };
beforeAll(() => {
  shop = seedShop();
  db().update(products).set({ stock: 500 }).run();
  const a = createLink(shop.tanThuan, { authMode: "hmac", accountNumbers: [] });
  const b = createLink(shop.tanThuan, { authMode: "apikey", accountNumbers: [ACCOUNT], secret: "sepay-api-key-tan-thuan-0001" });
  if (!a.ok || !b.ok) throw new Error("links");
  hmac = { id: a.link.id, publicId: a.link.publicId, secret: a.secret };
  apikey = { id: b.link.id, publicId: b.link.publicId, secret: b.secret };
});
beforeEach(async () => {
  await fetch(`${sandbox}/__sandbox/reset`, { method: "POST" });
  await sandboxPost("/__sandbox/behaviour", { drop: true }); // the tests deliver webhooks themselves
});
const sandboxPost = (path: string, body: unknown) => fetch(`${sandbox}${path}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) }).then((r) => r.json());

let nextId = 500_000;
const vnNow = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 19).replace("T", " ");
/** A notification as SePay documents it (tests/contracts/sepay/webhooks.ts). */
const notification = (over: Partial<Record<string, unknown>> = {}) => ({
  id: ++nextId,
  gateway: "Vietcombank",
  transactionDate: vnNow(),
  accountNumber: ACCOUNT,
  subAccount: "",
  code: null,
  content: "",
  transferType: "in",
  description: "",
  transferAmount: 0,
  accumulated: 0,
  referenceCode: `FT${nextId}`,
  ...over,
});
type Auth = { kind: "hmac"; secret?: string; ts?: number; signature?: string } | { kind: "apikey"; key?: string; header?: string };

async function send(body: unknown, auth: Auth = { kind: "hmac" }, publicId = auth.kind === "hmac" ? hmac.publicId : apikey.publicId) {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (auth.kind === "hmac") {
    const ts = auth.ts ?? Math.floor(Date.now() / 1000);
    headers["X-SePay-Timestamp"] = String(ts);
    headers["X-SePay-Signature"] = auth.signature ?? sepaySign(text, ts, auth.secret ?? hmac.secret);
  } else headers.Authorization = auth.header ?? `Apikey ${auth.key ?? apikey.secret}`;
  const res = await sepayWebhook({ request: new Request(`${ORIGIN}/api/ngan-hang/sepay/${publicId}`, { method: "POST", body: text, headers }), params: { linkId: publicId }, context: {} });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const stateOf = (orderId: number) => {
  const o = db().select({ status: orders.status }).from(orders).where(eq(orders.id, orderId)).get()!;
  const p = db().select({ status: payments.status }).from(payments).where(eq(payments.orderId, orderId)).get()!;
  return `${o.status}/${p.status}`;
};
const snapshot = () => ({
  orders: db().select().from(orders).all(),
  payments: db().select().from(payments).all(),
  events: db().select().from(paymentEvents).all().length,
  transfers: db().select().from(bankTransfers).all(),
});
const paying = (o: { id: number; total: number }, over: Partial<Record<string, unknown>> = {}) =>
  notification({ content: `MBVCB.3278907687.${paymentCodeFor(o.id)}.CT tu 0071000 NGUYEN VAN AN toi ${ACCOUNT}`, transferAmount: o.total, ...over });

describe("a producer's SePay link", () => {
  it("shows its secret once: the link keeps it encrypted and shows only its last 4 characters", () => {
    const [latest] = linkStatus(shop.tanThuan);
    expect(latest).toMatchObject({ id: apikey.id, secretHint: apikey.secret.slice(-4), webhookPath: `/api/ngan-hang/sepay/${apikey.publicId}`, accountNumbers: [ACCOUNT] });
    expect(JSON.stringify(linkStatus(shop.tanThuan))).not.toContain(hmac.secret);
    const row = db().select().from(bankLinks).where(eq(bankLinks.id, hmac.id)).get()!;
    expect(row.secretEnc).not.toContain(hmac.secret);
    expect(hmac.secret.length).toBeGreaterThanOrEqual(16);
    expect(row.accountNumbers).toBe(JSON.stringify([ACCOUNT])); // the producer's VietQR account by default
  });

  it("a signed notification pays the order; SePay is answered 200 {success: true}; the link is working", async () => {
    const o = await vietqrOrder(shop);
    const res = await send(paying(o));
    expect(res).toEqual({ status: 200, body: { success: true } });
    expect(stateOf(o.id)).toBe("placed/paid");
    expect(db().select().from(payments).where(eq(payments.orderId, o.id)).get()).toMatchObject({ providerRef: `FT${nextId}`, channel: "cashless_direct" });
    expect(linkStatus(shop.tanThuan).find((l) => l.id === hmac.id)).toMatchObject({ state: "working", lastError: null, lastTestAt: expect.any(String) });
  });

  it("an API Key notification pays too; SePay's own code is read first", async () => {
    const o = await vietqrOrder(shop);
    expect((await send(paying(o, { content: "CHUYEN TIEN", code: paymentCodeFor(o.id) }), { kind: "apikey" })).status).toBe(200);
    expect(stateOf(o.id)).toBe("placed/paid");
  });

  it("a duplicate changes nothing: the same id ten times, or the same bank reference under another id", async () => {
    const o = await vietqrOrder(shop);
    const body = paying(o);
    expect((await send(body)).body).toEqual({ success: true });
    const after = snapshot();
    for (let i = 0; i < 9; i++) expect(await send(body)).toEqual({ status: 200, body: { success: true } });
    expect(await send({ ...body, id: ++nextId }, { kind: "apikey" })).toEqual({ status: 200, body: { success: true } });
    expect(snapshot()).toEqual(after);
    expect(db().select().from(paymentEvents).where(eq(paymentEvents.provider, "sepay")).all().filter((e) => e.eventId === String(body.id))).toHaveLength(1);
  });

  it("refuses a stale timestamp, a bad HMAC, a wrong or missing API key with 401 JSON, and nothing changes", async () => {
    const o = await vietqrOrder(shop);
    const body = paying(o);
    const before = snapshot();
    const now = Math.floor(Date.now() / 1000);
    const refusals = [
      await send(body, { kind: "hmac", ts: now - 301 }),
      await send(body, { kind: "hmac", ts: now + 400 }),
      await send(body, { kind: "hmac", secret: "forged-secret-0000000000" }),
      await send(body, { kind: "hmac", signature: "sha256=" + "é".repeat(64) }),
      await send(body, { kind: "hmac", signature: "" }),
      await send(body, { kind: "apikey", key: "sepay-api-key-tan-thuan-0002" }),
      await send(body, { kind: "apikey", header: `Bearer ${apikey.secret}` }),
      // The HMAC link's secret does not open the API Key link, nor the other way round.
      await send(body, { kind: "apikey", key: hmac.secret }),
    ];
    for (const r of refusals) expect(r).toMatchObject({ status: 401, body: { success: false } });
    expect(snapshot()).toEqual(before);
    expect(stateOf(o.id)).toBe("pending_payment/pending");
    expect(linkStatus(shop.tanThuan).find((l) => l.id === apikey.id)).toMatchObject({ state: "failing", lastError: expect.stringMatching(/Khóa API/) });
    // The right key again: the link recovers.
    expect((await send(body, { kind: "apikey" })).status).toBe(200);
    expect(linkStatus(shop.tanThuan).find((l) => l.id === apikey.id)).toMatchObject({ state: "working", lastError: null });
  });

  it("answers an unknown link 404 and a malformed body 400, changing nothing", async () => {
    const o = await vietqrOrder(shop);
    const before = snapshot();
    expect((await send(paying(o), { kind: "hmac" }, "AAAAAAAAAAAAAAAAAAAAAA")).status).toBe(404);
    expect((await send(paying(o, { transferAmount: -5 }))).status).toBe(400);
    expect((await send(paying(o, { transactionDate: "25/03/2023" }))).status).toBe(400);
    expect((await send("not json"))).toMatchObject({ status: 400, body: { success: false } });
    expect(snapshot()).toEqual(before);
  });

  it("ignores money going out (answered success so SePay stops retrying)", async () => {
    const o = await vietqrOrder(shop);
    const before = snapshot();
    expect(await send(paying(o, { transferType: "out" }))).toEqual({ status: 200, body: { success: true } });
    expect(snapshot()).toEqual(before);
  });
});

describe("cần đối soát", () => {
  it("a wrong amount waits for the producer (flagged, e-mailed); matchTransfer then pays it, once", async () => {
    const o = await vietqrOrder(shop);
    expect((await send(paying(o, { transferAmount: o.total - 10_000 }))).body).toEqual({ success: true });
    expect(stateOf(o.id)).toBe("pending_payment/flagged");
    expect(db().select().from(emailOutbox).where(eq(emailOutbox.kind, "payment_flagged")).all().at(-1)!.bodyText).toMatch(/thay vì/);
    const item = transfersToReview(shop.tanThuan).find((t) => t.orderCode === o.code)!;
    expect(item).toMatchObject({ reason: "wrong_amount", reasonLabel: "Sai số tiền", amount: o.total - 10_000, accountNumber: ACCOUNT });
    // Another producer cannot match it, nor can it be matched to an order that is not the producer's.
    expect(matchTransfer(shop.phuQuoc, item.id, o.code, { userId: shop.phuQuocMember }).ok).toBe(false);
    expect(matchTransfer(shop.tanThuan, item.id, "OC9999999999999", { userId: shop.tanThuanMember })).toMatchObject({ ok: false, field: "orderCode" });
    expect(matchTransfer(shop.tanThuan, item.id, paymentCodeFor(o.id), { userId: shop.tanThuanMember })).toEqual({ ok: true, orderCode: o.code });
    expect(stateOf(o.id)).toBe("placed/paid");
    expect(transfersToReview(shop.tanThuan).some((t) => t.id === item.id)).toBe(false);
    expect(matchTransfer(shop.tanThuan, item.id, o.code, { userId: shop.tanThuanMember }).ok).toBe(false);
  });

  it("no code, an unknown order or a paid order: kept with the memo and the reason; dismissTransfer takes one off", async () => {
    const o = await vietqrOrder(shop);
    await send(notification({ content: "NGUYEN THI NGOC chuyen tien hang", transferAmount: 50_000 }));
    await send(notification({ content: "OC99999999999994 thanh toan", transferAmount: 50_000 }));
    await send(paying(o));
    await send(paying(o)); // a second, different transfer for the same order (new id): already paid
    const list = transfersToReview(shop.tanThuan);
    expect(list.find((t) => t.memo === "NGUYEN THI NGOC chuyen tien hang")).toMatchObject({ reason: "no_code" });
    expect(list.find((t) => t.memo.startsWith("OC99999999999994"))).toMatchObject({ reason: "unknown_order" });
    expect(list.find((t) => t.reason === "already_paid" && t.orderCode === o.code)).toBeTruthy();
    const noCode = list.find((t) => t.reason === "no_code")!;
    expect(dismissTransfer(shop.phuQuoc, noCode.id, { userId: shop.phuQuocMember }).ok).toBe(false);
    expect(dismissTransfer(shop.tanThuan, noCode.id, { userId: shop.tanThuanMember })).toEqual({ ok: true });
    expect(transfersToReview(shop.tanThuan).some((t) => t.id === noCode.id)).toBe(false);
  });

  it("money for an expired order is flagged for a refund, not taken", async () => {
    const o = await vietqrOrder(shop);
    expireUnpaidPayments(new Date(Date.now() + 31 * 60_000));
    expect(stateOf(o.id)).toBe("cancelled/expired");
    await send(paying(o));
    expect(stateOf(o.id)).toBe("cancelled/flagged");
    expect(transfersToReview(shop.tanThuan).find((t) => t.orderCode === o.code)).toMatchObject({ reason: "order_closed" });
  });

  it("another producer's link cannot pay this producer's order, even naming its account", async () => {
    const o = await vietqrOrder(shop);
    const other = createLink(shop.phuQuoc, { authMode: "hmac", accountNumbers: [ACCOUNT] });
    if (!other.ok) throw new Error(other.message);
    const res = await send(paying(o), { kind: "hmac", secret: other.secret }, other.link.publicId);
    expect(res).toEqual({ status: 200, body: { success: true } });
    expect(stateOf(o.id)).toBe("pending_payment/pending");
    expect(transfersToReview(shop.phuQuoc)).toMatchObject([{ reason: "unknown_order", orderCode: null }]);
    expect(matchTransfer(shop.phuQuoc, transfersToReview(shop.phuQuoc)[0]!.id, o.code, { userId: shop.phuQuocMember })).toMatchObject({ ok: false, field: "orderCode" });
    expect(stateOf(o.id)).toBe("pending_payment/pending");
  });
});

describe("reconciliation through SePay's transactions API", () => {
  it("pays an order whose webhook was dropped, once; a second pass and the late webhook change nothing", async () => {
    const o = await vietqrOrder(shop);
    expect(setApiToken(shop.tanThuan, hmac.id, "SEPAY-API-TOKEN-TAN-THUAN")).toBe(true);
    await sandboxPost("/__sandbox/sepay/webhooks", { url: `${ORIGIN}/api/ngan-hang/sepay/${hmac.publicId}`, accountNumbers: [ACCOUNT], auth: "hmac", secret: hmac.secret, apiToken: "SEPAY-API-TOKEN-TAN-THUAN" });
    // The shopper pays at the sandbox bank; SePay's webhook never arrives (drop).
    const booked = (await sandboxPost("/__sandbox/sepay/transactions", { accountNumber: ACCOUNT, amount: o.total, content: `${paymentCodeFor(o.id)} CHUYEN TIEN` })) as Record<string, unknown>;
    expect(stateOf(o.id)).toBe("pending_payment/pending");

    const first = await reconcileBankTransfers({ hours: 2, pauseMs: 0 });
    expect(first).toMatchObject({ paid: 1, errors: [] });
    expect(stateOf(o.id)).toBe("placed/paid");
    const after = snapshot();
    expect(await reconcileBankTransfers({ hours: 2, pauseMs: 0 })).toMatchObject({ paid: 0, errors: [] });
    expect(await send(booked)).toEqual({ status: 200, body: { success: true } }); // SePay's retry, finally
    expect(snapshot()).toEqual(after);
    expect(db().select().from(bankTransfers).where(eq(bankTransfers.transferId, String(booked.id))).all()).toMatchObject([{ outcome: "paid", via: "reconciliation" }]);
    expect(linkStatus(shop.tanThuan).find((l) => l.id === hmac.id)!.lastReconciledAt).not.toBeNull();
  });

  it("a refused API token marks the link failing and changes nothing", async () => {
    const o = await vietqrOrder(shop);
    setApiToken(shop.tanThuan, hmac.id, null); // only the new link is read
    const link = createLink(shop.tanThuan, { authMode: "hmac", accountNumbers: [ACCOUNT], apiToken: "NOT-A-SANDBOX-TOKEN" });
    if (!link.ok) throw new Error(link.message);
    await sandboxPost("/__sandbox/sepay/transactions", { accountNumber: ACCOUNT, amount: o.total, content: paymentCodeFor(o.id), send: false });
    const summary = await reconcileBankTransfers({ hours: 2, pauseMs: 0 });
    expect(summary.errors).toEqual([{ linkId: link.link.id, message: expect.stringMatching(/401/) }]);
    expect(stateOf(o.id)).toBe("pending_payment/pending");
    expect(linkStatus(shop.tanThuan).find((l) => l.id === link.link.id)).toMatchObject({ state: "failing" });
  });
});

describe("officials' view and secret rotation", () => {
  it("lists producers with a bank account: automatic once a link proved itself, by hand otherwise", () => {
    const all = linksForProvince(null);
    expect(all.find((p) => p.producerId === shop.tanThuan)).toMatchObject({ automatic: true, state: "working" });
    expect(all.some((p) => p.producerId === shop.phuQuoc)).toBe(false); // no bank account: no VietQR
    const province = db().get<{ id: number }>(sql`SELECT province_id AS id FROM producers WHERE id = ${shop.tanThuan}`)!.id;
    expect(linksForProvince(province).map((p) => p.producerId)).toContain(shop.tanThuan);
    expect(linksForProvince(province + 1000)).toEqual([]);
  });

  it("a rotated secret replaces the old one at once; another producer cannot rotate it", async () => {
    expect(rotateSecret(shop.phuQuoc, hmac.id)).toBeNull();
    const rotated = rotateSecret(shop.tanThuan, hmac.id)!;
    expect(rotated.link.state).toBe("pending");
    const o = await vietqrOrder(shop);
    expect((await send(paying(o))).status).toBe(401);
    expect(await send(paying(o), { kind: "hmac", secret: rotated.secret })).toEqual({ status: 200, body: { success: true } });
    expect(stateOf(o.id)).toBe("placed/paid");
    hmac.secret = rotated.secret;
  });
});
