// A province's (or the country's) indicators: registry and listing figures as of a day, sales
// figures over a period, each headline figure with its target, the gap and where the monthly
// trend is heading, the breakdowns, and twelve months of history for every indicator.
import { vietnamToday } from "~/i18n/format";
import type { Indicator } from "#db/vocabulary";
import { cashlessFigures, monthlyCashless, salesBuckets, type CashlessFigures } from "./cashless.server";
import { headlineShares, listingFigures, type HeadlineFigures } from "./listing-figures";
import { asOfDay, monthsEnding, type Period } from "./periods";
import { gapPoints, projection, ratio, type Ratio } from "./ratios";
import type { RegistryCounts } from "./registry";
import { registryCountsOn, registrySnapshots } from "./registry-cache.server";
import { nationalRegistry, type Freshness } from "./registry-store.server";
import { targetsFor, type Target } from "./targets.server";

export const TREND_MONTHS = 12;

export type IndicatorCard = {
  id: Indicator;
  value: Ratio;
  target: Target | null;
  /** Percentage points ahead (+) or behind (−) the target. */
  gap: number | null;
  /** The value the last twelve months' trend reaches on 31 December of the target year. */
  projected: number | null;
  targetYear: number;
};

export type TrendPoint = {
  month: string;
  /** The day the month's registry and listing figures are taken: its last day, or the as-of day. */
  asOf: string;
  ocopListing: Ratio;
  onboarding: Ratio;
  producersOnline: Ratio;
  gapListing: Ratio;
  cashlessCount: Ratio;
  cashlessValue: Ratio;
  intermediaryCount: Ratio;
  intermediaryValue: Ratio;
};

export type Overview = {
  provinceId: number | null;
  period: Period;
  asOf: string;
  cards: IndicatorCard[];
  listing: HeadlineFigures;
  /** The country's answer: each province's registry and listing figures as of `asOf`. */
  provinces: { provinceId: number; figures: HeadlineFigures }[] | null;
  /** Whether the registry and listing figures are current (the country's may be a moment behind). */
  freshness: Freshness;
  cashless: CashlessFigures;
  trend: TrendPoint[];
};

/** The registry and listing figures an overview reads: on `asOf`, and the counts of each trend day. */
export type RegistryFigures = {
  listing: HeadlineFigures;
  counts: RegistryCounts[];
  provinces: Overview["provinces"];
  freshness: Freshness;
};

/** A province's registry from its cache (current by construction), the country's as the sum of its provinces'. */
function registryFigures(provinceId: number | null, days: string[], asOf: string): RegistryFigures {
  if (provinceId === null) {
    const n = nationalRegistry(days, asOf);
    return { listing: n.figures, counts: n.counts, provinces: n.provinces, freshness: n.freshness };
  }
  const [snapshot] = registrySnapshots(provinceId, [asOf]);
  const counts: RegistryCounts[] = registryCountsOn(provinceId, days);
  const freshness: Freshness = { current: true, computedAt: new Date().toISOString(), staleProvinceIds: [] };
  return { listing: listingFigures(snapshot!), counts, provinces: null, freshness };
}

/**
 * The figures of a period (sales) as of a day (registry and listings). `asOf` defaults to the
 * period's last day that has happened; the API may set it apart from the period.
 */
export function overview(provinceId: number | null, period: Period, today = vietnamToday(), asOfParam?: string): Overview {
  return overviewFrom(registryFigures, provinceId, period, today, asOfParam);
}

/** The overview with its registry figures from `source` (scripts/bench/dashboard-read.ts passes the pre-issue-12 one). */
export function overviewFrom(
  source: (provinceId: number | null, days: string[], asOf: string) => RegistryFigures,
  provinceId: number | null,
  period: Period,
  today = vietnamToday(),
  asOfParam?: string,
): Overview {
  const asOf = asOfParam ?? asOfDay(period, today);
  const months = monthsEnding(asOf, TREND_MONTHS);
  const days = months.map((m) => (m.to < asOf ? m.to : asOf));
  const { listing, counts, provinces, freshness } = source(provinceId, days, asOf);
  const salesTo = period.to < today ? period.to : today;
  const cashless = cashlessFigures(salesBuckets(provinceId, period.from, salesTo));
  const monthly = monthlyCashless(provinceId, months[0]!.from, asOf);
  const none = ratio(0, 0);
  const trend: TrendPoint[] = months.map((m, i) => {
    const h = headlineShares(counts[i]!);
    const c = monthly.get(m.key);
    return {
      month: m.key,
      asOf: days[i]!,
      ocopListing: h.ocopListing,
      onboarding: h.ocopOnboarding,
      producersOnline: h.producersOnline,
      gapListing: h.gapListing,
      cashlessCount: c?.cashlessCount ?? none,
      cashlessValue: c?.cashlessValue ?? none,
      intermediaryCount: c?.intermediaryShare ?? none,
      intermediaryValue: c?.intermediaryShareValue ?? none,
    };
  });

  const year = Number(asOf.slice(0, 4));
  const monthsLeft = 12 - Number(asOf.slice(5, 7));
  const targets = targetsFor(provinceId, year);
  const series: Partial<Record<Indicator, (number | null)[]>> = {
    ocop_listing_share: trend.map((p) => p.ocopListing.value),
    onboarding_share: trend.map((p) => p.onboarding.value),
    cashless_rate_count: trend.map((p) => p.cashlessCount.value),
    cashless_rate_value: trend.map((p) => p.cashlessValue.value),
    producers_online: trend.map((p) => p.producersOnline.value),
    gap_listing_share: trend.map((p) => p.gapListing.value),
    intermediary_share: trend.map((p) => p.intermediaryCount.value),
  };
  const card = (id: Indicator, value: Ratio): IndicatorCard => {
    const target = targets[id] ?? null;
    const s = series[id];
    return {
      id,
      value,
      target,
      gap: gapPoints(value.value, target ? target.bp / 10_000 : null),
      projected: s ? projection(s, monthsLeft) : null,
      targetYear: year,
    };
  };
  return {
    provinceId,
    period,
    asOf,
    cards: [
      card("ocop_listing_share", listing.ocopListing),
      card("onboarding_share", listing.ocopOnboarding),
      card("producers_online", listing.producersOnline),
      card("gap_listing_share", listing.gapListing),
      card("cashless_rate_count", cashless.cashlessCount),
      card("cashless_rate_value", cashless.cashlessValue),
      card("intermediary_share", cashless.intermediaryShare),
    ],
    listing,
    provinces,
    freshness,
    cashless,
    trend,
  };
}
