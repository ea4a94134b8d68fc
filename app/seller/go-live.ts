// When a product may go live (be "Đang bán" and so public once its producer is verified): it has a
// photo, a price and stock. Until then it stays a draft and the seller centre lists what is missing.
// The products owner (seller-products.server.ts) applies the rule on every write that asks for
// "active"; the seller centre's reads use the same SQL to list what is missing. products.visible
// is still computed by the database (db/migrations/0001: active and producer verified), so the
// catalogue keeps reading `visible` and never shows a product without a photo.

export const GO_LIVE_NEEDS = ["photo", "price", "stock"] as const;
export type GoLiveNeed = (typeof GO_LIVE_NEEDS)[number];

export type GoLiveFacts = { hasPhoto: boolean; price: number; stock: number };

/** What the product still lacks to go live; empty when it may. */
export function missingToGoLive(p: GoLiveFacts): GoLiveNeed[] {
  const missing: GoLiveNeed[] = [];
  if (!p.hasPhoto) missing.push("photo");
  if (!(p.price > 0)) missing.push("price");
  if (!(p.stock > 0)) missing.push("stock");
  return missing;
}

/** The same facts in SQL, for a product aliased `p`: 1 when it has at least one photo. */
export const HAS_PHOTO_SQL = "EXISTS (SELECT 1 FROM product_images gi WHERE gi.product_id = p.id)";
/** 1 when the product `p` may go live (the SQL twin of missingToGoLive(...).length === 0). */
export const CAN_GO_LIVE_SQL = `(${HAS_PHOTO_SQL} AND p.price > 0 AND p.stock > 0)`;
