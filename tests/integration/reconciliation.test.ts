// Products awaiting reconciliation ("chờ đối chiếu"): the storefront badge says so, the province's
// official matches one to the producer's registry entry or rejects its stars, and the indicators
// computed by hand before and after each answer agree with the app.
// Dataset (Đồng Tháp, as of 20/11/2026):
// - HTX A (verified, in the registry): entry QĐ-1 (4★) stands for the registry's draft copy R1;
//   A's own product P1 claims "QĐ-l" (mistyped) and is live on Shopee → awaiting.
// - HTX A's product P3 claims 3★ under "QĐ-3", which entry QĐ-3 backs: matched, not live.
// - HTX D (verified, outside the registry): P2 claims 5★ "TỰ-KHAI", live → awaiting.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { ocopBadgeStates } from "~/catalog/ocop-badge.server";
import { getPublicProduct } from "~/catalog/product-detail.server";
import { productCards } from "~/catalog/products.server";
import { overview } from "~/indicators/overview.server";
import { monthPeriod } from "~/indicators/periods";
import { matchAwaitingProduct, rejectOcopClaim } from "~/registry/reconciliation-actions.server";
import { awaitingReconciliation } from "~/registry/reconciliation.server";
import { productCertificates } from "~/seller/certificates.server";
import { action, loader } from "~/routes/officials/can-bo.doi-chieu._index";
import { call, dataOf, get, makeUser, post, statusOf } from "../../scripts/fixtures/workspace";

const TODAY = "2026-11-20";
const NOW = new Date("2026-11-20T05:00:00.000Z");
const raw = () => db().$client;
const id = (sql: string, ...args: unknown[]) => Number(raw().prepare(sql).run(...args).lastInsertRowid);
const one = <T>(sql: string, ...args: unknown[]) => raw().prepare(sql).get(...args) as T;

let dt: number;
let entry1: number;
let entry3: number;
const p: Record<string, number> = {};
const producer: Record<string, number> = {};

beforeAll(() => {
  dt = one<{ id: number }>("SELECT id FROM provinces WHERE slug = 'dong-thap'").id;
  const makeProducer = (slug: string) =>
    id(
      `INSERT INTO producers (slug, kind, name, province_id, status, verified_at, phone) VALUES (?, 'cooperative', ?, ?, 'verified', '2025-06-01T00:00:00.000Z', '0912345678')`,
      slug, slug, dt,
    );
  producer.a = makeProducer("htx-a");
  producer.d = makeProducer("htx-d");
  const product = (slug: string, producerId: number, status = "active") =>
    id(
      `INSERT INTO products (producer_id, slug, name, ocop_group, unit, price, stock, status, created_at) VALUES (?, ?, ?, 'food', 'hộp', 100000, 5, ?, '2025-01-01T00:00:00.000Z')`,
      producerId, slug, slug, status,
    );
  const cert = (productId: number, stars: number, number: string) =>
    raw()
      .prepare(`INSERT INTO certifications (product_id, kind, stars, number, issuer, issued_on, expires_on) VALUES (?, 'ocop', ?, ?, 'UBND tỉnh Đồng Tháp', '2025-01-01', '2028-01-01')`)
      .run(productId, stars, number);
  const entry = (productId: number, decision: string, stars: number) =>
    id(
      `INSERT INTO ocop_registry_entries (province_id, tax_code, producer_name, product_name, product_key, stars, decision_number, issued_on, expires_on, effective_from, producer_id, product_id)
       VALUES (?, 'tax-a', 'HTX A', ?, ?, ?, ?, '2025-01-01', '2028-01-01', '2025-01-01', ?, ?)`,
      dt, `Sản phẩm ${decision}`, `k-${decision}`, stars, decision, producer.a, productId,
    );
  const live = (productId: number) => {
    const l = id(`INSERT INTO listings (product_id, marketplace_id, status) VALUES (?, (SELECT id FROM marketplaces WHERE code = 'shopee'), 'live')`, productId);
    raw().prepare(`INSERT INTO listing_events (listing_id, status, at) VALUES (?, 'live', '2026-09-01T02:00:00.000Z')`).run(l);
  };
  Object.assign(p, {
    r1: product("r1", producer.a, "draft"),
    p1: product("p1", producer.a),
    p2: product("p2", producer.d),
    p3: product("p3", producer.a),
  });
  cert(p.r1!, 4, "QĐ-1");
  cert(p.p1!, 4, "QĐ-l");
  cert(p.p2!, 5, "TỰ-KHAI");
  cert(p.p3!, 3, "QĐ-3");
  entry1 = entry(p.r1!, "QĐ-1", 4);
  entry3 = entry(p.p3!, "QĐ-3", 3);
  live(p.p1!);
  live(p.p2!);
});

