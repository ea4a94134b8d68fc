// Listing and onboarding figures from a registry snapshot: the headline shares (definitions.ts),
// the registry reconciliation counts that rebuild their denominators, and breakdowns by
// marketplace, star level, OCOP group, province, commune and producer. Pure.
import { MARKETPLACE_CODES, OCOP_GROUPS, type MarketplaceCode, type OcopGroup } from "#db/vocabulary";
import type { ProducerCounts, RegistryCounts, RegistryRow, RegistrySnapshot } from "./registry";
import { ratio, type Ratio } from "./ratios";

export type Breakdown<K extends string | number> = { key: K; label: string; listed: Ratio; claimed: Ratio }[];

export type ListingFigures = {
  ocopListing: Ratio;
  gapListing: Ratio;
  ocopOnboarding: Ratio;
  gapOnboarding: Ratio;
  producersOnline: Ratio;
  producers: ProducerCounts;
  reconciliation: Reconciliation;
  byMarketplace: { key: MarketplaceCode; listed: Ratio }[];
  byStars: Breakdown<3 | 4 | 5>;
  byGroup: Breakdown<OcopGroup>;
  byCommune: Breakdown<string>;
  byProducer: Breakdown<number>;
  byProvince: Breakdown<number>;
};

/** The figures the overview, the report and the API read: all but the long breakdowns. */
export type HeadlineFigures = Omit<ListingFigures, "byCommune" | "byProducer" | "byProvince">;

/** What a reader needs to rebuild every registry denominator. */
export type Reconciliation = {
  /** Registry entries valid on the day (a product with two valid decisions has two). */
  entries: number;
  /** Registry products valid on the day, each counted once: the listing share's denominator. */
  products: number;
  producersJoined: number;
  producersNotJoined: number;
  /** Registry products tied to a product of a producer who has joined (the onboarding numerator). */
  matched: number;
  /** Platform products claiming OCOP stars that no registry entry backs ("chờ đối chiếu"). */
  awaitingReconciliation: number;
};

/** The headline shares from a day's counts: the trend's points and the cards agree by construction. */
export function headlineShares(c: RegistryCounts) {
  return {
    ocopListing: ratio(c.listed, c.products),
    ocopOnboarding: ratio(c.onboarded, c.products),
    producersOnline: ratio(c.producers.registryOnline, c.producers.registry),
    gapListing: ratio(c.gapListed, c.gapProducts),
  };
}

const listed = (r: RegistryRow) => r.liveOn.length > 0;

function breakdown<K extends string | number>(rows: RegistryRow[], keyOf: (r: RegistryRow) => K, labelOf: (r: RegistryRow) => string): Breakdown<K> {
  const groups = new Map<K, { label: string; total: number; listed: number; claimed: number }>();
  for (const r of rows) {
    const k = keyOf(r);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { label: labelOf(r), total: 0, listed: 0, claimed: 0 }));
    g.total++;
    if (listed(r)) g.listed++;
    if (r.producerVerified) g.claimed++;
  }
  return [...groups].map(([key, g]) => ({ key, label: g.label, listed: ratio(g.listed, g.total), claimed: ratio(g.claimed, g.total) }));
}

const memo = new WeakMap<RegistrySnapshot, ListingFigures>();

/**
 * The figures of a snapshot, computed once per snapshot object (cached snapshots are immutable).
 * The national snapshot's are the sum of its provinces': a change in one province recomputes
 * that province's breakdowns only.
 */
export function listingFigures(snapshot: RegistrySnapshot): ListingFigures {
  let figures = memo.get(snapshot);
  if (!figures) {
    figures = snapshot.parts ? mergeFigures(snapshot, snapshot.parts.map((p) => listingFigures(p.snapshot))) : computeFigures(snapshot);
    memo.set(snapshot, figures);
  }
  return figures;
}

const sumRatios = (rs: Ratio[]) => ratio(rs.reduce((n, r) => n + r.num, 0), rs.reduce((n, r) => n + r.den, 0));

