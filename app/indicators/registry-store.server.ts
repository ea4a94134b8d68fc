// The country's registry and listing figures as the sum of its provinces' figures of each day,
// kept per province and day with the province's registry counter ('registry:<id>' in
// change_counters) they were computed at: in indicator_registry_figures (this module owns it,
// written by the background worker, `refreshRegistryFigures`) and in this process's memory.
// A figure whose counter has not moved since is current. Computing all 34 provinces costs some
// 370 ms of CPU (loading and walking every registry entry, certificate and listing event), so a
// national read never does it for more than SYNC_LIMIT provinces: the others, when they changed,
// are answered with their last figures and said to be stale (`Freshness`), and recomputed in the
// background here and by the worker. A province without any figures of a day asked is computed at once.
import { db, statement } from "~/db.server";
import { currentProvinces } from "~/places/provinces.server";
import { mergeHeadline, listingFigures, type HeadlineFigures } from "./listing-figures";
import { monthsEnding } from "./periods";
import { prepareRegistry, registryAsOf, type RegistryCounts } from "./registry";
import { registryCountsOn, registrySnapshots, sumCounts } from "./registry-cache.server";
import { loadRegistryHistory } from "./registry-history.server";

/**
 * How many changed provinces a national read recomputes itself (~10-25 ms of CPU each). A process
 * that has computed none yet recomputes none (the first costs 50-90 ms, the code not compiled yet):
 * it answers with their kept figures, said to be stale, and computes them right after.
 */
export const SYNC_LIMIT = 2;
/** Month ends the worker keeps besides today: the default month, the current one and their trends. */
export const KEPT_MONTHS = 13;

let computedOnce = false;

export type Freshness = {
  /** True when no province's registry or listing data changed since its figures were computed. */
  current: boolean;
  /** When the oldest registry and listing figure of the answer was computed (ISO 8601, UTC). */
  computedAt: string;
  /** Provinces whose figures predate a change (being recomputed). */
  staleProvinceIds: number[];
};

type Held = { version: number; computedAt: string; counts: RegistryCounts; figures: HeadlineFigures | null };

export type NationalRegistry = {
  /** The country's counts on each of the days asked, in order. */
  counts: RegistryCounts[];
  /** The country's figures on the full day, and each province's. */
  figures: HeadlineFigures;
  provinces: { provinceId: number; figures: HeadlineFigures }[];
  freshness: Freshness;
};

const MAX_DAYS_HELD = 64;
const held = new Map<number, Map<string, Held>>();

function hold(provinceId: number, day: string, h: Held) {
  let days = held.get(provinceId);
  if (!days) held.set(provinceId, (days = new Map()));
  const known = days.get(day);
  if (known && known.version === h.version && known.figures && !h.figures) return;
  days.delete(day);
  days.set(day, h);
  if (days.size > MAX_DAYS_HELD) days.delete(days.keys().next().value!);
}

function versions(): Map<number, number> {
  const rows = statement<unknown[], { name: string; n: number }>(`SELECT name, n FROM change_counters WHERE name >= 'registry:' AND name < 'registry;'`).all();
  return new Map(rows.map((r) => [Number(r.name.slice("registry:".length)), r.n]));
}

/** The headline part of a province's figures (what is kept): the long breakdowns are left out. */
function headline(f: HeadlineFigures): HeadlineFigures {
  const { ocopListing, gapListing, ocopOnboarding, gapOnboarding, producersOnline, producers, reconciliation, byMarketplace, byStars, byGroup } = f;
  return { ocopListing, gapListing, ocopOnboarding, gapOnboarding, producersOnline, producers, reconciliation, byMarketplace, byStars, byGroup };
}

const countsOnly = (c: RegistryCounts): RegistryCounts => ({
  day: c.day,
  entries: c.entries,
  products: c.products,
  listed: c.listed,
  onboarded: c.onboarded,
  gapProducts: c.gapProducts,
  gapListed: c.gapListed,
  producers: { ...c.producers },
});

