import { statement } from "~/db.server";
import type { ShippingRate } from "./shipping";

const FALLBACK: ShippingRate = { sameProvinceFee: 20_000, otherProvinceFee: 35_000, freeFrom: 500_000 };

/** The producer's own rate, else the default row (producer_id null), by producer id. */
export function shippingRates(producerIds: number[]): Map<number, ShippingRate> {
  const rows = statement(
    `SELECT coalesce(producer_id, 0) AS producerId, same_province_fee AS sameProvinceFee,
       other_province_fee AS otherProvinceFee, free_from AS freeFrom
     FROM shipping_rates WHERE producer_id IS NULL OR producer_id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(producerIds)) as (ShippingRate & { producerId: number })[];
  const byId = new Map(rows.map((r) => [r.producerId, r]));
  const fallback = byId.get(0) ?? FALLBACK;
  return new Map(producerIds.map((id) => [id, byId.get(id) ?? fallback]));
}
