// The closed vocabularies of the data model, as plain constants: no drizzle, no node, just lists and
// their types, so browser code may import them (as it may db/fold.ts, db/reference/banks.ts and the
// marketplaces' plain definitions in db/reference/marketplaces/).
import { MARKETPLACE_CODES } from "./reference/marketplaces";

export const OCOP_GROUPS = ["food", "beverage", "herbal", "textile", "souvenir", "tourism"] as const;
export type OcopGroup = (typeof OCOP_GROUPS)[number];

export const PRODUCER_KINDS = ["cooperative", "company", "household"] as const;
export type ProducerKind = (typeof PRODUCER_KINDS)[number];

/** unclaimed: created from a province registry, nobody has signed up for it yet. */
export const PRODUCER_STATUSES = ["unclaimed", "pending", "verified", "suspended"] as const;

export const ROLES = ["admin", "national_official", "official", "producer", "shopper"] as const;
export type Role = (typeof ROLES)[number];

export const PRODUCT_STATUSES = ["draft", "active", "archived"] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

export const CERT_KINDS = ["ocop", "vietgap", "globalgap", "organic"] as const;
export type CertKind = (typeof CERT_KINDS)[number];

export const LISTING_STATUSES = [
  "pending", // queued for publishing
  "in_review", // the marketplace reviews it (Tiki)
  "exported", // seller-centre file produced, awaiting the producer's confirmation (Postmart, Voso)
  "live",
  "rejected",
  "error",
  "delisted",
] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];

export const ORDER_STATUSES = [
  "pending_payment",
  "placed",
  "confirmed",
  "shipped",
  "delivered",
  "completed",
  "cancelled",
  "refunded",
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const PAYMENT_CHANNELS = ["cash", "cashless_direct", "cashless_intermediary"] as const;
export type PaymentChannel = (typeof PAYMENT_CHANNELS)[number];

export const PAYMENT_STATUSES = [
  "pending",
  "authorized",
  "paid",
  "failed",
  "expired",
  "cancelled",
  "refunded",
  "flagged", // e.g. a partial or excess bank transfer: a person must look
] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const INDICATORS = [
  "ocop_listing_share",
  "gap_listing_share",
  "onboarding_share",
  "producers_online",
  "cashless_rate_count",
  "cashless_rate_value",
  "intermediary_share",
] as const;
export type Indicator = (typeof INDICATORS)[number];

/** One per file in db/reference/marketplaces/. */
export { MARKETPLACE_CODES, type MarketplaceCode } from "./reference/marketplaces";

// A pure call, so browser code importing other lists leaves the marketplaces' definitions out of its bundle.
export const SALES_CHANNELS = /* @__PURE__ */ (() => ["storefront", ...MARKETPLACE_CODES] as const)();
export type SalesChannel = (typeof SALES_CHANNELS)[number];
