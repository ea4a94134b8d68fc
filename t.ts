import { loadRegistryHistory } from "~/indicators/registry-history.server";
import { registryAsOf } from "~/indicators/registry";
import { monthsEnding } from "~/indicators/periods";
for (const [label, prov] of [["province", 1], ["province", 1], ["national", null], ["national", null]] as const) {
  const t = performance.now();
  const h = loadRegistryHistory(prov as any);
  const t2 = performance.now();
  const snaps = monthsEnding("2026-11-20", 12).map((m) => registryAsOf(h, m.to < "2026-11-20" ? m.to : "2026-11-20"));
  const last = snaps[snaps.length - 1]!;
  console.log(label, "load", (t2 - t).toFixed(1), "ms; 12 snapshots", (performance.now() - t2).toFixed(1), "ms", last.rows.length, last.rows.filter(r => r.stars && r.liveOn.length).length, last.producersVerified, last.producersOnline);
}
