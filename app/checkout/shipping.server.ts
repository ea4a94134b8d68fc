import { statement } from "~/db.server";
import type { ShippingRate } from "./shipping";

const FALLBACK: ShippingRate = { sameProvinceFee: 20_000, otherProvinceFee: 35_000, freeFrom: 500_000 };

// The cart page and checkout read it on every request: one prepared statement (building and preparing
// the query anew each time was 5% of a signed-in cart page's server time), the ids as a JSON array.
const RATES_SQL = `SELECT producer_id AS producerId, same_province_fee AS sameProvinceFee,
    other_province_fee AS otherProvinceFee, free_from AS freeFrom
  FROM shipping_rates WHERE producer_id IS NULL OR producer_id IN (SELECT value FROM json_each(?))`;

/** The producer's own rate, else the default row (producer_id null), by producer id. */
export function shippingRates(producerIds: number[]): Map<number, ShippingRate> {
  const rows = statement<[string], ShippingRate & { producerId: number | null }>(RATES_SQL).all(JSON.stringify(producerIds));
  const byId = new Map(rows.map(({ producerId, ...rate }) => [producerId ?? 0, rate]));
  const fallback = byId.get(0) ?? FALLBACK;
  return new Map(producerIds.map((id) => [id, byId.get(id) ?? fallback]));
}
