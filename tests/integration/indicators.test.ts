// Each indicator computed by hand on a small fixed dataset and compared with the app and the API:
// the council's registry as the denominator (a registry producer who never joined, a self-declared
// OCOP product the registry does not back, a sign-up claiming an entry whose product it already
// lists, a registry imported today with an effective date in the past, a decision expiring between
// two as-of days, a renewal counted once), listings delisted and relisted, a Voso listing exported
// then confirmed, refunded and cancelled orders, marketplace orders, and events and orders on both
// sides of month ends in Asia/Ho_Chi_Minh time (UTC+7).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { vietnamToday } from "~/i18n/format";
import { provinceComparison, provinceRankings } from "~/indicators/comparison.server";
import { openDataSchema } from "~/indicators/open-data-schema";
import { overview } from "~/indicators/overview.server";
import { producerFigures } from "~/indicators/producer-figures.server";
import { monthPeriod, parsePeriod } from "~/indicators/periods";
import { unlistedProducts } from "~/indicators/unlisted.server";
import { awaitingReconciliation } from "~/registry/reconciliation.server";
import { ocopBadgeStates } from "~/catalog/ocop-badge.server";
import { loader as apiLoader } from "~/routes/api/api.chi-so.$province";
import { loader as schemaLoader } from "~/routes/api/api.chi-so.schema[.]json";
import { loader as pagesLoader } from "~/routes/indicators/chi-so.$province";
import { call, get, makeUser, statusOf } from "../../scripts/fixtures/workspace";

const TODAY = "2026-11-20";
const raw = () => db().$client;
const id = (sql: string, ...args: unknown[]) => Number(raw().prepare(sql).run(...args).lastInsertRowid);
const provinceId = (slug: string) => (raw().prepare("SELECT id FROM provinces WHERE slug = ?").get(slug) as { id: number }).id;

let dt: number;
const p: Record<string, number> = {};
const producer: Record<string, number> = {};

