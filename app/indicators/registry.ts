// The province's OCOP registry as it stood on a given day, and what the platform shows beside it.
// Every listing and onboarding indicator is computed here (definitions.ts states them):
// - a registry product is a council registry entry valid on D (3-5★, max(decision date, the
//   import's effective date) ≤ D ≤ expiry), counted once per platform product it is tied to;
// - it is listed when one of its platform products (the entry's own, or a product of the same
//   producer, or of a sign-up claiming that producer, holding a certificate with the same decision
//   number) has a listing whose last event before the end of D is "live";
// - a platform product with a valid OCOP certificate that no registry product of D stands for is
//   "awaiting reconciliation": in neither numerator nor denominator, listed on its own;
// - producers are counted over the registry's producers (joined or not), those outside beside them.
// Pure: the data comes from registry-history.server.ts. `prepareRegistry` indexes a history once;
// `registryCounts` answers a day's headline counts without allocating rows (the trend), and
// `registryAsOf` the full day with rows (breakdowns, drill-downs).
import type { CertKind, ListingStatus, MarketplaceCode, OcopGroup, ProducerKind, ProductStatus } from "#db/vocabulary";
import { endOfDayUtc } from "./periods";

export type RegistryHistory = {
  /** The council's registry entries, with the product the import tied each to. */
  entries: {
    id: number;
    provinceId: number;
    producerId: number;
    productId: number;
    decisionNumber: string;
    stars: number;
    issuedOn: string;
    expiresOn: string;
    effectiveFrom: string;
    /** An earlier version of an entry a later import changed: valid before this day only. */
    until?: string;
    visible: number;
    ocopGroup: OcopGroup;
  }[];
  producers: {
    id: number;
    name: string;
    kind: ProducerKind;
    phone: string;
    status: string;
    verifiedAt: string | null;
    communeName: string | null;
    provinceId: number;
    /** A sign-up's claim on an unclaimed registry producer (same tax code), until verified. */
    claimsProducerId: number | null;
  }[];
  /** OCOP, VietGAP and GlobalGAP certificates with their product. */
  certs: {
    productId: number;
    kind: CertKind;
    stars: number | null;
    number: string;
    issuedOn: string;
    expiresOn: string;
    producerId: number;
    provinceId: number;
    status: ProductStatus;
    visible: number;
    ocopGroup: OcopGroup;
    createdAt: string;
  }[];
  /** Ordered by listing, then time. */
  events: { productId: number; producerId: number; listingId: number; marketplace: MarketplaceCode; status: ListingStatus; at: string }[];
};

export type RegistryRow = {
  /** The platform product the registry entry is tied to (its representative when several). */
  productId: number;
  entryIds: number[];
  decisionNumbers: string[];
  visible: boolean;
  ocopGroup: OcopGroup;
  producerId: number;
  producerName: string;
  producerKind: ProducerKind;
  producerPhone: string;
  /** Verified on or before the day (an unclaimed registry producer or a pending sign-up is not). */
  producerVerified: boolean;
  provinceId: number;
  communeName: string | null;
  /** Stars of the best registry entry valid that day; null on a VietGAP/GlobalGAP-only row. */
  stars: 3 | 4 | 5 | null;
  /** A VietGAP or GlobalGAP certificate valid that day. */
  gap: boolean;
  /** Marketplaces where one of its platform products was live at the end of that day. */
  liveOn: MarketplaceCode[];
};

/** A platform product claiming OCOP stars that no registry entry valid that day backs. */
export type AwaitingRow = {
  productId: number;
  stars: 3 | 4 | 5;
  decisionNumber: string;
  issuedOn: string;
  expiresOn: string;
  producerId: number;
  producerName: string;
  provinceId: number;
  live: boolean;
};

export type ProducerCounts = {
  /** Producers with at least one registry product valid that day, joined or not. */
  registry: number;
  registryJoined: number;
  registryOnline: number;
  /** Producers verified by that day with no registry product valid that day. */
  outside: number;
  outsideOnline: number;
};

export type RegistryCounts = {
  day: string;
  /** Registry entries valid that day (before counting each product once). */
  entries: number;
  products: number;
  listed: number;
  onboarded: number;
  gapProducts: number;
  gapListed: number;
  producers: ProducerCounts;
};

