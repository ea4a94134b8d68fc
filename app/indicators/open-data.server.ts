// The read-only JSON of a province's (or the country's) indicators, for the provincial reporting
// system and anyone who rebuilds them. Its shape is `openDataSchema` (open-data-schema.ts):
// field names are part of the contract, add, never rename.
import { currentProvinces, type ProvinceOption } from "~/places/provinces.server";
import { cashlessByProvince } from "./cashless.server";
import type { ListingFigures } from "./listing-figures";
import { OPEN_DATA_VERSION, type OpenData } from "./open-data-schema";
import type { Overview } from "./overview.server";
import { ratio, type Ratio } from "./ratios";
import type { ProducerCounts } from "./registry";

const round = (v: number) => Math.round(v * 10_000) / 10_000;
export const share = (r: Ratio) => ({ numerator: r.num, denominator: r.den, value: r.value === null ? null : round(r.value) });

function registryCounts(r: ListingFigures["reconciliation"], p: ProducerCounts): OpenData["registry"] {
  return {
    entries: r.entries,
    products: r.products,
    producers: p.registry,
    producersJoined: p.registryJoined,
    producersNotJoined: p.registry - p.registryJoined,
    producersOnline: p.registryOnline,
    matched: r.matched,
    awaitingReconciliation: r.awaitingReconciliation,
    producersOutsideRegistry: p.outside,
    producersOutsideRegistryOnline: p.outsideOnline,
  };
}

/** The 34 provinces' figures from the national overview's provinces and the period's sales, for the national answer. */
function provinceBreakdown(o: Overview): OpenData["provinces"] {
  const parts = new Map((o.provinces ?? []).map((p) => [p.provinceId, p.figures]));
  const sales = cashlessByProvince(o.period.from, o.period.to < o.asOf ? o.period.to : o.asOf);
  const none = ratio(0, 0);
  const noProducers: ProducerCounts = { registry: 0, registryJoined: 0, registryOnline: 0, outside: 0, outsideOnline: 0 };
  return currentProvinces().map((p) => {
    const f = parts.get(p.id) ?? null;
    const producers = f?.producers ?? noProducers;
    const c = sales.get(p.id);
    return {
      slug: p.slug,
      name: p.name,
      indicators: {
        ocop_listing_share: share(f?.ocopListing ?? none),
        onboarding_share: share(f?.ocopOnboarding ?? none),
        producers_online: share(f?.producersOnline ?? none),
        cashless_rate_count: share(c?.cashlessCount ?? none),
        cashless_rate_value: share(c?.cashlessValue ?? none),
        intermediary_share: share(c?.intermediaryShare ?? none),
      },
      intermediaryShareValue: share(c?.intermediaryShareValue ?? none),
      registry: registryCounts(
        f?.reconciliation ?? { entries: 0, products: 0, producersJoined: 0, producersNotJoined: 0, matched: 0, awaitingReconciliation: 0 },
        producers,
      ),
    };
  });
}

export function openDataJson(province: ProvinceOption | null, o: Overview): OpenData {
  const slugs = new Map(o.freshness.staleProvinceIds.length > 0 ? currentProvinces().map((p) => [p.id, p.slug]) : []);
  return {
    version: OPEN_DATA_VERSION,
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
    ) as OpenData["indicators"],
    intermediaryShareValue: share(o.cashless.intermediaryShareValue),
    intermediaryShareWithVietqr: share(o.cashless.intermediaryShareWithVietqr),
    registry: registryCounts(o.listing.reconciliation, o.listing.producers),
    sales: {
      completedOrders: o.cashless.orders,
      completedValue: o.cashless.value,
      byMethod: o.cashless.byMethod.map((m) => ({ method: m.method, class: m.payClass, orders: m.orders, value: m.value })),
      byChannel: o.cashless.byChannel.map((c) => ({ channel: c.channel, orders: c.orders, cashless: share(c.cashless) })),
    },
    listing: {
      byMarketplace: Object.fromEntries(o.listing.byMarketplace.map((m) => [m.key, share(m.listed)])) as OpenData["listing"]["byMarketplace"],
      byStars: Object.fromEntries(o.listing.byStars.map((s) => [String(s.key), { listed: share(s.listed), onboarded: share(s.claimed) }])),
      byGroup: Object.fromEntries(o.listing.byGroup.map((g) => [g.key, { listed: share(g.listed), onboarded: share(g.claimed) }])),
    },
    provinces: o.provinceId === null ? provinceBreakdown(o) : null,
    trend: o.trend.map((p) => ({
      month: p.month,
      asOf: p.asOf,
      ocopListingShare: share(p.ocopListing),
      onboardingShare: share(p.onboarding),
      producersOnline: share(p.producersOnline),
      gapListingShare: share(p.gapListing),
      cashlessRateCount: share(p.cashlessCount),
      cashlessRateValue: share(p.cashlessValue),
      intermediaryShare: share(p.intermediaryCount),
      intermediaryShareValue: share(p.intermediaryValue),
    })),
    freshness: {
      current: o.freshness.current,
      computedAt: o.freshness.computedAt,
      staleProvinces: o.freshness.staleProvinceIds.map((id) => slugs.get(id) ?? String(id)),
    },
  };
}
