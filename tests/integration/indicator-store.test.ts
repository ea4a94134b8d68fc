// The national figures as the sum of each province's kept figures (indicator_registry_figures):
// the same numbers as computing every province, read from the kept rows by a process that has
// computed nothing, a change in one province visible on the next read, and changes in several
// provinces answered with the last figures, said to be stale, until they are recomputed.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "~/db.server";
import { openDataSchema } from "~/indicators/open-data-schema";
import { overview } from "~/indicators/overview.server";
import { monthPeriod } from "~/indicators/periods";
import { keptDays, refreshRegistryFigures, SYNC_LIMIT } from "~/indicators/registry-store.server";
import { loader as apiLoader } from "~/routes/api/api.chi-so.$province";
import { loader as overviewLoader } from "~/routes/indicators/chi-so.$province._index";
import { loader as compareLoader } from "~/routes/indicators/chi-so.$province.so-sanh";
import { call, get, makeUser } from "../../scripts/fixtures/workspace";

const TODAY = "2026-11-20";
const raw = () => db().$client;
const id = (sql: string, ...args: unknown[]) => Number(raw().prepare(sql).run(...args).lastInsertRowid);
const provinceId = (slug: string) => (raw().prepare("SELECT id FROM provinces WHERE slug = ?").get(slug) as { id: number }).id;
const SLUGS = ["dong-thap", "vinh-long", "ha-noi", "an-giang"];
const product: Record<string, number> = {};

/** A verified producer in the province with one registry product (4★ since 2025), not listed yet. */
function registryProduct(slug: string) {
  const producer = id(
    `INSERT INTO producers (slug, kind, name, province_id, status, verified_at, phone) VALUES (?, 'cooperative', ?, ?, 'verified', '2025-06-01T00:00:00.000Z', '0912345678')`,
    `htx-${slug}`, `HTX ${slug}`, provinceId(slug),
  );
  const p = id(
    `INSERT INTO products (producer_id, slug, name, ocop_group, unit, price, stock, status, created_at) VALUES (?, ?, ?, 'food', 'hộp', 100000, 5, 'active', '2025-01-01T00:00:00.000Z')`,
    producer, `sp-${slug}`, `SP ${slug}`,
  );
  raw().prepare(`INSERT INTO certifications (product_id, kind, stars, number, issuer, issued_on, expires_on) VALUES (?, 'ocop', 4, ?, 'y', '2025-01-01', '2028-01-01')`).run(p, `D-${slug}`);
  raw()
    .prepare(
      `INSERT INTO ocop_registry_entries (province_id, tax_code, producer_name, product_name, product_key, stars, decision_number, issued_on, expires_on, effective_from, producer_id, product_id, created_at)
       VALUES (?, ?, 'x', 'x', ?, 4, ?, '2025-01-01', '2028-01-01', '2025-01-01', ?, ?, '2025-01-01T02:00:00.000Z')`,
    )
    .run(provinceId(slug), `tax-${slug}`, `k-${slug}`, `D-${slug}`, producer, p);
  return p;
}

/** The product goes live on a marketplace (on 15 October, so October's answer counts it). */
function goLive(slug: string, marketplace = "shopee") {
  const l = id(`INSERT INTO listings (product_id, marketplace_id, status) VALUES (?, (SELECT id FROM marketplaces WHERE code = ?), 'live')`, product[slug], marketplace);
  raw().prepare(`INSERT INTO listing_events (listing_id, status, at) VALUES (?, 'live', '2026-10-15T03:00:00.000Z')`).run(l);
}

const nov = monthPeriod(2026, 11);
const national = () => overview(null, nov, TODAY);

beforeAll(() => {
  for (const slug of SLUGS) product[slug] = registryProduct(slug);
});

