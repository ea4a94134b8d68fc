// Registry figures kept in memory while `change_counters.registry` stands still: the triggers
// that bump it cover every table the history reads (registry entries, products, producers and
// their claims, certificates, listing events), so a cached figure is always current.
import { statement } from "~/db.server";
import { loadRegistryHistory } from "./registry-history.server";
import { prepareRegistry, registryAsOf, registryCounts, type PreparedRegistry, type RegistryCounts, type RegistrySnapshot } from "./registry";

type Entry = { version: number; prepared: PreparedRegistry; snapshots: Map<string, RegistrySnapshot>; counts: Map<string, RegistryCounts> };

const cache = new Map<string, Entry>();
const MAX_SCOPES = 40; // the 34 provinces and the country, with room to spare

function registryVersion(): number {
  return (statement(`SELECT n FROM change_counters WHERE name = 'registry'`).get() as { n: number } | undefined)?.n ?? -1;
}

function entryFor(provinceId: number | null): Entry {
  const version = registryVersion();
  const key = String(provinceId ?? "all");
  let entry = cache.get(key);
  if (!entry || entry.version !== version) {
    entry = { version, prepared: prepareRegistry(loadRegistryHistory(provinceId)), snapshots: new Map(), counts: new Map() };
    cache.delete(key);
    if (cache.size >= MAX_SCOPES) cache.delete(cache.keys().next().value!);
    cache.set(key, entry);
  }
  return entry;
}

/** The registry of a province (or the country) as of each of `days`, in that order, with rows. */
export function registrySnapshots(provinceId: number | null, days: string[]): RegistrySnapshot[] {
  const entry = entryFor(provinceId);
  return days.map((day) => {
    let snap = entry.snapshots.get(day);
    if (!snap) entry.snapshots.set(day, (snap = registryAsOf(entry.prepared, day)));
    return snap;
  });
}

/** Only the headline counts of each of `days` (the trend): no rows are built. */
export function registryCountsOn(provinceId: number | null, days: string[]): RegistryCounts[] {
  const entry = entryFor(provinceId);
  return days.map((day) => {
    const snap = entry.snapshots.get(day);
    if (snap) return snap;
    let counts = entry.counts.get(day);
    if (!counts) entry.counts.set(day, (counts = registryCounts(entry.prepared, day)));
    return counts;
  });
}
