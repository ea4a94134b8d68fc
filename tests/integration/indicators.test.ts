// Each indicator computed by hand on a small fixed dataset and compared to the app: expired
// certificates, a delisted product, refunded and cancelled orders, marketplace orders, and
// events and orders on both sides of month ends in Asia/Ho_Chi_Minh time (UTC+7).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { vietnamToday } from "~/i18n/format";
import { provinceComparison, provinceRankings } from "~/indicators/comparison.server";
import { overview } from "~/indicators/overview.server";
import { producerFigures } from "~/indicators/producer-figures.server";
import { monthPeriod, parsePeriod } from "~/indicators/periods";
import { unlistedProducts } from "~/indicators/unlisted.server";

const TODAY = "2026-11-20";
const raw = () => db().$client;
const id = (sql: string, ...args: unknown[]) => Number(raw().prepare(sql).run(...args).lastInsertRowid);
const provinceId = (slug: string) => (raw().prepare("SELECT id FROM provinces WHERE slug = ?").get(slug) as { id: number }).id;

let dt: number;
let p: Record<string, number> = {};

beforeAll(() => {
  dt = provinceId("dong-thap");
  const vl = provinceId("vinh-long");
  const producer = (slug: string, province: number, status: string, verifiedAt: string | null) =>
    id(`INSERT INTO producers (slug, kind, name, province_id, status, verified_at, phone) VALUES (?, 'cooperative', ?, ?, ?, ?, '0912345678')`, slug, slug, province, status, verifiedAt);
  const a = producer("htx-a", dt, "verified", "2025-06-01T00:00:00.000Z");
  const b = producer("htx-b", dt, "unclaimed", null);
  const c = producer("htx-c", vl, "verified", "2025-06-01T00:00:00.000Z");
  const product = (slug: string, producerId: number, status = "active") =>
    id(`INSERT INTO products (producer_id, slug, name, ocop_group, unit, price, stock, status, created_at) VALUES (?, ?, ?, 'food', 'hộp', 100000, 5, ?, '2025-01-01T00:00:00.000Z')`, producerId, slug, slug, status);
  const cert = (productId: number, kind: string, stars: number | null, from: string, to: string) =>
    raw().prepare(`INSERT INTO certifications (product_id, kind, stars, number, issuer, issued_on, expires_on) VALUES (?, ?, ?, 'x', 'y', ?, ?)`).run(productId, kind, stars, from, to);
  const listing = (productId: number, marketplace: string, events: [string, string][]) => {
    const l = id(`INSERT INTO listings (product_id, marketplace_id, status) VALUES (?, (SELECT id FROM marketplaces WHERE code = ?), ?)`, productId, marketplace, events.at(-1)![0]);
    for (const [status, at] of events) raw().prepare(`INSERT INTO listing_events (listing_id, status, at) VALUES (?, ?, ?)`).run(l, status, at);
  };
  p = {
    p1: product("p1", a),
    p2: product("p2", a),
    p3: product("p3", b, "draft"),
    p4: product("p4", a),
    p5: product("p5", a),
    p6: product("p6", a, "archived"),
    p7: product("p7", c),
  };
  cert(p.p1!, "ocop", 4, "2025-01-01", "2028-01-01");
  cert(p.p2!, "ocop", 3, "2022-01-01", "2025-01-01"); // expired: not in the registry any more
  cert(p.p3!, "ocop", 5, "2024-05-01", "2027-05-01"); // registry entry of a producer who never joined
  cert(p.p4!, "ocop", 3, "2024-01-01", "2027-01-01");
  cert(p.p5!, "vietgap", null, "2025-01-01", "2027-01-01");
  cert(p.p6!, "ocop", 4, "2025-01-01", "2028-01-01"); // archived: left out
  cert(p.p7!, "ocop", 3, "2025-01-01", "2028-01-01"); // another province
  // Live at 01:00 on 1 October in Vietnam (18:00 UTC on 30 September): not yet live "as of 30/09".
  listing(p.p1!, "shopee", [["pending", "2026-09-10T02:00:00.000Z"], ["live", "2026-09-30T18:00:00.000Z"]]);
  listing(p.p2!, "shopee", [["live", "2026-01-10T02:00:00.000Z"]]);
  listing(p.p4!, "lazada", [["live", "2026-08-01T02:00:00.000Z"], ["delisted", "2026-10-05T02:00:00.000Z"]]);
  listing(p.p5!, "tiki", [["live", "2026-09-01T02:00:00.000Z"]]);
  listing(p.p7!, "shopee", [["live", "2026-09-01T02:00:00.000Z"]]);

  const order = (code: string, channel: string, status: string, total: number, placedAt: string, pays: [string, string, string][]) => {
    const o = id(
      `INSERT INTO orders (code, producer_id, province_id, channel, buyer_name, buyer_phone, subtotal, shipping_fee, total, status, placed_at, placed_day)
       VALUES (?, ?, ?, ?, 'Khách', '0912345678', ?, 0, ?, ?, ?, ?)`,
      code, a, dt, channel, total, total, status, placedAt, vietnamToday(new Date(placedAt)),
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

describe("indicators on a hand-made dataset", () => {
  it("counts the OCOP listing share as of each month's end", () => {
    const sept = overview(dt, monthPeriod(2026, 9), TODAY);
    // Registry: p1 (4★), p3 (5★, producer never joined), p4 (3★). Listed on 30/09: p4 only.
    expect(card(sept, "ocop_listing_share").value).toEqual({ num: 1, den: 3, value: 1 / 3 });
    const oct = overview(dt, monthPeriod(2026, 10), TODAY);
    // On 31/10: p1 live since 1/10 (Vietnam time), p4 delisted on 5/10.
    expect(card(oct, "ocop_listing_share").value).toEqual({ num: 1, den: 3, value: 1 / 3 });
    expect(oct.listing.byMarketplace.find((m) => m.key === "shopee")!.listed.num).toBe(1);
    expect(oct.listing.byMarketplace.find((m) => m.key === "lazada")!.listed.num).toBe(0);
    expect(sept.listing.byMarketplace.find((m) => m.key === "lazada")!.listed.num).toBe(1);
    expect(oct.listing.byStars.map((s) => [s.key, s.listed.num, s.listed.den])).toEqual([[3, 0, 1], [4, 1, 1], [5, 0, 1]]);
  });

  it("counts onboarding, producers online and the VietGAP share", () => {
    const oct = overview(dt, monthPeriod(2026, 10), TODAY);
    expect(card(oct, "onboarding_share").value).toEqual({ num: 2, den: 3, value: 2 / 3 });
    expect(card(oct, "producers_online").value).toEqual({ num: 1, den: 1, value: 1 });
    expect(card(oct, "gap_listing_share").value).toEqual({ num: 1, den: 1, value: 1 });
  });

  it("computes the cashless rates of completed orders, by count and by value", () => {
    const oct = overview(dt, monthPeriod(2026, 10), TODAY);
    // Completed in October (Vietnam time): O1 vnpay 100k, O2 cod 50k, O3 marketplace 200k,
    // O5 vietqr 80k, O8 cod 40k. O4 refunded, O7 cancelled, O6 is November.
    expect(card(oct, "cashless_rate_count").value).toEqual({ num: 3, den: 5, value: 0.6 });
    expect(card(oct, "cashless_rate_value").value).toEqual({ num: 380_000, den: 470_000, value: 380_000 / 470_000 });
    expect(card(oct, "intermediary_share").value).toEqual({ num: 2, den: 3, value: 2 / 3 });
    expect(oct.cashless.intermediaryShareWithVietqr).toEqual({ num: 3, den: 3, value: 1 });
    expect(oct.cashless.byChannel.find((c) => c.channel === "shopee")).toEqual({ channel: "shopee", orders: 1, cashless: { num: 1, den: 1, value: 1 } });
  });

  it("uses the province's own target where set, the common plan otherwise", () => {
    const oct = overview(dt, monthPeriod(2026, 10), TODAY);
    expect(card(oct, "cashless_rate_count").target).toEqual({ bp: 6000, source: "KH 01", isDefault: false });
    expect(card(oct, "cashless_rate_count").gap).toBeCloseTo(0, 6);
    expect(card(oct, "ocop_listing_share").target).toMatchObject({ bp: 8000, isDefault: true });
    expect(card(oct, "ocop_listing_share").gap).toBeCloseTo((1 / 3 - 0.8) * 100, 6);
  });

  it("covers a quarter, a custom range across a month end, and a national view", () => {
    const q = overview(dt, parsePeriod("2026-Q4")!, TODAY);
    expect(q.asOf).toBe(TODAY);
    expect(card(q, "cashless_rate_count").value.den).toBe(6); // + O6 in November
    const range = overview(dt, parsePeriod("2026-09-30..2026-10-01")!, TODAY);
    expect(card(range, "cashless_rate_count").value).toEqual({ num: 1, den: 1, value: 1 }); // O5 only
    const national = overview(null, monthPeriod(2026, 10), TODAY);
    expect(card(national, "ocop_listing_share").value).toEqual({ num: 2, den: 4, value: 0.5 }); // + p7 in Vĩnh Long
  });

  it("keeps a twelve-month trend with the as-of share of each month", () => {
    const oct = overview(dt, monthPeriod(2026, 10), TODAY);
    expect(oct.trend.map((t) => t.month)).toEqual(["2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"]);
    expect(oct.trend.find((t) => t.month === "2026-07")!.ocopListing.num).toBe(0);
    expect(oct.trend.find((t) => t.month === "2026-08")!.ocopListing.num).toBe(1);
    expect(oct.trend.find((t) => t.month === "2026-10")!.cashlessCount).toEqual({ num: 3, den: 5, value: 0.6 });
  });

  it("follows a change at once: a new live listing moves today's share", () => {
    const before = card(overview(dt, monthPeriod(2026, 11), TODAY), "ocop_listing_share").value.num;
    const l = id(`INSERT INTO listings (product_id, marketplace_id, status) VALUES (?, (SELECT id FROM marketplaces WHERE code = 'tiktok'), 'live')`, p.p3!);
    raw().prepare(`INSERT INTO listing_events (listing_id, status, at) VALUES (?, 'live', '2026-11-19T03:00:00.000Z')`).run(l);
    expect(card(overview(dt, monthPeriod(2026, 11), TODAY), "ocop_listing_share").value.num).toBe(before + 1);
    raw().prepare(`INSERT INTO listing_events (listing_id, status, at) VALUES (?, 'delisted', '2026-11-19T04:00:00.000Z')`).run(l);
    expect(card(overview(dt, monthPeriod(2026, 11), TODAY), "ocop_listing_share").value.num).toBe(before);
  });

  it("lists the unlisted products with what they lack, and ranks producers and provinces", () => {
    const unlisted = unlistedProducts(dt, monthPeriod(2026, 10), TODAY);
    expect(unlisted.map((u) => [u.slug, u.producerState])).toEqual([["p4", "verified"], ["p3", "not_joined"]]);
    expect(unlisted[0]!.lacks.map((l) => l.code)).toContain("photo_missing");
    const ranks = provinceRankings(dt, monthPeriod(2026, 10), TODAY);
    expect(ranks.producers.map((r) => [r.label, r.listed.num, r.listed.den])).toEqual([["htx-b", 0, 1], ["htx-a", 1, 2]]);
    const provinces = provinceComparison(monthPeriod(2026, 10), TODAY);
    expect(provinces.rows).toHaveLength(34);
    expect(provinces.rows.find((r) => r.slug === "vinh-long")!.listed).toEqual({ num: 1, den: 1, value: 1 });
    expect(provinces.rows.find((r) => r.slug === "dong-thap")!.cashless).toEqual({ num: 3, den: 5, value: 0.6 });
  });
});

describe("a producer's own figures", () => {
  it("counts its valid OCOP products online and its cashless orders this month", () => {
    const a = (raw().prepare("SELECT id FROM producers WHERE slug = 'htx-a'").get() as { id: number }).id;
    const f = producerFigures(a, dt, TODAY);
    expect(f.listing).toEqual({ num: 1, den: 2, value: 0.5 }); // p1 live, p4 delisted
    expect(f.cashlessCount).toEqual({ num: 0, den: 1, value: 0 }); // O6, cash, 1 November in Vietnam
  });
});
