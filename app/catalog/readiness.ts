// What each marketplace needs before a product can be published there, checked on the
// product alone (no network). The producer sees the problems before any sync exists, and the
// connector refuses to publish a product with a blocker. Rules are data, in each marketplace's
// definition (db/reference/marketplaces/<code>.ts, `readiness`), so a marketplace's changed
// policy is an edit there, not new code.
import { MARKETPLACE_CODES, MARKETPLACES } from "#db/reference/marketplaces";
import type { ReadinessRules } from "#db/reference/marketplaces/definition";
import type { MarketplaceCode } from "#db/vocabulary";

export type ReadinessInput = {
  name: string;
  description: string;
  weightGrams: number | null;
  price: number;
  stock: number;
  categoryId: number | null;
  /** Every photo's pixel size. */
  images: { width: number; height: number }[];
  /** The star level of a valid OCOP certificate today, or null. */
  validOcopStars: number | null;
  /** True when the product has an OCOP certificate, valid or not. */
  hasOcopCertificate: boolean;
};

export type ReadinessProblem = {
  code: ReadinessCode;
  /** A blocker stops publishing; a warning is shown but does not. */
  severity: "blocker" | "warning";
  /** Values for the message ({min}, {max}). */
  params?: Record<string, number>;
};

export type ReadinessCode =
  | "photo_missing"
  | "photo_too_small"
  | "weight_missing"
  | "description_short"
  | "name_length"
  | "category_missing"
  | "price_missing"
  | "out_of_stock"
  | "certificate_missing"
  | "certificate_expired";

/** By marketplace, from the definitions. */
export const MARKETPLACE_RULES = Object.fromEntries(MARKETPLACE_CODES.map((code) => [code, MARKETPLACES[code].readiness])) as Record<MarketplaceCode, ReadinessRules>;

export function readiness(product: ReadinessInput, marketplace: MarketplaceCode): ReadinessProblem[] {
  const rules = MARKETPLACE_RULES[marketplace];
  const problems: ReadinessProblem[] = [];
  const add = (code: ReadinessCode, severity: ReadinessProblem["severity"] = "blocker", params?: Record<string, number>) =>
    problems.push(params ? { code, severity, params } : { code, severity });

  if (product.images.length === 0) add("photo_missing");
  else if (!product.images.some((i) => Math.min(i.width, i.height) >= rules.minPhotoSide)) {
    add("photo_too_small", "blocker", { min: rules.minPhotoSide });
  }
  if (rules.needsWeight && !product.weightGrams) add("weight_missing");
  const nameLength = product.name.trim().length;
  if (nameLength < rules.nameLength[0] || nameLength > rules.nameLength[1]) {
    add("name_length", "blocker", { min: rules.nameLength[0], max: rules.nameLength[1] });
  }
  if (product.description.trim().length < rules.minDescription) add("description_short", "blocker", { min: rules.minDescription });
  if (product.categoryId === null) add("category_missing");
  if (product.price <= 0) add("price_missing");
  if (product.stock <= 0) add("out_of_stock", "warning");
  if (product.validOcopStars === null) {
    if (product.hasOcopCertificate) add("certificate_expired", rules.needsOcop ? "blocker" : "warning");
    else if (rules.needsOcop) add("certificate_missing");
  }
  return problems;
}

/** Whether nothing blocks publishing on that marketplace. */
export function isReady(product: ReadinessInput, marketplace: MarketplaceCode): boolean {
  return readiness(product, marketplace).every((p) => p.severity !== "blocker");
}