function mergeBreakdowns<K extends string | number>(lists: Breakdown<K>[]): Breakdown<K> {
  const groups = new Map<K, { label: string; listed: Ratio[]; claimed: Ratio[] }>();
  for (const list of lists) {
    for (const b of list) {
      const g = groups.get(b.key);
      if (g) {
        g.listed.push(b.listed);
        g.claimed.push(b.claimed);
      } else groups.set(b.key, { label: b.label, listed: [b.listed], claimed: [b.claimed] });
    }
  }
  return [...groups].map(([key, g]) => ({ key, label: g.label, listed: sumRatios(g.listed), claimed: sumRatios(g.claimed) }));
}

const byGap = (a: { listed: Ratio }, b: { listed: Ratio }) => (a.listed.value ?? 0) - (b.listed.value ?? 0) || b.listed.den - a.listed.den;

function mergeFigures(snapshot: RegistrySnapshot, parts: ListingFigures[]): ListingFigures {
  return {
    ...mergeHeadline(snapshot, snapshot.awaiting.length, parts),
    byCommune: mergeBreakdowns(parts.map((p) => p.byCommune)).sort(byGap),
    byProducer: parts.flatMap((p) => p.byProducer).sort(byGap),
    byProvince: parts.flatMap((p) => p.byProvince),
  };
}

/**
 * The headline figures of several provinces together: `counts` are their summed counts, `awaiting`
 * their products awaiting reconciliation. The national snapshot and the stored per-province
 * figures (registry-store.server.ts) both add up this way, so they agree by construction.
 */
export function mergeHeadline(counts: RegistryCounts, awaiting: number, parts: HeadlineFigures[]): HeadlineFigures {
  return {
    ...headlineShares(counts),
    gapOnboarding: sumRatios(parts.map((p) => p.gapOnboarding)),
    producers: counts.producers,
    reconciliation: reconciliationOf(counts, awaiting),
    byMarketplace: MARKETPLACE_CODES.map((m) => ({ key: m, listed: sumRatios(parts.map((p) => p.byMarketplace.find((x) => x.key === m)!.listed)) })),
    byStars: mergeBreakdowns(parts.map((p) => p.byStars)).sort((a, b) => a.key - b.key),
    byGroup: mergeBreakdowns(parts.map((p) => p.byGroup)).sort((a, b) => OCOP_GROUPS.indexOf(a.key) - OCOP_GROUPS.indexOf(b.key)),
  };
}

function reconciliationOf(counts: RegistryCounts, awaiting: number): Reconciliation {
  return {
    entries: counts.entries,
    products: counts.products,
    producersJoined: counts.producers.registryJoined,
    producersNotJoined: counts.producers.registry - counts.producers.registryJoined,
    matched: counts.onboarded,
    awaitingReconciliation: awaiting,
  };
}

function computeFigures(snapshot: RegistrySnapshot): ListingFigures {
  const ocop = snapshot.rows.filter((r) => r.stars !== null);
  const gap = snapshot.rows.filter((r) => r.gap);
  const count = (rows: RegistryRow[], p: (r: RegistryRow) => boolean) => rows.reduce((n, r) => n + (p(r) ? 1 : 0), 0);
  const byStars = breakdown(ocop, (r) => r.stars!, (r) => `${r.stars}★`).sort((a, b) => a.key - b.key);
  const byGroup = breakdown(ocop, (r) => r.ocopGroup, (r) => r.ocopGroup).sort(
    (a, b) => OCOP_GROUPS.indexOf(a.key) - OCOP_GROUPS.indexOf(b.key),
  );
  const headline = headlineShares(snapshot);
  return {
    ...headline,
    gapOnboarding: ratio(count(gap, (r) => r.producerVerified), gap.length),
    producers: snapshot.producers,
    reconciliation: reconciliationOf(snapshot, snapshot.awaiting.length),
    byMarketplace: MARKETPLACE_CODES.map((m) => ({ key: m, listed: ratio(count(ocop, (r) => r.liveOn.includes(m)), ocop.length) })),
    byStars,
    byGroup,
    byCommune: breakdown(ocop, (r) => r.communeName ?? "", (r) => r.communeName ?? "").sort(byGap),
    byProducer: breakdown(ocop, (r) => r.producerId, (r) => r.producerName).sort(byGap),
    byProvince: breakdown(ocop, (r) => r.provinceId, () => ""),
  };
}