const usable = (h: Held | undefined, full: boolean) => !!h && (!full || h.figures !== null);

/** Computes a province's days in this process (its registry cache), at `version` read beforehand. */
function computeNow(provinceId: number, version: number, days: string[], fullDay: string) {
  computedOnce = true;
  const computedAt = new Date().toISOString();
  const [snapshot] = registrySnapshots(provinceId, [fullDay]);
  hold(provinceId, fullDay, { version, computedAt, counts: countsOnly(snapshot!), figures: headline(listingFigures(snapshot!)) });
  const rest = days.filter((d) => d !== fullDay);
  registryCountsOn(provinceId, rest).forEach((c, i) => hold(provinceId, rest[i]!, { version, computedAt, counts: countsOnly(c), figures: null }));
}

/** Reads the kept figures of `provinceIds` on `days` into memory (the full figures of `fullDay` only). */
function readKept(provinceIds: number[], days: string[], fullDay: string) {
  if (provinceIds.length === 0) return;
  const rows = statement<unknown[], { provinceId: number; day: string; version: number; computedAt: string; counts: string; figures: string | null }>(
    `SELECT province_id AS provinceId, day, version, computed_at AS computedAt, counts, CASE WHEN day = @full THEN figures END AS figures
     FROM indicator_registry_figures
     WHERE province_id IN (SELECT value FROM json_each(@provinces)) AND day IN (SELECT value FROM json_each(@days))`,
  ).all({ full: fullDay, provinces: JSON.stringify(provinceIds), days: JSON.stringify(days) });
  for (const r of rows) {
    const known = held.get(r.provinceId)?.get(r.day);
    if (known && known.version >= r.version && usable(known, r.day === fullDay)) continue;
    hold(r.provinceId, r.day, { version: r.version, computedAt: r.computedAt, counts: JSON.parse(r.counts), figures: r.figures === null ? null : JSON.parse(r.figures) });
  }
}

const pending = new Set<number>();

/** Recomputes stale provinces after the answer is sent, one province per turn of the event loop. */
function refreshLater(provinceIds: number[], days: string[], fullDay: string) {
  const todo = provinceIds.filter((id) => !pending.has(id));
  for (const id of todo) pending.add(id);
  const next = () => {
    const id = todo.shift();
    if (id === undefined) return;
    try {
      computeNow(id, versions().get(id) ?? 0, days, fullDay);
    } catch (error) {
      console.error(`[indicators] background recompute of province ${id} failed: ${(error as Error).message}`);
    } finally {
      pending.delete(id);
    }
    setImmediate(next);
  };
  if (todo.length > 0) setImmediate(next);
}

/**
 * The country's registry counts on `days` and its full figures on `fullDay` (one of them), from
 * the provinces' kept figures; `freshness` says whether any of them predates a change.
 */
export function nationalRegistry(days: string[], fullDay: string): NationalRegistry {
  const allDays = days.includes(fullDay) ? days : [...days, fullDay];
  const v = versions();
  const ids = currentProvinces().map((p) => p.id);
  const current = (id: number) =>
    allDays.every((d) => {
      const h = held.get(id)?.get(d);
      return usable(h, d === fullDay) && h!.version === (v.get(id) ?? 0);
    });
  readKept(ids.filter((id) => !current(id)), allDays, fullDay);
  const changed = ids.filter((id) => !current(id));
  const missing = changed.filter((id) => !allDays.every((d) => usable(held.get(id)?.get(d), d === fullDay)));
  const now = changed.length <= (computedOnce ? SYNC_LIMIT : 0) ? changed : missing;
  for (const id of now) computeNow(id, v.get(id) ?? 0, allDays, fullDay);
  const stale = changed.filter((id) => !now.includes(id));
  refreshLater(stale, allDays, fullDay);

  let computedAt = "";
  const at = (id: number, day: string) => {
    const h = held.get(id)!.get(day)!;
    if (computedAt === "" || h.computedAt < computedAt) computedAt = h.computedAt;
    return h;
  };
  const provinces = ids.map((id) => ({ provinceId: id, figures: at(id, fullDay).figures! }));
  const counts = days.map((d) => sumCounts(d, ids.map((id) => at(id, d).counts)));
  const fullCounts = sumCounts(fullDay, ids.map((id) => at(id, fullDay).counts));
  const awaiting = provinces.reduce((n, p) => n + p.figures.reconciliation.awaitingReconciliation, 0);
  return {
    counts,
    figures: mergeHeadline(fullCounts, awaiting, provinces.map((p) => p.figures)),
    provinces,
    freshness: { current: stale.length === 0, computedAt: computedAt || new Date().toISOString(), staleProvinceIds: stale },
  };
}