describe("the national figures from the provinces' kept figures", () => {
  it("keeps today and the last 13 month ends, and sums them into the figures computing every province gives", async () => {
    expect(keptDays(TODAY)).toEqual([
      "2025-10-31", "2025-11-30", "2025-12-31", "2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30",
      "2026-05-31", "2026-06-30", "2026-07-31", "2026-08-31", "2026-09-30", "2026-10-31", TODAY,
    ]);
    goLive("dong-thap");
    const computed = national(); // nothing kept yet: every province computed at once
    expect(computed.freshness.current).toBe(true);
    expect(computed.listing.ocopListing).toMatchObject({ num: 1, den: 4 });
    const recomputed = await refreshRegistryFigures(TODAY);
    expect(recomputed).toHaveLength(34);
    expect(await refreshRegistryFigures(TODAY)).toEqual([]); // nothing changed since
    const kept = raw().prepare(`SELECT count(*) AS n FROM indicator_registry_figures WHERE figures IS NOT NULL`).get() as { n: number };
    expect(kept.n).toBe(34 * 14);

    // A process that has computed nothing answers from the kept rows.
    vi.resetModules();
    const fresh = await import("~/indicators/overview.server");
    const answer = fresh.overview(null, nov, TODAY);
    expect(answer.freshness.current).toBe(true);
    expect({ listing: answer.listing, trend: answer.trend, provinces: answer.provinces }).toEqual({
      listing: computed.listing,
      trend: computed.trend,
      provinces: computed.provinces,
    });
    // ... the kept rows, not a new computation: a kept row altered by hand shows in the answer.
    raw()
      .prepare(`UPDATE indicator_registry_figures SET counts = json_set(counts, '$.products', 7) WHERE province_id = ? AND day = '2026-10-31'`)
      .run(provinceId("ha-noi"));
    vi.resetModules();
    const again = await import("~/indicators/overview.server");
    expect(again.overview(null, nov, TODAY).trend.find((t) => t.month === "2026-10")!.ocopListing).toMatchObject({ num: 1, den: 10 });
    raw()
      .prepare(`UPDATE indicator_registry_figures SET counts = json_set(counts, '$.products', 1) WHERE province_id = ? AND day = '2026-10-31'`)
      .run(provinceId("ha-noi"));
  });

  it("shows a change in one province on the very next read", () => {
    goLive("vinh-long");
    const o = national();
    expect(o.freshness).toMatchObject({ current: true, staleProvinceIds: [] });
    expect(o.listing.ocopListing).toMatchObject({ num: 2, den: 4 });
    expect(o.provinces!.find((p) => p.provinceId === provinceId("vinh-long"))!.figures.ocopListing).toMatchObject({ num: 1, den: 1 });
  });

  it("answers changes in more provinces than it recomputes with the last figures, said to be stale, until recomputed", async () => {
    await refreshRegistryFigures(TODAY);
    const changed = ["ha-noi", "an-giang", "dong-thap"].slice(0, SYNC_LIMIT + 1);
    for (const slug of changed) goLive(slug, slug === "dong-thap" ? "lazada" : "shopee"); // Đồng Tháp's was live already
    const official = await makeUser("national_official");
    const r = (await call(apiLoader as never, get("/api/chi-so/toan-quoc?ky=2026-10", official.cookie), { province: "toan-quoc" })) as Response;
    const body = openDataSchema.parse(await r.json());
    expect(r.headers.get("Cache-Control")).toBe("private, no-store");
    expect(body.freshness.current).toBe(false);
    expect([...body.freshness.staleProvinces].sort()).toEqual([...changed].sort());
    expect(body.indicators.ocop_listing_share).toMatchObject({ numerator: 2, denominator: 4 }); // the last figures
    expect(Date.parse(body.freshness.computedAt)).toBeLessThanOrEqual(Date.now());

    expect([...(await refreshRegistryFigures(TODAY))].sort()).toEqual(changed.map(provinceId).sort());
    const after = (await call(apiLoader as never, get("/api/chi-so/toan-quoc?ky=2026-10", official.cookie), { province: "toan-quoc" })) as Response;
    const current = openDataSchema.parse(await after.json());
    expect(after.headers.get("Cache-Control")).toBe("private, no-store");
    expect(current.freshness).toMatchObject({ current: true, staleProvinces: [] });
    expect(current.indicators.ocop_listing_share).toMatchObject({ numerator: 2 + changed.filter((s) => s !== "dong-thap").length, denominator: 4 });
  });

  it("answers a change seen by a process that has computed nothing yet with the kept figures, said to be stale, then recomputes it", async () => {
    await refreshRegistryFigures(TODAY);
    vi.resetModules();
    const fresh = await import("~/indicators/overview.server");
    goLive("vinh-long", "lazada"); // live on Shopee already: the figures stay, its counter moves
    const first = fresh.overview(null, nov, TODAY);
    expect(first.freshness).toMatchObject({ current: false, staleProvinceIds: [provinceId("vinh-long")] });
    expect(first.listing.ocopListing).toMatchObject({ num: 4, den: 4 });
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    const next = fresh.overview(null, nov, TODAY);
    expect(next.freshness).toMatchObject({ current: true, staleProvinceIds: [] });
    expect(next.listing.ocopListing).toMatchObject({ num: 4, den: 4 });
  });

  it("says so on the national pages too, with the figures' time", async () => {
    await refreshRegistryFigures(TODAY);
    const official = await makeUser("national_official");
    for (const slug of ["ha-noi", "an-giang", "dong-thap"]) goLive(slug, "tiki");
    const compare = (await call(compareLoader as never, get("/chi-so/toan-quoc/so-sanh?ky=2026-10", official.cookie), { province: "toan-quoc" })) as {
      freshness: { current: boolean; staleProvinceIds: number[]; computedAt: string };
    };
    expect(compare.freshness.current).toBe(false);
    expect(compare.freshness.staleProvinceIds).toHaveLength(3);
    const page = (await call(overviewLoader as never, get("/chi-so/toan-quoc?ky=2026-10", official.cookie), { province: "toan-quoc" })) as {
      overview: { freshness: { current: boolean }; provinces?: unknown };
    };
    expect(page.overview).not.toHaveProperty("provinces"); // the API's per-province figures stay off the page
    expect(typeof page.overview.freshness.current).toBe("boolean");
  });
});
