// The read-only JSON of a province's (or the country's) indicators, for the provincial reporting
// system. Field names are part of the contract (documented in the README): add, never rename.
import type { ProvinceOption } from "~/places/provinces.server";
import type { Overview } from "./overview.server";
import type { Ratio } from "./ratios";

const share = (r: Ratio) => ({ numerator: r.num, denominator: r.den, value: r.value === null ? null : round(r.value) });
const round = (v: number) => Math.round(v * 10_000) / 10_000;

export function openDataJson(province: ProvinceOption | null, o: Overview) {
  return {
    version: 1,
    province: province ? { slug: province.slug, name: province.name } : null,
    period: { key: o.period.key, kind: o.period.kind, from: o.period.from, to: o.period.to },
    asOf: o.asOf,
    indicators: Object.fromEntries(
      o.cards.map((c) => [
        c.id,
        {
          ...share(c.value),
          target: c.target ? c.target.bp / 10_000 : null,
          targetIsDefault: c.target?.isDefault ?? null,
          gapPoints: c.gap === null ? null : Math.round(c.gap * 100) / 100,
          projectedYearEnd: c.projected === null ? null : round(c.projected),
        },
      ]),
    ),
    intermediaryShareWithVietqr: share(o.cashless.intermediaryShareWithVietqr),
    sales: {
      completedOrders: o.cashless.orders,
      completedValue: o.cashless.value,
      byMethod: o.cashless.byMethod,
      byChannel: o.cashless.byChannel.map((c) => ({ channel: c.channel, orders: c.orders, cashless: share(c.cashless) })),
    },
    listing: {
      byMarketplace: Object.fromEntries(o.listing.byMarketplace.map((m) => [m.key, share(m.listed)])),
      byStars: Object.fromEntries(o.listing.byStars.map((s) => [String(s.key), { listed: share(s.listed), onboarded: share(s.claimed) }])),
      byGroup: Object.fromEntries(o.listing.byGroup.map((g) => [g.key, { listed: share(g.listed), onboarded: share(g.claimed) }])),
    },
    trend: o.trend.map((p) => ({
      month: p.month,
      asOf: p.asOf,
      ocopListingShare: share(p.ocopListing),
      onboardingShare: share(p.onboarding),
      cashlessRateCount: share(p.cashlessCount),
      cashlessRateValue: share(p.cashlessValue),
    })),
  };
}
