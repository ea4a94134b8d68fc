// A province's (or the country's) indicators for a period: each headline figure with its target,
// the gap and where the monthly trend is heading, the breakdowns, and twelve months of history.
import { vietnamToday } from "~/i18n/format";
import type { Indicator } from "#db/vocabulary";
import { cashlessFigures, monthlyCashless, salesBuckets, type CashlessFigures } from "./cashless.server";
import { listingFigures, type ListingFigures } from "./listing-figures";
import { asOfDay, monthsEnding, type Period } from "./periods";
import { gapPoints, projection, ratio, type Ratio } from "./ratios";
import { registrySnapshots } from "./registry-cache.server";
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

export type TrendPoint = { month: string; asOf: string; ocopListing: Ratio; onboarding: Ratio; cashlessCount: Ratio; cashlessValue: Ratio };

export type Overview = {
  provinceId: number | null;
  period: Period;
  asOf: string;
  cards: IndicatorCard[];
  listing: ListingFigures;
  cashless: CashlessFigures;
  trend: TrendPoint[];
};

export function overview(provinceId: number | null, period: Period, today = vietnamToday()): Overview {
  const asOf = asOfDay(period, today);
  const months = monthsEnding(asOf, TREND_MONTHS);
  const days = months.map((m) => (m.to < asOf ? m.to : asOf));
  const snapshots = registrySnapshots(provinceId, [...days, asOf]);
  const listing = listingFigures(snapshots[snapshots.length - 1]!);
  const cashless = cashlessFigures(salesBuckets(provinceId, period.from, asOf));
  const monthly = monthlyCashless(provinceId, months[0]!.from, asOf);
  const trend: TrendPoint[] = months.map((m, i) => {
    const f = listingFigures(snapshots[i]!);
    const c = monthly.get(m.key);
    return {
      month: m.key,
      asOf: days[i]!,
      ocopListing: f.ocopListing,
      onboarding: f.ocopOnboarding,
      cashlessCount: c?.count ?? ratio(0, 0),
      cashlessValue: c?.value ?? ratio(0, 0),
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
    cashless,
    trend,
  };
}