const november = () => overview(dt, monthPeriod(2026, 11), TODAY);
const listingShare = () => november().cards.find((c) => c.id === "ocop_listing_share")!.value;
const catalogueVersion = () => one<{ n: number }>("SELECT n FROM change_counters WHERE name = 'catalogue'").n;
const badges = () => Object.fromEntries(ocopBadgeStates([p.p1!, p.p2!, p.p3!], TODAY));
const scope = (provinceId: number | null) => ({ provinceId, userId: one<{ id: number }>("SELECT id FROM users ORDER BY id LIMIT 1").id });

describe("products awaiting reconciliation", () => {
  it("before any answer: both claims await, in neither side of the listing share, and their badges say so", async () => {
    await makeUser("official", { province: "dong-thap" });
    // Registry products: QĐ-1 (its copy R1, not live) and QĐ-3 (P3, not live): 0 of 2.
    expect(listingShare()).toEqual({ num: 0, den: 2, value: 0 });
    expect(november().listing.reconciliation).toMatchObject({ products: 2, matched: 2, awaitingReconciliation: 2 });
    expect(awaitingReconciliation(dt, TODAY).map((a) => a.slug)).toEqual(["p1", "p2"]);
    expect(badges()).toEqual({ [p.p1!]: "awaiting", [p.p2!]: "awaiting", [p.p3!]: "registry" });
    const cards = productCards([p.p1!, p.p3!], TODAY);
    expect(cards.map((c) => [c.slug, c.stars, c.starsAwaiting])).toEqual([["p1", 4, true], ["p3", 3, false]]);
  });

  it("an official of another province can neither match nor reject", () => {
    const other = one<{ id: number }>("SELECT id FROM provinces WHERE slug = 'vinh-long'").id;
    expect(matchAwaitingProduct(scope(other), p.p1!, entry1, NOW)).toEqual({ ok: false, error: "reconcile.error.notAwaiting" });
    expect(rejectOcopClaim(scope(other), p.p2!, "Không có trong sổ bộ của tỉnh.", NOW)).toEqual({ ok: false, error: "reconcile.error.notAwaiting" });
    expect(awaitingReconciliation(dt, TODAY)).toHaveLength(2);
  });

  it("match: the registry's copy merges into the product, the mistyped claim is superseded, the share counts it", () => {
    // An entry of another producer (or not of this product's producer) is refused.
    expect(matchAwaitingProduct(scope(dt), p.p2!, entry1, NOW)).toEqual({ ok: false, error: "reconcile.error.entry" });
    const before = catalogueVersion();
    expect(matchAwaitingProduct(scope(dt), p.p1!, entry1, NOW)).toEqual({ ok: true, name: "p1" });
    expect(catalogueVersion()).toBeGreaterThan(before);
    // R1 is gone (merged: a draft with no listing), QĐ-1 now stands for P1, which is live: 1 of 2.
    expect(one("SELECT id FROM products WHERE id = ?", p.r1!)).toBeUndefined();
    expect(one<{ productId: number }>("SELECT product_id AS productId FROM ocop_registry_entries WHERE id = ?", entry1).productId).toBe(p.p1);
    expect(listingShare()).toEqual({ num: 1, den: 2, value: 0.5 });
    expect(november().listing.reconciliation).toMatchObject({ products: 2, matched: 2, awaitingReconciliation: 1 });
    expect(awaitingReconciliation(dt, TODAY).map((a) => a.slug)).toEqual(["p2"]);
    expect(badges()[p.p1!]).toBe("registry");
    const certs = productCertificates(producer.a!, p.p1!).map((c) => [c.number, c.stars, c.review]);
    expect(certs.sort()).toEqual([["QĐ-1", 4, null], ["QĐ-l", 4, "superseded"]]);
    expect(getPublicProduct("p1", TODAY)!.certificates.map((c) => c.number)).toEqual(["QĐ-1"]);
    expect(getPublicProduct("p1", TODAY)!.starsAwaiting).toBe(false);
    // Answered once: no longer awaiting.
    expect(matchAwaitingProduct(scope(dt), p.p1!, entry1, NOW)).toEqual({ ok: false, error: "reconcile.error.notAwaiting" });
  });

  it("reject: the stars go from every public place, the producer reads why, the share does not move", () => {
    const before = catalogueVersion();
    expect(rejectOcopClaim(scope(dt), p.p2!, "Không có quyết định này trong sổ bộ của tỉnh.", NOW)).toEqual({ ok: true, name: "p2" });
    expect(catalogueVersion()).toBeGreaterThan(before);
    expect(awaitingReconciliation(dt, TODAY)).toEqual([]);
    expect(november().listing.reconciliation).toMatchObject({ products: 2, matched: 2, awaitingReconciliation: 0 });
    expect(listingShare()).toEqual({ num: 1, den: 2, value: 0.5 });
    expect(badges()[p.p2!]).toBeUndefined();
    expect(productCards([p.p2!], TODAY)[0]).toMatchObject({ stars: null, starsAwaiting: false });
    const page = getPublicProduct("p2", TODAY)!;
    expect([page.stars, page.certificates.length]).toEqual([null, 0]);
    expect(productCertificates(producer.d!, p.p2!).map((c) => [c.review, c.reviewNote])).toEqual([["rejected", "Không có quyết định này trong sổ bộ của tỉnh."]]);
    expect(one<{ n: number }>("SELECT count(*) AS n FROM products WHERE id = ? AND ocop3_valid_until IS NULL", p.p2!).n).toBe(1);
  });

  it("the page's action: zod with Vietnamese message keys, CSRF, the official's province, a redirect after", async () => {
    const official = await makeUser("official", { province: "dong-thap" });
    const other = await makeUser("official", { province: "vinh-long" });
    const list = dataOf<{ awaiting: unknown[] }>(await call(loader as never, get("/can-bo/doi-chieu", official.cookie)));
    expect(list.awaiting).toEqual([]);
    // A new self-declared claim to answer through the page.
    const p4 = id(
      `INSERT INTO products (producer_id, slug, name, ocop_group, unit, price, stock, status) VALUES (?, 'p4', 'p4', 'food', 'hộp', 1000, 1, 'active')`,
      producer.d,
    );
    raw().prepare(`INSERT INTO certifications (product_id, kind, stars, number, issuer, issued_on, expires_on) VALUES (?, 'ocop', 3, 'X-4', 'y', '2025-01-01', '2028-01-01')`).run(p4);
    const short = await call(action as never, post("/can-bo/doi-chieu", { intent: "reject", product: String(p4), reason: "ngắn" }, { cookie: official.cookie }));
    expect([statusOf(short), dataOf<{ errors: object }>(short).errors]).toEqual([400, { reason: "reconcile.error.reason" }]);
    const noEntry = await call(action as never, post("/can-bo/doi-chieu", { intent: "match", product: String(p4), entry: "abc" }, { cookie: official.cookie }));
    expect([statusOf(noEntry), dataOf<{ errors: object }>(noEntry).errors]).toEqual([400, { entry: "reconcile.error.entry" }]);
    const bad = await call(action as never, post("/can-bo/doi-chieu", { intent: "drop", product: String(p4) }, { cookie: official.cookie }));
    expect(statusOf(bad)).toBe(400);
    const reason = { intent: "reject", product: String(p4), reason: "Không có trong sổ bộ OCOP của tỉnh." };
    expect(statusOf(await call(action as never, post("/can-bo/doi-chieu", reason, { cookie: official.cookie, csrf: null })))).toBe(403);
    const elsewhere = await call(action as never, post("/can-bo/doi-chieu", reason, { cookie: other.cookie }));
    expect([statusOf(elsewhere), dataOf<{ errors: object }>(elsewhere).errors]).toEqual([409, { form: "reconcile.error.notAwaiting" }]);
    const done = (await call(action as never, post("/can-bo/doi-chieu", reason, { cookie: official.cookie }))) as Response;
    expect([done.status, done.headers.get("Location")]).toEqual([302, "/can-bo/doi-chieu?khong-cong-nhan=p4"]);
  });
});
