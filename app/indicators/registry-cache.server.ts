// Registry figures kept in memory per province while its counter ('registry:<province id>' in
// change_counters) stands still: the triggers that move it (db/migrations/0015) cover every table
// the history reads (registry entries, products, producers and their claims, certificates,
// listing events), so a cached figure is always current. The country's snapshot (its rows, for
// the national drill-downs) is the sum of the provinces': a change in one province reloads that
// province only. The national indicators themselves sum the provinces' kept figures
// (registry-store.server.ts), which this cache computes in the web process.
import { statement } from "~/db.server";
import { currentProvinces } from "~/places/provinces.server";
import { loadRegistryHistory } from "./registry-history.server";
import { prepareRegistry, registryAsOf, registryCounts, type ProducerCounts, type PreparedRegistry, type RegistryCounts, type RegistrySnapshot } from "./registry";

type Entry = { version: number; prepared: PreparedRegistry; snapshots: Map<string, RegistrySnapshot>; counts: Map<string, RegistryCounts> };

const cache = new Map<number, Entry>();
const national = { signature: "", snapshots: new Map<string, RegistrySnapshot>() };

function versions(): Map<number, number> {
  const rows = statement<unknown[], { name: string; n: number }>(`SELECT name, n FROM change_counters WHERE name >= 'registry:' AND name < 'registry;'`).all();
  return new Map(rows.map((r) => [Number(r.name.slice("registry:".length)), r.n]));
}

function entryFor(provinceId: number, version: number): Entry {
  let entry = cache.get(provinceId);
  if (!entry || entry.version !== version) {
    entry = { version, prepared: prepareRegistry(loadRegistryHistory(provinceId)), snapshots: new Map(), counts: new Map() };
    cache.set(provinceId, entry);
  }
  return entry;
}

const snapshotOf = (entry: Entry, day: string) => {
  let snap = entry.snapshots.get(day);
  if (!snap) entry.snapshots.set(day, (snap = registryAsOf(entry.prepared, day)));
  return snap;
};

const countsOf = (entry: Entry, day: string): RegistryCounts => {
  const snap = entry.snapshots.get(day);
  if (snap) return snap;
  let counts = entry.counts.get(day);
  if (!counts) entry.counts.set(day, (counts = registryCounts(entry.prepared, day)));
  return counts;
};

const addProducers = (to: ProducerCounts, c: ProducerCounts) => {
  to.registry += c.registry;
  to.registryJoined += c.registryJoined;
  to.registryOnline += c.registryOnline;
  to.outside += c.outside;
  to.outsideOnline += c.outsideOnline;
};

export function sumCounts(day: string, parts: RegistryCounts[]): RegistryCounts {
  const sum: RegistryCounts = {
    day,
    entries: 0,
    products: 0,
    listed: 0,
    onboarded: 0,
    gapProducts: 0,
    gapListed: 0,
    producers: { registry: 0, registryJoined: 0, registryOnline: 0, outside: 0, outsideOnline: 0 },
  };
  for (const c of parts) {
    sum.entries += c.entries;
    sum.products += c.products;
    sum.listed += c.listed;
    sum.onboarded += c.onboarded;
    sum.gapProducts += c.gapProducts;
    sum.gapListed += c.gapListed;
    addProducers(sum.producers, c.producers);
  }
  return sum;
}

function mergeSnapshots(day: string, parts: { provinceId: number; snapshot: RegistrySnapshot }[]): RegistrySnapshot {
  const producersByProvince = new Map<number, ProducerCounts>();
  for (const { snapshot } of parts) for (const [id, c] of snapshot.producersByProvince) producersByProvince.set(id, c);
  const snapshots = parts.map((p) => p.snapshot);
  return {
    ...sumCounts(day, snapshots),
    rows: snapshots.flatMap((s) => s.rows),
    awaiting: snapshots.flatMap((s) => s.awaiting),
    producersByProvince,
    parts,
  };
}

/** The provinces' cache entries, current; the national merges are dropped when any changed. */
function provinceEntries(): { provinceId: number; entry: Entry }[] {
  const v = versions();
  const ids = currentProvinces().map((p) => p.id);
  const signature = ids.map((id) => v.get(id) ?? 0).join(",");
  if (signature !== national.signature) {
    national.signature = signature;
    national.snapshots.clear();
  }
  return ids.map((id) => ({ provinceId: id, entry: entryFor(id, v.get(id) ?? 0) }));
}

const provinceVersion = (provinceId: number) =>
  (statement<unknown[], { n: number }>(`SELECT n FROM change_counters WHERE name = ?`).get(`registry:${provinceId}`))?.n ?? 0;

/** The registry of a province (or the country) as of each of `days`, in that order, with rows. */
export function registrySnapshots(provinceId: number | null, days: string[]): RegistrySnapshot[] {
  if (provinceId !== null) {
    const entry = entryFor(provinceId, provinceVersion(provinceId));
    return days.map((day) => snapshotOf(entry, day));
  }
  const entries = provinceEntries();
  return days.map((day) => {
    let snap = national.snapshots.get(day);
    if (!snap) national.snapshots.set(day, (snap = mergeSnapshots(day, entries.map((e) => ({ provinceId: e.provinceId, snapshot: snapshotOf(e.entry, day) })))));
    return snap;
  });
}

/** Only the headline counts of each of `days` (the trend) of a province: no rows are built. */
export function registryCountsOn(provinceId: number, days: string[]): RegistryCounts[] {
  const entry = entryFor(provinceId, provinceVersion(provinceId));
  return days.map((day) => countsOf(entry, day));
}
