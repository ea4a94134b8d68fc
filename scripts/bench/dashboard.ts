// The officials' dashboard on national data (20,000 products, 1,000,000 orders): server time of
// the province overview and of the national API, cold (caches empty) and warm, beside the naive
// full-scan SQL that computes the same headline numbers from the base tables.
import { benchDatabase } from "./large-db";

const RUNS = 5;

function time<T>(fn: () => T): { ms: number; result: T } {
  const started = performance.now();
  const result = fn();
  return { ms: performance.now() - started, result };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchDashboard(): Promise<void> {
  process.env.DATABASE_URL = benchDatabase(20_000, 1_000_000);
  // Imported after DATABASE_URL is set: the app reads its configuration once.
  const { overview } = await import("~/indicators/overview.server");
  const { openDataJson } = await import("~/indicators/open-data.server");
  const { monthPeriod } = await import("~/indicators/periods");
  const { endOfDayUtc } = await import("~/indicators/periods");
  const { currentProvinceBySlug } = await import("~/places/provinces.server");
  const { db } = await import("~/db.server");
  const raw = db().$client;
  const province = currentProvinceBySlug("dong-thap")!;
  const period = monthPeriod(2026, 10);
  // A real change in one province (a listing's status event recorded again), through the triggers
  // that keep the registry caches honest: that province's figures are computed again.
  const someListing = raw
    .prepare(`SELECT l.id, l.status FROM listings l JOIN products p ON p.id = l.product_id WHERE p.province_id = ? ORDER BY l.id LIMIT 1`)
    .get(province.id) as { id: number; status: string };
  const bump = () => raw.prepare(`INSERT INTO listing_events (listing_id, status, at) VALUES (?, ?, '2026-11-20T01:00:00.000Z')`).run(someListing.id, someListing.status);

  const rows: { what: string; cold: number; warm: number }[] = [];
  for (const [what, scope] of [["province overview (Đồng Tháp)", province.id], ["national API (JSON)", null]] as const) {
    const cold: number[] = [];
    const warm: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      bump(); // a listing changed in Đồng Tháp: its registry cache entry is stale
      cold.push(time(() => JSON.stringify(openDataJson(null, overview(scope, period, "2026-11-20")))).ms);
      warm.push(time(() => JSON.stringify(openDataJson(null, overview(scope, period, "2026-11-20")))).ms);
    }
    rows.push({ what, cold: Math.round(median(cold)), warm: Math.round(median(warm)) });
  }

  // Every province changed at once (or a fresh process): nothing cached, the whole country read again.
  const everything: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    raw.prepare(`UPDATE change_counters SET n = n + 1 WHERE name LIKE 'registry%'`).run();
    everything.push(time(() => JSON.stringify(openDataJson(null, overview(null, period, "2026-11-20")))).ms);
  }
  rows.push({ what: "national API, every province changed", cold: Math.round(median(everything)), warm: rows[1]!.warm });

  // The naive way: the same headline numbers straight from orders, payments and listing events.
  const naiveCashless = raw.prepare(
    `SELECT count(*) AS orders, sum(o.total) AS value,
       sum(p.channel IN ('cashless_direct', 'cashless_intermediary')) AS cashless
     FROM orders o JOIN payments p ON p.id = (SELECT max(id) FROM payments WHERE order_id = o.id)
     WHERE (@province IS NULL OR o.province_id = @province)
       AND strftime('%Y-%m', datetime(o.placed_at, '+7 hours')) = '2026-10' AND o.status IN ('delivered', 'completed')`,
  );
  const naiveListing = raw.prepare(
    `SELECT count(*) AS total, sum(EXISTS (SELECT 1 FROM listings l WHERE l.product_id = p.id
        AND (SELECT e.status FROM listing_events e WHERE e.listing_id = l.id AND e.at < @end ORDER BY e.at DESC LIMIT 1) = 'live')) AS listed
     FROM products p WHERE (@province IS NULL OR p.province_id = @province) AND p.status <> 'archived'
       AND EXISTS (SELECT 1 FROM certifications c WHERE c.product_id = p.id AND c.kind = 'ocop' AND c.issued_on <= @day AND c.expires_on >= @day)`,
  );
  const naiveMonth = (scope: number | null, day: string) => {
    naiveCashless.get({ province: scope });
    naiveListing.get({ province: scope, day, end: endOfDayUtc(day) });
  };
  for (const [what, scope] of [["naive SQL, province, one month", province.id], ["naive SQL, national, one month", null]] as const) {
    const ms: number[] = [];
    for (let i = 0; i < 3; i++) ms.push(time(() => naiveMonth(scope, "2026-10-31")).ms);
    rows.push({ what, cold: Math.round(median(ms)), warm: Math.round(median(ms)) });
  }
  console.log(`\nDashboard server time, ms (median of ${RUNS}; "cold" right after a listing change in Đồng Tháp; the naive SQL computes only`);
  console.log(`the month's headline listing share and cashless rate, the overview also 12 months of trend and breakdowns):`);
  console.table(rows);
}