/** The days the worker keeps: today and the last KEPT_MONTHS month ends before it. */
export function keptDays(today: string): string[] {
  const ends = monthsEnding(today, KEPT_MONTHS + 1)
    .slice(0, -1)
    .map((m) => m.to);
  return [...ends, today];
}

/**
 * Recomputes and keeps (in indicator_registry_figures) the figures of every province whose kept
 * days are missing or predate a change: the background worker's job. One province per call of
 * `yieldTurn`, so the worker's other work goes on between them. Returns the provinces recomputed.
 */
export async function refreshRegistryFigures(today: string, yieldTurn: () => Promise<void> = () => new Promise((r) => setImmediate(r))): Promise<number[]> {
  const days = keptDays(today);
  const kept = statement<unknown[], { provinceId: number; version: number; days: number }>(
    `SELECT province_id AS provinceId, min(version) AS version, count(figures) AS days FROM indicator_registry_figures
     WHERE day IN (SELECT value FROM json_each(@days)) GROUP BY province_id`,
  ).all({ days: JSON.stringify(days) });
  const byProvince = new Map(kept.map((k) => [k.provinceId, k]));
  const v = versions();
  const todo = currentProvinces()
    .map((p) => p.id)
    .filter((id) => {
      const k = byProvince.get(id);
      return !k || k.days < days.length || k.version !== (v.get(id) ?? 0);
    });
  const upsert = statement<unknown[], never>(
    `INSERT INTO indicator_registry_figures (province_id, day, version, computed_at, counts, figures)
     VALUES (@provinceId, @day, @version, @computedAt, @counts, @figures)
     ON CONFLICT (province_id, day) DO UPDATE SET version = excluded.version, computed_at = excluded.computed_at,
       counts = excluded.counts, figures = excluded.figures
     WHERE excluded.version >= indicator_registry_figures.version`,
  );
  // Yesterday's "today" (not a month end) is no longer kept: a read of it computes it again.
  const dropUnkept = statement<unknown[], never>(
    `DELETE FROM indicator_registry_figures WHERE province_id = @provinceId AND day NOT IN (SELECT value FROM json_each(@days))`,
  );
  for (const id of todo) {
    // The counter is read before the data: a change in between leaves an older version, computed again.
    const version = (statement<unknown[], { n: number }>(`SELECT n FROM change_counters WHERE name = ?`).get(`registry:${id}`))?.n ?? 0;
    const computedAt = new Date().toISOString();
    const prepared = prepareRegistry(loadRegistryHistory(id));
    const rows = days.map((day) => {
      const snapshot = registryAsOf(prepared, day);
      return { provinceId: id, day, version, computedAt, counts: JSON.stringify(countsOnly(snapshot)), figures: JSON.stringify(headline(listingFigures(snapshot))) };
    });
    db()
      .$client.transaction(() => {
        for (const r of rows) upsert.run(r);
        dropUnkept.run({ provinceId: id, days: JSON.stringify(days) });
      })
      .immediate();
    await yieldTurn();
  }
  return todo;
}
