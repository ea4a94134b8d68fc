// The province's registry of certified products as it stood on a given day: which products held
// a valid OCOP (3★+) or VietGAP/GlobalGAP certificate then, whose producer had joined and been
// verified, and on which marketplaces each was live. Every listing and onboarding indicator is
// computed from these rows, so they all agree. Pure: the data comes from registry-history.server.ts.
import type { CertKind, ListingStatus, MarketplaceCode, OcopGroup, ProducerKind, ProductStatus } from "#db/vocabulary";
import { endOfDayUtc } from "./periods";

export type RegistryHistory = {
  products: {
    id: number;
    status: ProductStatus;
    visible: number;
    ocopGroup: OcopGroup;
    createdAt: string;
    producerId: number;
    provinceId: number;
  }[];
  producers: {
    id: number;
    name: string;
    kind: ProducerKind;
    phone: string;
    status: string;
    verifiedAt: string | null;
    communeName: string | null;
  }[];
  certs: { productId: number; kind: CertKind; stars: number | null; issuedOn: string; expiresOn: string }[];
  /** Ordered by listing, then time. */
  events: { productId: number; listingId: number; marketplace: MarketplaceCode; status: ListingStatus; at: string }[];
};

export type RegistryRow = {
  productId: number;
  visible: boolean;
  ocopGroup: OcopGroup;
  producerId: number;
  producerName: string;
  producerKind: ProducerKind;
  producerPhone: string;
  /** Verified on or before the day (an unclaimed registry entry or a pending sign-up is not). */
  producerVerified: boolean;
  provinceId: number;
  communeName: string | null;
  /** Stars of the best OCOP certificate valid that day, or null. */
  stars: 3 | 4 | 5 | null;
  /** A VietGAP or GlobalGAP certificate valid that day. */
  gap: boolean;
  /** Marketplaces where it was live at the end of that day. */
  liveOn: MarketplaceCode[];
};

export type RegistrySnapshot = {
  day: string;
  /** Products with a valid OCOP or GAP certificate that day (archived products left out). */
  rows: RegistryRow[];
  producersVerified: number;
  producersOnline: number;
};

/** Where each listing stood at the end of the day, per product. */
function liveOnAsOf(events: RegistryHistory["events"], end: string): Map<number, Set<MarketplaceCode>> {
  const live = new Map<number, Set<MarketplaceCode>>();
  for (let i = 0; i < events.length; ) {
    const listing = events[i]!.listingId;
    let last: ListingStatus | null = null;
    let j = i;
    for (; j < events.length && events[j]!.listingId === listing; j++) {
      if (events[j]!.at < end) last = events[j]!.status;
    }
    if (last === "live") {
      const e = events[i]!;
      let set = live.get(e.productId);
      if (!set) live.set(e.productId, (set = new Set()));
      set.add(e.marketplace);
    }
    i = j;
  }
  return live;
}

export function registryAsOf(history: RegistryHistory, day: string): RegistrySnapshot {
  const end = endOfDayUtc(day);
  const producers = new Map(history.producers.map((p) => [p.id, p]));
  const verifiedAsOf = (id: number) => {
    const p = producers.get(id);
    return !!p && p.status === "verified" && p.verifiedAt !== null && p.verifiedAt < end;
  };
  const stars = new Map<number, number>();
  const gap = new Set<number>();
  for (const c of history.certs) {
    if (c.issuedOn > day || c.expiresOn < day) continue;
    if (c.kind === "ocop") stars.set(c.productId, Math.max(stars.get(c.productId) ?? 0, c.stars ?? 0));
    else gap.add(c.productId);
  }
  const live = liveOnAsOf(history.events, end);

  const rows: RegistryRow[] = [];
  const online = new Set<number>();
  for (const p of history.products) {
    if (p.createdAt >= end) continue;
    if (live.has(p.id) && verifiedAsOf(p.producerId)) online.add(p.producerId);
    if (p.status === "archived") continue;
    const s = stars.get(p.id);
    const validStars = s && s >= 3 ? (s as 3 | 4 | 5) : null;
    if (!validStars && !gap.has(p.id)) continue;
    const producer = producers.get(p.producerId)!;
    rows.push({
      productId: p.id,
      visible: p.visible === 1,
      ocopGroup: p.ocopGroup,
      producerId: p.producerId,
      producerName: producer.name,
      producerKind: producer.kind,
      producerPhone: producer.phone,
      producerVerified: verifiedAsOf(p.producerId),
      provinceId: p.provinceId,
      communeName: producer.communeName,
      stars: validStars,
      gap: gap.has(p.id),
      liveOn: [...(live.get(p.id) ?? [])].sort(),
    });
  }
  const producersVerified = history.producers.filter((p) => verifiedAsOf(p.id)).length;
  return { day, rows, producersVerified, producersOnline: online.size };
}
