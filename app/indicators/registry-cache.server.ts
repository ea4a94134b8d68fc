// Registry snapshots kept in memory while `change_counters.registry` stands still: the triggers
// that bump it cover every table the snapshots read, so a cached snapshot is always current.
import { statement } from "~/db.server";
import { loadRegistryHistory } from "./registry-history.server";
import { registryAsOf, type RegistryHistory, type RegistrySnapshot } from "./registry";

type Entry = { version: number; history: RegistryHistory; snapshots: Map<string, RegistrySnapshot> };

const cache = new Map<string, Entry>();
const MAX_SCOPES = 40; // the 34 provinces and the country, with room to spare

function registryVersion(): number {
  return (statement(`SELECT n FROM change_counters WHERE name = 'registry'`).get() as { n: number } | undefined)?.n ?? -1;
}

/** The registry of a province (or the country) as of each of `days`, in that order. */
export function registrySnapshots(provinceId: number | null, days: string[]): RegistrySnapshot[] {
  const version = registryVersion();
  const key = String(provinceId ?? "all");
  let entry = cache.get(key);
  if (!entry || entry.version !== version) {
    entry = { version, history: loadRegistryHistory(provinceId), snapshots: new Map() };
    if (cache.size >= MAX_SCOPES) cache.delete(cache.keys().next().value!);
    cache.set(key, entry);
  }
  return days.map((day) => {
    let snap = entry.snapshots.get(day);
    if (!snap) {
      snap = registryAsOf(entry.history, day);
      entry.snapshots.set(day, snap);
    }
    return snap;
  });
}
