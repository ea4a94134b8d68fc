// How a cart splits into orders: one per producer, each with its goods, shipping fee and
// total. Pure, so the checkout page (with JavaScript, as the shopper picks a province) shows
// exactly the numbers the server will write.
import { shippingFee, type ShippingRate } from "./shipping";

export type PlanLine = {
  productId: number;
  name: string;
  price: number;
  quantity: number;
  producerId: number;
  producerName: string;
  provinceId: number;
  tourism: boolean;
};

export type PlanPart = {
  producerId: number;
  producerName: string;
  sellerProvinceId: number;
  lines: PlanLine[];
  subtotal: number;
  /** null until the shipping province is known. */
  shippingFee: number | null;
  total: number | null;
};

export type Plan = { parts: PlanPart[]; subtotal: number; shipping: number | null; total: number | null };

export function planCheckout(lines: PlanLine[], rates: Record<number, ShippingRate>, shipProvinceId: number | null): Plan {
  const parts: PlanPart[] = [];
  for (const line of lines) {
    let part = parts.find((p) => p.producerId === line.producerId);
    if (!part) {
      part = { producerId: line.producerId, producerName: line.producerName, sellerProvinceId: line.provinceId, lines: [], subtotal: 0, shippingFee: null, total: null };
      parts.push(part);
    }
    part.lines.push(line);
    part.subtotal += line.price * line.quantity;
  }
  for (const part of parts) {
    const rate = rates[part.producerId];
    if (shipProvinceId === null || !rate) continue;
    part.shippingFee = shippingFee(rate, {
      subtotal: part.subtotal,
      sellerProvinceId: part.sellerProvinceId,
      shipProvinceId,
      servicesOnly: part.lines.every((l) => l.tourism),
    });
    part.total = part.subtotal + part.shippingFee;
  }
  const subtotal = parts.reduce((a, p) => a + p.subtotal, 0);
  const known = parts.every((p) => p.shippingFee !== null);
  const shipping = known ? parts.reduce((a, p) => a + p.shippingFee!, 0) : null;
  return { parts, subtotal, shipping, total: shipping === null ? null : subtotal + shipping };
}
