import { inArray, isNull, or } from "drizzle-orm";
import { db } from "~/db.server";
import { shippingRates as rates } from "#db/schema";
import type { ShippingRate } from "./shipping";

const FALLBACK: ShippingRate = { sameProvinceFee: 20_000, otherProvinceFee: 35_000, freeFrom: 500_000 };

/** The producer's own rate, else the default row (producer_id null), by producer id. */
export function shippingRates(producerIds: number[]): Map<number, ShippingRate> {
  const rows = db()
    .select({ producerId: rates.producerId, sameProvinceFee: rates.sameProvinceFee, otherProvinceFee: rates.otherProvinceFee, freeFrom: rates.freeFrom })
    .from(rates)
    .where(or(isNull(rates.producerId), inArray(rates.producerId, producerIds)))
    .all();
  const byId = new Map(rows.map(({ producerId, ...rate }) => [producerId ?? 0, rate]));
  const fallback = byId.get(0) ?? FALLBACK;
  return new Map(producerIds.map((id) => [id, byId.get(id) ?? fallback]));
}