export type RegistrySnapshot = RegistryCounts & {
  /** Registry products valid that day, then VietGAP/GlobalGAP-only products (stars null). */
  rows: RegistryRow[];
  awaiting: AwaitingRow[];
  /** The producer counts of each province (the producer's), for the national breakdown. */
  producersByProvince: Map<number, ProducerCounts>;
  /** The national snapshot's provinces (registry-cache.server.ts sums them). */
  parts?: { provinceId: number; snapshot: RegistrySnapshot }[];
};

/** Decision numbers as written differ in spaces and case: "123/QĐ-UBND" = "123 / qđ-ubnd". */
export const decisionKey = (number: string) => number.normalize("NFC").replace(/\s+/g, "").toUpperCase();

type Span = { marketplace: MarketplaceCode; from: string; to: string | null };

export type PreparedRegistry = {
  history: RegistryHistory;
  producers: Map<number, RegistryHistory["producers"][number]>;
  /** Entries with the day from which they count and the platform products they stand for. */
  entries: { e: RegistryHistory["entries"][number]; from: string; until: string | null; products: number[] }[];
  liveByProduct: Map<number, Span[]>;
  liveByProducer: Map<number, Span[]>;
};

function liveSpans(events: RegistryHistory["events"]) {
  const byProduct = new Map<number, Span[]>();
  const byProducer = new Map<number, Span[]>();
  const push = (map: Map<number, Span[]>, key: number, span: Span) => {
    const list = map.get(key);
    if (list) list.push(span);
    else map.set(key, [span]);
  };
  for (let i = 0; i < events.length; ) {
    const first = events[i]!;
    let open: Span | null = null;
    let j = i;
    for (; j < events.length && events[j]!.listingId === first.listingId; j++) {
      const e = events[j]!;
      if (e.status === "live" && !open) open = { marketplace: first.marketplace, from: e.at, to: null };
      else if (e.status !== "live" && open) {
        open.to = e.at;
        push(byProduct, first.productId, open);
        push(byProducer, first.producerId, open);
        open = null;
      }
    }
    if (open) {
      push(byProduct, first.productId, open);
      push(byProducer, first.producerId, open);
    }
    i = j;
  }
  return { byProduct, byProducer };
}

/** Live at the instant `end`: the last event before it was "live". */
const liveAt = (s: Span, end: string) => s.from < end && (s.to === null || s.to >= end);

export function prepareRegistry(history: RegistryHistory): PreparedRegistry {
  const producers = new Map(history.producers.map((p) => [p.id, p]));
  // Platform products by (producer, decision): a claimant's products also under the producer it claims.
  const byDecision = new Map<string, number[]>();
  for (const c of history.certs) {
    if (c.kind !== "ocop" || c.status === "archived") continue;
    const owners = [c.producerId];
    const claims = producers.get(c.producerId)?.claimsProducerId;
    if (claims) owners.push(claims);
    for (const owner of owners) {
      const key = `${owner}|${decisionKey(c.number)}`;
      const list = byDecision.get(key);
      if (!list) byDecision.set(key, [c.productId]);
      else if (!list.includes(c.productId)) list.push(c.productId);
    }
  }
  // One decision often certifies several products of a producer: then the decision number cannot
  // tell which platform product is which, and each entry stands for its own product only.
  // (An entry's earlier versions, added by registry-history.server.ts, are the same entry.)
  const idsPerDecision = new Map<string, Set<number>>();
  for (const e of history.entries) {
    const key = `${e.producerId}|${decisionKey(e.decisionNumber)}`;
    const ids = idsPerDecision.get(key);
    if (ids) ids.add(e.id);
    else idsPerDecision.set(key, new Set([e.id]));
  }
  const entriesPerDecision = new Map([...idsPerDecision].map(([k, ids]) => [k, ids.size]));
  const entries = history.entries.map((e) => {
    const products = [e.productId];
    const key = `${e.producerId}|${decisionKey(e.decisionNumber)}`;
    if (entriesPerDecision.get(key) === 1) for (const id of byDecision.get(key) ?? []) if (!products.includes(id)) products.push(id);
    return { e, from: e.issuedOn > e.effectiveFrom ? e.issuedOn : e.effectiveFrom, until: e.until ?? null, products };
  });
  const { byProduct, byProducer } = liveSpans(history.events);
  return { history, producers, entries, liveByProduct: byProduct, liveByProducer: byProducer };
}

