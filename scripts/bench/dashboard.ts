// The officials' dashboard on national data (20,000 products, 1,000,000 orders): the national
// indicators API read before issue 12 (every province's registry walked, registry-cache's national
// snapshot) and now (the provinces' kept figures summed, registry-store.server.ts), in the same
// run: CPU of the call (process.cpuUsage) and wall time, median of 7, in a fresh process, right
// after one listing change, after every province changed (before and after the worker's refresh),
// and warm; then the province overview and the naive SQL of one month's two headline numbers.
import { execFileSync } from "node:child_process";
import { benchDatabase } from "./large-db";
import { measure, nationalReads, PERIOD, TODAY, type Measure } from "./dashboard-read";

const RUNS = 7;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (xs: Measure[]) => ({ cpu: Math.round(median(xs.map((x) => x.cpu)) * 10) / 10, wall: Math.round(median(xs.map((x) => x.wall)) * 10) / 10 });

export async function benchDashboard(): Promise<void> {
  process.env.DATABASE_URL = benchDatabase(20_000, 1_000_000);
  // Imported after DATABASE_URL is set: the app reads its configuration once.
  const reads = await nationalReads();
  const { refreshRegistryFigures } = await import("~/indicators/registry-store.server");
  const { overview } = await import("~/indicators/overview.server");
  const { monthPeriod, endOfDayUtc } = await import("~/indicators/periods");
  const { currentProvinceBySlug } = await import("~/places/provinces.server");
  const { db } = await import("~/db.server");
  const raw = db().$client;
  const province = currentProvinceBySlug("dong-thap")!;
  const period = monthPeriod(PERIOD.year, PERIOD.month);

  // The worker's job, as it runs within ~2 s of any change: every province's kept figures.
  const refresh = async () => {
    const cpu = process.cpuUsage();
    const wall = performance.now();
    const provinces = await refreshRegistryFigures(TODAY);
    const used = process.cpuUsage(cpu);
    return { provinces: provinces.length, cpu: (used.user + used.system) / 1000, wall: performance.now() - wall };
  };
  const firstRefresh = await refresh();
  console.log(`kept figures: ${firstRefresh.provinces} provinces computed by the worker's refresh in ${Math.round(firstRefresh.cpu)} ms of CPU`);

  // A real change in one province (a listing's status event recorded again), through the triggers
  // that move its registry counter.
  const someListing = raw
    .prepare(`SELECT l.id, l.status FROM listings l JOIN products p ON p.id = l.product_id WHERE p.province_id = ? ORDER BY l.id LIMIT 1`)
    .get(province.id) as { id: number; status: string };
  const bump = () => raw.prepare(`INSERT INTO listing_events (listing_id, status, at) VALUES (?, ?, '2026-11-20T01:00:00.000Z')`).run(someListing.id, someListing.status);
  const bumpAll = () =>
    raw
      .prepare(
        `INSERT INTO change_counters (name, n) SELECT 'registry:' || id, 1 FROM provinces WHERE is_current = 1
         ON CONFLICT (name) DO UPDATE SET n = n + 1`,
      )
      .run();

  type Row = { what: string; "before CPU": number | string; "before wall": number | string; "after CPU": number; "after wall": number };
  const rows: Row[] = [];
  const row = (what: string, before: Measure[] | null, after: Measure[]) => {
    const b = before ? ms(before) : null;
    const a = ms(after);
    rows.push({ what, "before CPU": b?.cpu ?? "", "before wall": b?.wall ?? "", "after CPU": a.cpu, "after wall": a.wall });
  };

  // A fresh process each time (the kept figures in place, as the worker leaves them).
  const fresh = (mode: "before" | "after"): Measure =>
    JSON.parse(
      execFileSync(process.execPath, ["--import", "tsx", "scripts/bench/dashboard-read.ts", mode], { env: { ...process.env }, encoding: "utf8" }).trim().split("\n").at(-1)!,
    );
  const freshBefore: Measure[] = [];
  const freshAfter: Measure[] = [];
  const freshChanged: Measure[] = [];
  for (let i = 0; i < RUNS; i++) {
    freshBefore.push(fresh("before"));
    freshAfter.push(fresh("after"));
    bump(); // a fresh process right after a change, before the worker's refresh: that province said to be stale
    freshChanged.push(fresh("after"));
    await refresh();
  }
  row("national API, fresh process", freshBefore, freshAfter);
  row("  … right after one listing change", null, freshChanged);

  // One listing changed in Đồng Tháp: that province is computed again (old and new alternate).
  reads.before();
  reads.after();
  const oneBefore: Measure[] = [];
  const oneAfter: Measure[] = [];
  for (let i = 0; i < RUNS; i++) {
    bump();
    oneBefore.push(measure(reads.before));
    bump();
    oneAfter.push(measure(reads.after));
  }
  row("national API, right after one listing change", oneBefore, oneAfter);

  // Every province changed (a registry import, a nightly job): before, all 34 computed again; now,
  // the last figures answered as stale (freshness.current false) until the worker's refresh.
  const allBefore: Measure[] = [];
  const allAfter: Measure[] = [];
  const allRefreshed: Measure[] = [];
  let staleSaid = true;
  for (let i = 0; i < RUNS; i++) {
    bumpAll();
    allBefore.push(measure(reads.before));
    bumpAll();
    let body = "";
    allAfter.push(measure(() => (body = reads.after())));
    staleSaid &&= (JSON.parse(body) as { freshness: { current: boolean } }).freshness.current === false;
    await refresh();
    allRefreshed.push(measure(reads.after));
  }
  row("national API, right after every province changed", allBefore, allAfter);
  row("  … once the worker's refresh ran", null, allRefreshed);

  const warmBefore: Measure[] = [];
  const warmAfter: Measure[] = [];
  for (let i = 0; i < RUNS; i++) {
    warmBefore.push(measure(reads.before));
    warmAfter.push(measure(reads.after));
  }
  row("national API, warm (nothing changed)", warmBefore, warmAfter);
  const figuresOf = (json: string) => JSON.stringify({ ...(JSON.parse(json) as object), freshness: null });
  const sameFigures = figuresOf(reads.before()) === figuresOf(reads.after());

  const provinceCold: Measure[] = [];
  const provinceWarm: Measure[] = [];
  for (let i = 0; i < RUNS; i++) {
    bump();
    provinceCold.push(measure(() => overview(province.id, period, TODAY)));
    provinceWarm.push(measure(() => overview(province.id, period, TODAY)));
  }
  row("province overview (Đồng Tháp), after a change in it", null, provinceCold);
  row("province overview (Đồng Tháp), warm", null, provinceWarm);

  // The naive way: the same month's two headline numbers straight from orders, payments and listing events.
  const naiveCashless = raw.prepare(
    `SELECT count(*) AS orders, sum(o.total) AS value,
       sum(p.channel IN ('cashless_direct', 'cashless_intermediary')) AS cashless
     FROM orders o JOIN payments p ON p.id = (SELECT max(id) FROM payments WHERE order_id = o.id)
     WHERE strftime('%Y-%m', datetime(o.placed_at, '+7 hours')) = '2026-10' AND o.status IN ('delivered', 'completed')`,
  );
  const naiveListing = raw.prepare(
    `SELECT count(*) AS total, sum(EXISTS (SELECT 1 FROM listings l WHERE l.product_id = p.id
        AND (SELECT e.status FROM listing_events e WHERE e.listing_id = l.id AND e.at < @end ORDER BY e.at DESC LIMIT 1) = 'live')) AS listed
     FROM products p WHERE p.status <> 'archived'
       AND EXISTS (SELECT 1 FROM certifications c WHERE c.product_id = p.id AND c.kind = 'ocop' AND c.issued_on <= @day AND c.expires_on >= @day)`,
  );
  const naive: Measure[] = [];
  for (let i = 0; i < 3; i++) naive.push(measure(() => (naiveCashless.get(), naiveListing.get({ day: "2026-10-31", end: endOfDayUtc("2026-10-31") }))));
  row("naive SQL, national, one month, two numbers (median of 3)", null, naive);

  // The worker's refresh alone (no read in between whose background recompute would run meanwhile).
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const refreshes: Measure[] = [];
  for (let i = 0; i < RUNS; i++) {
    bumpAll();
    refreshes.push(await refresh());
  }
  const r = ms(refreshes);
  console.log(`\nNational indicators API (GET /api/chi-so/toan-quoc?ky=2026-10, as of ${TODAY}), ms per call, median of ${RUNS}:`);
  console.log(`before = every province's registry walked (the API before issue 12); after = the provinces' kept figures summed.`);
  console.table(rows);
  console.log(`before and after answer the same JSON (freshness aside): ${sameFigures ? "yes" : "NO"}`);
  console.log(`after every province changed, the answer said "freshness.current: false": ${staleSaid ? "yes, every time" : "NO"}`);
  console.log(`the worker's refresh of the 34 provinces (14 days each): ${r.cpu} ms CPU, ${r.wall} ms wall (median of ${RUNS}), in the worker, not in a request`);
}
