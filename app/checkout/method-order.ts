// The order the checkout offers payment methods in: the one the buyer used last comes first;
// otherwise a Vietnamese buyer sees the domestic ones first (VietQR above the international card),
// an English-speaking one the card first. The first is the one ticked.
import { STOREFRONT_METHODS, type StorefrontMethod } from "~/payments/provider";

const DOMESTIC_FIRST: readonly StorefrontMethod[] = ["vietqr", "vnpay", "momo", "stripe", "cod"];

export function methodOrder(locale: "vi" | "en", lastUsed: string | null): StorefrontMethod[] {
  const base = locale === "vi" ? DOMESTIC_FIRST : STOREFRONT_METHODS;
  const last = base.find((m) => m === lastUsed);
  return last ? [last, ...base.filter((m) => m !== last)] : [...base];
}