function isLive(p: PreparedRegistry, productIds: number[], end: string): boolean {
  for (const id of productIds) {
    const spans = p.liveByProduct.get(id);
    if (spans) for (const s of spans) if (liveAt(s, end)) return true;
  }
  return false;
}

function producerLive(p: PreparedRegistry, producerId: number, end: string): boolean {
  const spans = p.liveByProducer.get(producerId);
  if (spans) for (const s of spans) if (liveAt(s, end)) return true;
  return false;
}

function verifiedBy(p: PreparedRegistry, producerId: number, end: string): boolean {
  const pr = p.producers.get(producerId);
  return !!pr && pr.status === "verified" && pr.verifiedAt !== null && pr.verifiedAt < end;
}

/** The registry products valid on `day`, each once: representative product → its entries. */
function validEntries(p: PreparedRegistry, day: string) {
  const byProduct = new Map<number, PreparedRegistry["entries"][number][]>();
  for (const x of p.entries) {
    if (x.from > day || x.e.expiresOn < day || (x.until !== null && day >= x.until)) continue;
    const list = byProduct.get(x.e.productId);
    if (list) list.push(x);
    else byProduct.set(x.e.productId, [x]);
  }
  return byProduct;
}

const noProducers = (): ProducerCounts => ({ registry: 0, registryJoined: 0, registryOnline: 0, outside: 0, outsideOnline: 0 });

/** Producer counts for the scope, and (when `byProvince` is given) for each producer's province. */
function producerCounts(p: PreparedRegistry, registryProducers: Set<number>, end: string, byProvince?: Map<number, ProducerCounts>): ProducerCounts {
  const counts = noProducers();
  const of = (producerId: number) => {
    if (!byProvince) return null;
    const province = p.producers.get(producerId)!.provinceId;
    let c = byProvince.get(province);
    if (!c) byProvince.set(province, (c = noProducers()));
    return c;
  };
  for (const id of registryProducers) {
    const joined = verifiedBy(p, id, end);
    const online = producerLive(p, id, end);
    for (const c of [counts, of(id)]) {
      if (!c) continue;
      c.registry++;
      if (joined) c.registryJoined++;
      if (online) c.registryOnline++;
    }
  }
  for (const pr of p.history.producers) {
    if (registryProducers.has(pr.id) || !verifiedBy(p, pr.id, end)) continue;
    const online = producerLive(p, pr.id, end);
    for (const c of [counts, of(pr.id)]) {
      if (!c) continue;
      c.outside++;
      if (online) c.outsideOnline++;
    }
  }
  return counts;
}

/** Products with a VietGAP/GlobalGAP certificate valid on `day` (archived and later products left out). */
function gapProducts(p: PreparedRegistry, day: string, end: string): Set<number> {
  const out = new Set<number>();
  for (const c of p.history.certs) {
    if (c.kind === "ocop" || c.issuedOn > day || c.expiresOn < day || c.status === "archived" || c.createdAt >= end) continue;
    out.add(c.productId);
  }
  return out;
}

/** A day's headline counts, without rows: what the trend reads for each month. */
export function registryCounts(p: PreparedRegistry, day: string): RegistryCounts {
  const end = endOfDayUtc(day);
  let entries = 0;
  let listed = 0;
  let onboarded = 0;
  const registryProducers = new Set<number>();
  const valid = validEntries(p, day);
  for (const [, group] of valid) {
    entries += group.length;
    const producerId = group[0]!.e.producerId;
    registryProducers.add(producerId);
    if (verifiedBy(p, producerId, end)) onboarded++;
    if (group.some((x) => isLive(p, x.products, end))) listed++;
  }
  const gap = gapProducts(p, day, end);
  let gapListed = 0;
  for (const id of gap) if (isLive(p, [id], end)) gapListed++;
  return {
    day,
    entries,
    products: valid.size,
    listed,
    onboarded,
    gapProducts: gap.size,
    gapListed,
    producers: producerCounts(p, registryProducers, end),
  };
}

