// Shipping fee of one order (one producer's part): a flat fee within the seller's province
// and another elsewhere, free above a threshold of goods, nothing for services only (tours,
// homestays). Pure: the checkout page shows the same number the order will carry.
export type ShippingRate = { sameProvinceFee: number; otherProvinceFee: number; freeFrom: number | null };

export function shippingFee(
  rate: ShippingRate,
  part: { subtotal: number; sellerProvinceId: number; shipProvinceId: number; servicesOnly: boolean },
): number {
  if (part.servicesOnly) return 0;
  if (rate.freeFrom !== null && part.subtotal >= rate.freeFrom) return 0;
  return part.sellerProvinceId === part.shipProvinceId ? rate.sameProvinceFee : rate.otherProvinceFee;
}