beforeAll(() => {
  dt = provinceId("dong-thap");
  const vl = provinceId("vinh-long");
  const makeProducer = (slug: string, province: number, status: string, verifiedAt: string | null, claims: number | null = null) =>
    id(
      `INSERT INTO producers (slug, kind, name, province_id, status, verified_at, phone, claims_producer_id) VALUES (?, 'cooperative', ?, ?, ?, ?, '0912345678', ?)`,
      slug, slug, province, status, verifiedAt, claims,
    );
  producer.a = makeProducer("htx-a", dt, "verified", "2025-06-01T00:00:00.000Z");
  producer.b = makeProducer("htx-b", dt, "unclaimed", null); // a registry producer who never joined
  producer.c = makeProducer("htx-c", vl, "verified", "2025-06-01T00:00:00.000Z");
  producer.d = makeProducer("htx-d", dt, "verified", "2025-06-01T00:00:00.000Z"); // outside the registry
  producer.f = makeProducer("htx-f", dt, "unclaimed", null);
  producer.e = makeProducer("htx-e", dt, "pending", null, producer.f); // signed up, claims htx-f's registry entry
  const product = (slug: string, producerId: number, status = "active") =>
    id(`INSERT INTO products (producer_id, slug, name, ocop_group, unit, price, stock, status, created_at) VALUES (?, ?, ?, 'food', 'hộp', 100000, 5, ?, '2025-01-01T00:00:00.000Z')`, producerId, slug, slug, status);
  const cert = (productId: number, kind: string, stars: number | null, number: string, from: string, to: string) =>
    raw().prepare(`INSERT INTO certifications (product_id, kind, stars, number, issuer, issued_on, expires_on) VALUES (?, ?, ?, ?, 'y', ?, ?)`).run(productId, kind, stars, number, from, to);
  const entry = (productId: number, producerId: number, decision: string, stars: number, from: string, to: string, effective = from, createdAt = `${from}T02:00:00.000Z`) =>
    raw()
      .prepare(
        `INSERT INTO ocop_registry_entries (province_id, tax_code, producer_name, product_name, product_key, stars, decision_number, issued_on, expires_on, effective_from, producer_id, product_id, created_at)
         VALUES ((SELECT province_id FROM producers WHERE id = ?), ?, 'x', 'x', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(producerId, `tax-${producerId}`, `k${productId}`, stars, decision, from, to, effective, producerId, productId, createdAt);
  const listing = (productId: number, marketplace: string, events: [string, string][]) => {
    const l = id(`INSERT INTO listings (product_id, marketplace_id, status) VALUES (?, (SELECT id FROM marketplaces WHERE code = ?), ?)`, productId, marketplace, events.at(-1)![0]);
    for (const [status, at] of events) raw().prepare(`INSERT INTO listing_events (listing_id, status, at) VALUES (?, ?, ?)`).run(l, status, at);
  };
  Object.assign(p, {
    p1: product("p1", producer.a),
    p2: product("p2", producer.a),
    p3: product("p3", producer.b, "draft"),
    p4: product("p4", producer.a),
    p5: product("p5", producer.a),
    p6: product("p6", producer.a, "archived"),
    p7: product("p7", producer.c),
    p8: product("p8", producer.d),
    p9: product("p9", producer.a),
    p10: product("p10", producer.a),
    p11: product("p11", producer.f, "draft"), // the registry's copy
    p12: product("p12", producer.e), // the claimant's own, same decision
  });
  cert(p.p1!, "ocop", 4, "D1", "2025-01-01", "2028-01-01");
  cert(p.p1!, "ocop", 5, "D1b", "2026-06-01", "2029-06-01"); // re-assessed: two valid decisions, one product
  cert(p.p2!, "ocop", 3, "D2", "2022-01-01", "2025-01-01"); // expired
  cert(p.p3!, "ocop", 5, "D3", "2024-05-01", "2027-05-01");
  cert(p.p4!, "ocop", 3, "D4", "2024-01-01", "2027-01-01");
  cert(p.p5!, "vietgap", null, "VG5", "2025-01-01", "2027-01-01");
  cert(p.p6!, "ocop", 4, "D6", "2025-01-01", "2028-01-01"); // archived, not in the registry: left out everywhere
  cert(p.p7!, "ocop", 3, "D7", "2025-01-01", "2028-01-01");
  cert(p.p8!, "ocop", 4, "TU-KHAI-8", "2025-01-01", "2028-01-01"); // self-declared: no registry entry
  cert(p.p9!, "ocop", 4, "D9", "2023-10-16", "2026-10-15"); // expires between 30/09 and 31/10
  cert(p.p10!, "ocop", 3, "D10", "2025-03-01", "2028-03-01");
  cert(p.p11!, "ocop", 4, "D11/QĐ-UBND", "2025-01-01", "2028-01-01");
  cert(p.p12!, "ocop", 4, "d11 / qđ-ubnd", "2025-01-01", "2028-01-01");
  entry(p.p1!, producer.a, "D1", 4, "2025-01-01", "2028-01-01");
  entry(p.p1!, producer.a, "D1b", 5, "2026-06-01", "2029-06-01");
  entry(p.p2!, producer.a, "D2", 3, "2022-01-01", "2025-01-01");
  entry(p.p3!, producer.b, "D3", 5, "2024-05-01", "2027-05-01");
  entry(p.p4!, producer.a, "D4", 3, "2024-01-01", "2027-01-01");
  entry(p.p7!, producer.c, "D7", 3, "2025-01-01", "2028-01-01");
  entry(p.p9!, producer.a, "D9", 4, "2023-10-16", "2026-10-15");
  // Imported yesterday, effective from the council's decision of 1 September: September counts it, August does not.
  entry(p.p10!, producer.a, "D10", 3, "2025-03-01", "2028-03-01", "2026-09-01", "2026-11-19T03:00:00.000Z");
  entry(p.p11!, producer.f, "D11/QĐ-UBND", 4, "2025-01-01", "2028-01-01");
  // Live at 01:00 on 1 October in Vietnam (18:00 UTC on 30 September): not yet live "as of 30/09".
  listing(p.p1!, "shopee", [["pending", "2026-09-10T02:00:00.000Z"], ["live", "2026-09-30T18:00:00.000Z"]]);
  listing(p.p1!, "postmart", [["exported", "2026-10-10T02:00:00.000Z"]]); // a file made, never confirmed: not live
  listing(p.p2!, "shopee", [["live", "2026-01-10T02:00:00.000Z"]]); // its decision expired: not counted
  // Delisted on 5 October, relisted on 10 November.
  listing(p.p4!, "lazada", [["live", "2026-08-01T02:00:00.000Z"], ["delisted", "2026-10-05T02:00:00.000Z"], ["live", "2026-11-10T02:00:00.000Z"]]);
  listing(p.p5!, "tiki", [["live", "2026-09-01T02:00:00.000Z"]]);
  listing(p.p7!, "shopee", [["live", "2026-09-01T02:00:00.000Z"]]);
  listing(p.p8!, "shopee", [["live", "2026-09-01T02:00:00.000Z"]]);
  listing(p.p9!, "shopee", [["live", "2026-06-01T02:00:00.000Z"]]);
  // Voso: exported in September, confirmed live by the producer on 20 October.
  listing(p.p10!, "voso", [["exported", "2026-09-15T02:00:00.000Z"], ["live", "2026-10-20T02:00:00.000Z"]]);
  listing(p.p12!, "shopee", [["live", "2026-09-01T02:00:00.000Z"]]);

  const order = (code: string, channel: string, status: string, total: number, placedAt: string, pays: [string, string, string][]) => {
    const o = id(
      `INSERT INTO orders (code, producer_id, province_id, channel, buyer_name, buyer_phone, subtotal, shipping_fee, total, status, placed_at, placed_day)
       VALUES (?, ?, ?, ?, 'Khách', '0912345678', ?, 0, ?, ?, ?, ?)`,
      code, producer.a, dt, channel, total, total, status, placedAt, vietnamToday(new Date(placedAt)),
    );
    for (const [method, payChannel, payStatus] of pays) {
      raw().prepare(`INSERT INTO payments (order_id, method, channel, provider, amount, status) VALUES (?, ?, ?, ?, ?, ?)`).run(o, method, payChannel, method, total, payStatus);
    }
  };
  order("O1", "storefront", "completed", 100_000, "2026-10-05T03:00:00.000Z", [["vnpay", "cashless_intermediary", "paid"]]);
  order("O2", "storefront", "completed", 50_000, "2026-10-06T03:00:00.000Z", [["cod", "cash", "paid"]]);
  order("O3", "shopee", "completed", 200_000, "2026-10-07T03:00:00.000Z", [["marketplace_online", "cashless_intermediary", "paid"]]);
  order("O4", "storefront", "refunded", 300_000, "2026-10-08T03:00:00.000Z", [["vietqr", "cashless_direct", "refunded"]]);
  // 00:30 on 1 October in Vietnam: an October order although it is still 30 September in UTC.
  order("O5", "storefront", "completed", 80_000, "2026-09-30T17:30:00.000Z", [["vietqr", "cashless_direct", "paid"]]);
  // 00:10 on 1 November in Vietnam: not October.
  order("O6", "storefront", "completed", 60_000, "2026-10-31T17:10:00.000Z", [["cod", "cash", "paid"]]);
  order("O7", "storefront", "cancelled", 70_000, "2026-10-09T03:00:00.000Z", [["momo", "cashless_intermediary", "expired"]]);
  // Paid by card after a failed VietQR attempt: the latest payment decides.
  order("O8", "storefront", "delivered", 40_000, "2026-10-10T03:00:00.000Z", [["vietqr", "cashless_direct", "expired"], ["cod", "cash", "paid"]]);
  raw().prepare(`INSERT INTO province_targets (province_id, indicator, year, target_bp, source) VALUES (?, 'cashless_rate_count', 2026, 6000, 'KH 01')`).run(dt);
});

const card = (o: ReturnType<typeof overview>, id: string) => o.cards.find((c) => c.id === id)!;
const sept = () => overview(dt, monthPeriod(2026, 9), TODAY);
const oct = () => overview(dt, monthPeriod(2026, 10), TODAY);

describe("the listing share over the council's registry", () => {
  it("counts registry products valid on the day, each once, with a live listing at its end", () => {
    // 30/09: D1+D1b (p1, once), D3 (p3), D4 (p4), D9 (p9), D10 (p10, effective 01/09), D11 (p11/p12). Not D2 (expired).
    // Live at the end of 30/09 (Vietnam): p4, p9, p12 for D11. p1 goes live at 01:00 on 1/10; p10 only exported.
    expect(card(sept(), "ocop_listing_share").value).toEqual({ num: 3, den: 6, value: 0.5 });
    // 31/10: D9 expired on 15/10; p1 live, p4 delisted on 5/10, p10 confirmed on Voso, p12 still live.
    expect(card(oct(), "ocop_listing_share").value).toEqual({ num: 3, den: 5, value: 0.6 });
    // 20/11: p4 relisted on 10/11.
    expect(card(overview(dt, monthPeriod(2026, 11), TODAY), "ocop_listing_share").value).toEqual({ num: 4, den: 5, value: 0.8 });
  });

  it("leaves a self-declared OCOP product out of both sides, in its own list, with its badge saying so", () => {
    const o = oct();
    expect(o.listing.reconciliation).toEqual({ entries: 6, products: 5, producersJoined: 1, producersNotJoined: 2, matched: 3, awaitingReconciliation: 1 });
    expect(awaitingReconciliation(dt, "2026-10-31").map((a) => [a.slug, a.stars, a.decisionNumber, a.live])).toEqual([["p8", 4, "TU-KHAI-8", true]]);
    const badges = ocopBadgeStates([p.p1!, p.p8!, p.p12!, p.p5!], TODAY);
    expect(Object.fromEntries([...badges].map(([k, v]) => [k, v]))).toEqual({ [p.p1!]: "registry", [p.p8!]: "awaiting", [p.p12!]: "registry" });
  });

  it("counts the renewal once, at its best stars, and breaks down by marketplace and stars", () => {
    const o = oct();
    expect(o.listing.byStars.map((s) => [s.key, s.listed.num, s.listed.den])).toEqual([[3, 1, 2], [4, 1, 1], [5, 1, 2]]);
    expect(o.listing.byMarketplace.find((m) => m.key === "shopee")!.listed).toEqual({ num: 2, den: 5, value: 0.4 });
    expect(o.listing.byMarketplace.find((m) => m.key === "postmart")!.listed.num).toBe(0);
    expect(o.listing.byMarketplace.find((m) => m.key === "voso")!.listed.num).toBe(1);
    expect(sept().listing.byMarketplace.find((m) => m.key === "lazada")!.listed.num).toBe(1);
  });

  it("does not rewrite the months before a registry import's effective date", () => {
    const trend = oct().trend;
    const at = (m: string) => trend.find((t) => t.month === m)!.ocopListing;
    expect(at("2026-07")).toEqual({ num: 1, den: 5, value: 0.2 }); // p9 only; p10 not yet in the registry
    expect(at("2026-08")).toEqual({ num: 2, den: 5, value: 0.4 }); // + p4
    expect(at("2026-09")).toEqual({ num: 3, den: 6, value: 0.5 }); // + p12 for D11, and p10 counted from 01/09
    expect(at("2026-10")).toEqual({ num: 3, den: 5, value: 0.6 });
  });
});

describe("onboarding and producers over the registry's producers", () => {
  it("counts registry products whose producer joined, and registry producers online, joined or not", () => {
    expect(card(sept(), "onboarding_share").value).toEqual({ num: 4, den: 6, value: 4 / 6 }); // p1, p4, p9, p10 (htx-a)
    expect(card(oct(), "onboarding_share").value).toEqual({ num: 3, den: 5, value: 0.6 });
    // Registry producers: htx-a (joined, online), htx-b (never joined), htx-f (claimed by a pending sign-up).
    expect(card(oct(), "producers_online").value).toEqual({ num: 1, den: 3, value: 1 / 3 });
    // htx-d sells online but is not in the registry: beside it, not in it.
    expect(oct().listing.producers).toEqual({ registry: 3, registryJoined: 1, registryOnline: 1, outside: 1, outsideOnline: 1 });
    expect(card(oct(), "gap_listing_share").value).toEqual({ num: 1, den: 1, value: 1 });
  });
});

describe("sales figures", () => {
  it("computes the cashless rates and the intermediary share by count and by value", () => {
    const o = oct();
    // Completed in October (Vietnam time): O1 vnpay 100k, O2 cod 50k, O3 marketplace 200k, O5 vietqr 80k, O8 cod 40k.
    expect(card(o, "cashless_rate_count").value).toEqual({ num: 3, den: 5, value: 0.6 });
    expect(card(o, "cashless_rate_value").value).toEqual({ num: 380_000, den: 470_000, value: 380_000 / 470_000 });
    expect(card(o, "intermediary_share").value).toEqual({ num: 2, den: 3, value: 2 / 3 });
    expect(o.cashless.intermediaryShareValue).toEqual({ num: 300_000, den: 380_000, value: 300_000 / 380_000 });
    expect(o.cashless.intermediaryShareWithVietqr).toEqual({ num: 3, den: 3, value: 1 });
    expect(o.cashless.byChannel.find((c) => c.channel === "shopee")).toEqual({ channel: "shopee", orders: 1, cashless: { num: 1, den: 1, value: 1 } });
    expect(o.cashless.byMethod).toEqual([
      { method: "cod", payClass: "cash", orders: 2, value: 90_000 },
      { method: "marketplace_online", payClass: "cashless_intermediary", orders: 1, value: 200_000 },
      { method: "vnpay", payClass: "cashless_intermediary", orders: 1, value: 100_000 },
      { method: "vietqr", payClass: "cashless_direct", orders: 1, value: 80_000 },
    ]);
  });

  it("uses the province's own target where set, the common plan otherwise", () => {
    const o = oct();
    expect(card(o, "cashless_rate_count").target).toEqual({ bp: 6000, source: "KH 01", isDefault: false });
    expect(card(o, "cashless_rate_count").gap).toBeCloseTo(0, 6);
    expect(card(o, "ocop_listing_share").target).toMatchObject({ bp: 8000, isDefault: true });
    expect(card(o, "ocop_listing_share").gap).toBeCloseTo(-20, 6);
  });

  it("covers a quarter, a custom range across a month end, and a national view", () => {
    const q = overview(dt, parsePeriod("2026-Q4")!, TODAY);
    expect(q.asOf).toBe(TODAY);
    expect(card(q, "cashless_rate_count").value.den).toBe(6); // + O6 in November
    const range = overview(dt, parsePeriod("2026-09-30..2026-10-01")!, TODAY);
    expect(card(range, "cashless_rate_count").value).toEqual({ num: 1, den: 1, value: 1 }); // O5 only
    const national = overview(null, monthPeriod(2026, 10), TODAY);
    expect(card(national, "ocop_listing_share").value).toEqual({ num: 4, den: 6, value: 4 / 6 }); // + p7 in Vĩnh Long
  });

  it("keeps a twelve-month trend of every indicator", () => {
    const o = oct();
    expect(o.trend.map((t) => t.month)).toEqual(["2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"]);
    const last = o.trend.at(-1)!;
    expect(last).toMatchObject({
      ocopListing: card(o, "ocop_listing_share").value,
      onboarding: card(o, "onboarding_share").value,
      producersOnline: card(o, "producers_online").value,
      gapListing: card(o, "gap_listing_share").value,
      cashlessCount: card(o, "cashless_rate_count").value,
      cashlessValue: card(o, "cashless_rate_value").value,
      intermediaryCount: card(o, "intermediary_share").value,
      intermediaryValue: o.cashless.intermediaryShareValue,
    });
  });
});

describe("drill-downs", () => {
  it("follows a change at once: a new live listing moves today's share", () => {
    const before = card(overview(dt, monthPeriod(2026, 11), TODAY), "ocop_listing_share").value.num;
    const l = id(`INSERT INTO listings (product_id, marketplace_id, status) VALUES (?, (SELECT id FROM marketplaces WHERE code = 'tiktok'), 'live')`, p.p3!);
    raw().prepare(`INSERT INTO listing_events (listing_id, status, at) VALUES (?, 'live', '2026-11-19T03:00:00.000Z')`).run(l);
    expect(card(overview(dt, monthPeriod(2026, 11), TODAY), "ocop_listing_share").value.num).toBe(before + 1);
    raw().prepare(`INSERT INTO listing_events (listing_id, status, at) VALUES (?, 'delisted', '2026-11-19T04:00:00.000Z')`).run(l);
    expect(card(overview(dt, monthPeriod(2026, 11), TODAY), "ocop_listing_share").value.num).toBe(before);
  });

  it("lists the unlisted registry products with what they lack, and ranks producers and provinces", () => {
    const unlisted = unlistedProducts(dt, monthPeriod(2026, 10), TODAY);
    expect(unlisted.map((u) => [u.slug, u.producerState])).toEqual([["p4", "verified"], ["p3", "not_joined"]]);
    expect(unlisted[0]!.lacks.map((l) => l.code)).toContain("photo_missing");
    const ranks = provinceRankings(dt, monthPeriod(2026, 10), TODAY);
    expect(ranks.producers.map((r) => [r.label, r.listed.num, r.listed.den])).toEqual([["htx-b", 0, 1], ["htx-a", 2, 3], ["htx-f", 1, 1]]);
    const provinces = provinceComparison(monthPeriod(2026, 10), TODAY);
    expect(provinces.rows).toHaveLength(34);
    expect(provinces.rows.find((r) => r.slug === "vinh-long")!.listed).toEqual({ num: 1, den: 1, value: 1 });
    expect(provinces.rows.find((r) => r.slug === "dong-thap")!.cashless).toEqual({ num: 3, den: 5, value: 0.6 });
    // Provinces without registry data come last.
    const firstEmpty = provinces.rows.findIndex((r) => r.listed.den === 0);
    expect(provinces.rows.slice(firstEmpty).every((r) => r.listed.den === 0)).toBe(true);
  });

  it("gives a producer its own figures", () => {
    const f = producerFigures(producer.a!, dt, TODAY);
    expect(f.listing).toEqual({ num: 3, den: 3, value: 1 }); // p1, p4 (relisted), p10 on 20/11
    expect(f.cashlessCount).toEqual({ num: 0, den: 1, value: 0 }); // O6, cash, 1 November in Vietnam
  });
});

describe("the open-data API", () => {
  const api = async (path: string, cookie?: string) => {
    const slug = path.split("?")[0]!.split("/").pop()!;
    const r = (await call(apiLoader as never, get(path, cookie), { province: slug })) as Response;
    return { status: r.status, type: r.headers.get("Content-Type"), body: (await r.json()) as Record<string, unknown> & ReturnType<typeof openDataSchema.parse> };
  };

  it("answers the hand-computed figures, in the published shape, with as_of apart from the period", async () => {
    const official = await makeUser("official", { province: "dong-thap" });
    const { status, body } = await api("/api/chi-so/dong-thap?ky=2026-10", official.cookie);
    expect(status).toBe(200);
    expect(openDataSchema.safeParse(body).success).toBe(true);
    expect(body.asOf).toBe("2026-10-31");
    expect(body.indicators.ocop_listing_share).toMatchObject({ numerator: 3, denominator: 5, value: 0.6 });
    expect(body.indicators.producers_online).toMatchObject({ numerator: 1, denominator: 3 });
    expect(body.intermediaryShareValue).toEqual({ numerator: 300_000, denominator: 380_000, value: 0.7895 });
    expect(body.registry).toEqual({
      entries: 6, products: 5, producers: 3, producersJoined: 1, producersNotJoined: 2, producersOnline: 1,
      matched: 3, awaitingReconciliation: 1, producersOutsideRegistry: 1, producersOutsideRegistryOnline: 1,
    });
    expect(body.sales.byMethod.map((m) => [m.method, m.class])).toEqual([["cod", "cash"], ["marketplace_online", "cashless_intermediary"], ["vnpay", "cashless_intermediary"], ["vietqr", "cashless_direct"]]);
    expect(body.trend.at(-1)).toMatchObject({ month: "2026-10", producersOnline: { numerator: 1, denominator: 3 }, intermediaryShareValue: { numerator: 300_000 } });
    expect(body.provinces).toBeNull();
    // The registry as of 30 September, the sales of October.
    const apart = await api("/api/chi-so/dong-thap?ky=2026-10&as_of=2026-09-30", official.cookie);
    expect(apart.body.indicators.ocop_listing_share).toMatchObject({ numerator: 3, denominator: 6 });
    expect(apart.body.indicators.cashless_rate_count).toMatchObject({ numerator: 3, denominator: 5 });
  });

  it("gives the country with a per-province breakdown", async () => {
    const national = await makeUser("national_official");
    const { body } = await api("/api/chi-so/toan-quoc?ky=2026-10", national.cookie);
    expect(openDataSchema.safeParse(body).success).toBe(true);
    expect(body.indicators.ocop_listing_share).toMatchObject({ numerator: 4, denominator: 6 });
    expect(body.provinces).toHaveLength(34);
    const dtRow = body.provinces!.find((r) => r.slug === "dong-thap")!;
    expect(dtRow.indicators.ocop_listing_share).toMatchObject({ numerator: 3, denominator: 5 });
    expect(dtRow.indicators.cashless_rate_count).toMatchObject({ numerator: 3, denominator: 5 });
    expect(dtRow.registry).toMatchObject({ products: 5, producers: 3, awaitingReconciliation: 1 });
    expect(body.provinces!.find((r) => r.slug === "vinh-long")!.indicators.ocop_listing_share).toMatchObject({ numerator: 1, denominator: 1 });
  });

  it("answers 401, 403 and 400 as JSON, never a redirect or a 500", async () => {
    const anonymous = await api("/api/chi-so/dong-thap?ky=2026-10");
    expect([anonymous.status, anonymous.body.error]).toEqual([401, "unauthorized"]);
    const other = await makeUser("official", { province: "vinh-long" });
    expect((await api("/api/chi-so/dong-thap?ky=2026-10", other.cookie)).status).toBe(403);
    expect((await api("/api/chi-so/toan-quoc?ky=2026-10", other.cookie)).status).toBe(403);
    const official = await makeUser("official", { province: "dong-thap" });
    for (const [query, error] of [
      ["ky=2026-13", "invalid_period"],
      ["ky=abc", "invalid_period"],
      ["ky=2026-13-45..2026-14-01", "invalid_period"],
      ["ky=2026-10-31..2026-10-01", "inverted_range"],
      ["ky=2026-10&as_of=2026-02-30", "invalid_as_of"],
      ["ky=2099-01", "future_period"],
      ["ky=2026-10&as_of=2099-01-01", "future_as_of"],
      ["ky=2026-10&as_of=2999-01-01", "invalid_as_of"], // outside the years a period may fall in (2000-2100)
    ] as const) {
      const r = await api(`/api/chi-so/dong-thap?${query}`, official.cookie);
      expect([query, r.status, r.body.error]).toEqual([query, 400, error]);
      expect(r.type).toMatch(/json/);
    }
  });

  it("serves its JSON Schema beside it, publicly", async () => {
    const r = (await call(schemaLoader as never, get("/api/chi-so/schema.json"))) as Response;
    expect(r.headers.get("Content-Type")).toMatch(/schema\+json/);
    const schema = (await r.json()) as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(["asOf", "registry", "provinces", "trend"]));
  });
});

describe("the indicator pages", () => {
  it("answer 400 with the reason for a period that is not one, never a 500", async () => {
    const official = await makeUser("official", { province: "dong-thap" });
    for (const [query, reason] of [
      ["ky=2026-13", "Kỳ báo cáo không hợp lệ"],
      ["ky=2026-13-45..2026-14-01", "Kỳ báo cáo không hợp lệ"],
    ] as const) {
      const thrown = await call(pagesLoader as never, get(`/chi-so/dong-thap?${query}`, official.cookie), { province: "dong-thap" });
      expect([query, statusOf(thrown)]).toEqual([query, 400]);
      expect(JSON.stringify(thrown)).toContain(reason);
    }
    expect(statusOf(await call(pagesLoader as never, get("/chi-so/dong-thap?ky=2026-10", official.cookie), { province: "dong-thap" }))).toBe(200);
  });

  it("show an inverted range as a message on the page, keeping both dates to correct", async () => {
    const official = await makeUser("official", { province: "dong-thap" });
    const r = await call(pagesLoader as never, get("/chi-so/dong-thap?tu=2026-10-31&den=2026-10-01", official.cookie), { province: "dong-thap" });
    expect(statusOf(r)).toBe(200);
    expect((r as { problem: unknown }).problem).toEqual({ kind: "inverted", from: "2026-10-31", to: "2026-10-01" });
  });
});