const liveMarketplaces = (p: PreparedRegistry, productIds: number[], end: string): MarketplaceCode[] => {
  const set = new Set<MarketplaceCode>();
  for (const id of productIds) for (const s of p.liveByProduct.get(id) ?? []) if (liveAt(s, end)) set.add(s.marketplace);
  return [...set].sort();
};

/** The full day: every registry product and GAP product as a row, and the products awaiting reconciliation. */
export function registryAsOf(p: PreparedRegistry, day: string): RegistrySnapshot {
  const end = endOfDayUtc(day);
  const gap = gapProducts(p, day, end);
  const rows: RegistryRow[] = [];
  const backed = new Set<number>();
  const registryProducers = new Set<number>();
  let entries = 0;
  for (const [productId, group] of validEntries(p, day)) {
    entries += group.length;
    const products = [...new Set(group.flatMap((x) => x.products))];
    for (const id of products) backed.add(id);
    const e = group[0]!.e;
    const producer = p.producers.get(e.producerId)!;
    registryProducers.add(e.producerId);
    rows.push({
      productId,
      entryIds: group.map((x) => x.e.id),
      decisionNumbers: group.map((x) => x.e.decisionNumber),
      visible: e.visible === 1,
      ocopGroup: e.ocopGroup,
      producerId: e.producerId,
      producerName: producer.name,
      producerKind: producer.kind,
      producerPhone: producer.phone,
      producerVerified: verifiedBy(p, e.producerId, end),
      provinceId: e.provinceId,
      communeName: producer.communeName,
      stars: Math.max(...group.map((x) => x.e.stars)) as 3 | 4 | 5,
      gap: products.some((id) => gap.has(id)),
      liveOn: liveMarketplaces(p, products, end),
    });
  }
  const registryCount = rows.length;
  const awaiting = new Map<number, AwaitingRow>();
  const gapOnly = new Map<number, RegistryRow>();
  for (const c of p.history.certs) {
    if (c.issuedOn > day || c.expiresOn < day || c.status === "archived" || c.createdAt >= end || backed.has(c.productId)) continue;
    const producer = p.producers.get(c.producerId)!;
    if (c.kind === "ocop") {
      const known = awaiting.get(c.productId);
      if ((c.stars ?? 0) < 3 || (known && known.stars >= c.stars!)) continue;
      awaiting.set(c.productId, {
        productId: c.productId,
        stars: c.stars as 3 | 4 | 5,
        decisionNumber: c.number,
        issuedOn: c.issuedOn,
        expiresOn: c.expiresOn,
        producerId: c.producerId,
        producerName: producer.name,
        provinceId: c.provinceId,
        live: isLive(p, [c.productId], end),
      });
    } else if (!gapOnly.has(c.productId)) {
      gapOnly.set(c.productId, {
        productId: c.productId,
        entryIds: [],
        decisionNumbers: [],
        visible: c.visible === 1,
        ocopGroup: c.ocopGroup,
        producerId: c.producerId,
        producerName: producer.name,
        producerKind: producer.kind,
        producerPhone: producer.phone,
        producerVerified: verifiedBy(p, c.producerId, end),
        provinceId: c.provinceId,
        communeName: producer.communeName,
        stars: null,
        gap: true,
        liveOn: liveMarketplaces(p, [c.productId], end),
      });
    }
  }
  rows.push(...gapOnly.values());
  const gapRows = rows.filter((r) => r.gap);
  const producersByProvince = new Map<number, ProducerCounts>();
  return {
    day,
    entries,
    products: registryCount,
    listed: rows.slice(0, registryCount).filter((r) => r.liveOn.length > 0).length,
    onboarded: rows.slice(0, registryCount).filter((r) => r.producerVerified).length,
    gapProducts: gapRows.length,
    gapListed: gapRows.filter((r) => r.liveOn.length > 0).length,
    producers: producerCounts(p, registryProducers, end, producersByProvince),
    producersByProvince,
    rows,
    awaiting: [...awaiting.values()],
  };
}
