// One national indicators read, measured (CPU of the process and wall time, ms): the API's as it
// is now (`after`: the provinces' kept figures summed) or as it was before issue 12 (`before`: the
// 34 provinces' registries loaded and walked through registry-cache's national snapshot, the same
// work the API did). Imported by dashboard.ts, and run as a script for a read in a fresh process:
//
//   DATABASE_URL=… node --import tsx scripts/bench/dashboard-read.ts after|before
//
// prints {"cpu": …, "wall": …}. The database is opened (and migrated) before the measure, as the
// server does when it starts.

export const PERIOD = { year: 2026, month: 10 };
export const TODAY = "2026-11-20";

export type Measure = { cpu: number; wall: number };

export function measure(fn: () => unknown): Measure {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  fn();
  const used = process.cpuUsage(cpu);
  return { cpu: (used.user + used.system) / 1000, wall: performance.now() - wall };
}

export async function nationalReads() {
  const { overview, overviewFrom } = await import("~/indicators/overview.server");
  const { openDataJson } = await import("~/indicators/open-data.server");
  const { monthPeriod } = await import("~/indicators/periods");
  const { listingFigures } = await import("~/indicators/listing-figures");
  const { registryCountsOn, registrySnapshots, sumCounts } = await import("~/indicators/registry-cache.server");
  const { db } = await import("~/db.server");
  db();
  const period = monthPeriod(PERIOD.year, PERIOD.month);
  /** The national registry figures as computed before issue 12: the snapshot of every province, merged. */
  const previous = (_: number | null, days: string[], asOf: string) => {
    const [snapshot] = registrySnapshots(null, [asOf]);
    const perProvince = snapshot!.parts!.map((p) => registryCountsOn(p.provinceId, days));
    return {
      listing: listingFigures(snapshot!),
      // The trend's counts, summed over the provinces' cache entries as registryCountsOn(null, …) did.
      counts: days.map((day, i) => sumCounts(day, perProvince.map((c) => c[i]!))),
      provinces: snapshot!.parts!.map((p) => ({ provinceId: p.provinceId, figures: listingFigures(p.snapshot) })),
      freshness: { current: true, computedAt: new Date().toISOString(), staleProvinceIds: [] },
    };
  };
  return {
    /** GET /api/chi-so/toan-quoc?ky=2026-10 as the route computes it, serialised. */
    after: () => JSON.stringify(openDataJson(null, overview(null, period, TODAY))),
    /** The same answer with the registry figures computed as before issue 12. */
    before: () => JSON.stringify(openDataJson(null, overviewFrom(previous, null, period, TODAY))),
  };
}

if (process.argv[1]?.endsWith("dashboard-read.ts")) {
  const mode = process.argv[2] === "before" ? "before" : "after";
  const reads = await nationalReads();
  console.log(JSON.stringify(measure(reads[mode])));
}
