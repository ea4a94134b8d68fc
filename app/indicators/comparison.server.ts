// Rankings by distance to the target: provinces (national view), communes and producers.
import { currentProvinces } from "~/places/provinces.server";
import { vietnamToday } from "~/i18n/format";
import { cashlessByProvince } from "./cashless.server";
import { listingFigures } from "./listing-figures";
import { asOfDay, type Period } from "./periods";
import { gapPoints, ratio, type Ratio } from "./ratios";
import { registrySnapshots } from "./registry-cache.server";
import { nationalRegistry } from "./registry-store.server";
import { targetsFor } from "./targets.server";

export type RankedRow = {
  key: string;
  label: string;
  listed: Ratio;
  onboarded: Ratio;
  /** Points to the listing target (negative: behind). */
  gap: number | null;
  cashless?: Ratio;
};

/**
 * Furthest behind first; rows without data (no product to count, so no share) last, by name: an
 * empty province is not "on target".
 */
export const byGap = (a: RankedRow, b: RankedRow) =>
  Number(a.listed.value === null) - Number(b.listed.value === null) ||
  (a.gap ?? 0) - (b.gap ?? 0) ||
  b.listed.den - a.listed.den ||
  a.label.localeCompare(b.label, "vi");

/** Communes and producers of a province, furthest behind first. */
export function provinceRankings(provinceId: number, period: Period, today = vietnamToday()) {
  const asOf = asOfDay(period, today);
  const [snapshot] = registrySnapshots(provinceId, [asOf]);
  const figures = listingFigures(snapshot!);
  const target = targetsFor(provinceId, Number(asOf.slice(0, 4))).ocop_listing_share;
  const t = target ? target.bp / 10_000 : null;
  const rank = (rows: typeof figures.byCommune | typeof figures.byProducer): RankedRow[] =>
    rows
      .map((r) => ({ key: String(r.key), label: r.label, listed: r.listed, onboarded: r.claimed, gap: gapPoints(r.listed.value, t) }))
      .sort(byGap);
  return { asOf, target: t, communes: rank(figures.byCommune), producers: rank(figures.byProducer) };
}

/**
 * The 34 provinces, furthest behind their own listing target first, with their cashless rate: each
 * province's kept figures (registry-store.server.ts), with how fresh they are.
 */
export function provinceComparison(period: Period, today = vietnamToday()) {
  const asOf = asOfDay(period, today);
  const national = nationalRegistry([asOf], asOf);
  const byProvince = new Map(national.provinces.map((p) => [p.provinceId, p.figures]));
  const sales = cashlessByProvince(period.from, asOf);
  const year = Number(asOf.slice(0, 4));
  const rows: (RankedRow & { slug: string })[] = currentProvinces().map((p) => {
    const f = byProvince.get(p.id);
    const target = targetsFor(p.id, year).ocop_listing_share;
    const listed = f?.ocopListing ?? ratio(0, 0);
    return {
      key: String(p.id),
      slug: p.slug,
      label: p.name,
      listed,
      onboarded: f?.ocopOnboarding ?? ratio(0, 0),
      gap: gapPoints(listed.value, target ? target.bp / 10_000 : null),
      cashless: sales.get(p.id)?.cashlessCount ?? ratio(0, 0),
    };
  });
  return { asOf, rows: rows.sort(byGap), freshness: national.freshness };
}
