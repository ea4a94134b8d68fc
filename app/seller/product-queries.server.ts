// What the seller centre reads of the producer's own products: the list (search, status tabs,
// first photo), one product, and its price/stock history. Every query is limited to the
// producer id from the member's session. The writes are seller-products.server.ts's.
import { db, statement } from "~/db.server";
import { foldVietnamese } from "#db/fold";
import { vietnamToday } from "~/i18n/format";
import type { OcopGroup, ProductStatus } from "#db/vocabulary";
import { toImageRef, type ImageRef, type ImageRow } from "~/photos/media";
import { VALID_STARS } from "~/catalog/products.server";
import { CAN_GO_LIVE_SQL, HAS_PHOTO_SQL, missingToGoLive, type GoLiveNeed } from "./go-live";

const SELLER_PAGE_SIZE = 50;

/** A SQL function folding Vietnamese text (for searching a producer's own products), once per connection. */
const folding = new WeakSet<object>();
function ensureFoldFunction() {
  const client = db().$client;
  if (folding.has(client)) return;
  client.function("vn_fold", { deterministic: true }, (s: unknown) => (typeof s === "string" ? foldVietnamese(s) : s));
  folding.add(client);
}

export type SellerListItem = {
  id: number;
  sku: string;
  slug: string;
  name: string;
  unit: string;
  price: number;
  stock: number;
  status: ProductStatus;
  visible: boolean;
  stars: number | null;
  /** Has an OCOP certificate, none of them valid today. */
  ocopExpired: boolean;
  image: ImageRef | null;
  /** What it lacks to go live (a photo, a price, stock); shown on drafts. */
  missing: GoLiveNeed[];
};

/** "fix": not archived and lacking something to go live (the overview's "N sản phẩm cần sửa"). */
export type SellerListFilter = { status: ProductStatus | "all" | "fix"; q: string; page: number };

type ListParams = { producerId: number; status: SellerListFilter["status"]; q: string; today: string };
type ListRow = Omit<SellerListItem, "image" | "visible" | "ocopExpired" | "missing"> & { visible: number; hasOcop: number; hasPhoto: number };

export function listSellerProducts(producerId: number, filter: SellerListFilter, today = vietnamToday()) {
  ensureFoldFunction();
  const where = ["p.producer_id = @producerId"];
  if (filter.status === "fix") where.push(`p.status <> 'archived' AND NOT ${CAN_GO_LIVE_SQL}`);
  else if (filter.status !== "all") where.push("p.status = @status");
  const q = foldVietnamese(filter.q).trim();
  if (q) where.push("(vn_fold(p.name) LIKE '%' || @q || '%' ESCAPE '\\' OR lower(p.sku) LIKE '%' || @q || '%' ESCAPE '\\')");
  const params: ListParams = { producerId, status: filter.status, q: q.replace(/[\\%_]/g, (c) => `\\${c}`), today };
  const total = statement<[ListParams], { n: number }>(`SELECT count(*) AS n FROM products p WHERE ${where.join(" AND ")}`).get(params)!.n;
  const rows = statement<[ListParams & { limit: number; offset: number }], ListRow>(
    `SELECT p.id, p.sku, p.slug, p.name, p.unit, p.price, p.stock, p.status, p.visible, ${VALID_STARS} AS stars,
       EXISTS (SELECT 1 FROM certifications c WHERE c.product_id = p.id AND c.kind = 'ocop' AND c.review IS NULL) AS hasOcop, ${HAS_PHOTO_SQL} AS hasPhoto
     FROM products p WHERE ${where.join(" AND ")}
     ORDER BY p.status = 'archived', p.updated_at DESC, p.id DESC LIMIT @limit OFFSET @offset`,
  ).all({ ...params, limit: SELLER_PAGE_SIZE, offset: (filter.page - 1) * SELLER_PAGE_SIZE });
  const images = firstImages(rows.map((r) => r.id));
  const counts: Record<SellerListFilter["status"], number> = { all: 0, draft: 0, active: 0, archived: 0, fix: 0 };
  const byStatus = statement<[producerId: number], { status: ProductStatus; n: number; fix: number }>(
    `SELECT p.status, count(*) AS n, sum(p.status <> 'archived' AND NOT ${CAN_GO_LIVE_SQL}) AS fix FROM products p WHERE p.producer_id = ? GROUP BY p.status`,
  );
  for (const c of byStatus.all(producerId)) {
    counts[c.status] = c.n;
    counts.all += c.n;
    counts.fix += c.fix;
  }
  const items: SellerListItem[] = rows.map(({ hasOcop, visible, hasPhoto, ...r }) => ({
    ...r,
    visible: visible === 1,
    missing: missingToGoLive({ hasPhoto: hasPhoto === 1, price: r.price, stock: r.stock }),
    ocopExpired: hasOcop === 1 && r.stars === null,
    image: images.get(r.id) ?? null,
  }));
  return { items, total, counts, pages: Math.max(1, Math.ceil(total / SELLER_PAGE_SIZE)) };
}

function firstImages(ids: number[]): Map<number, ImageRef> {
  if (ids.length === 0) return new Map();
  const rows = db()
    .$client.prepare<number[], ImageRow & { productId: number }>(
      `SELECT product_id AS productId, storage_key AS storageKey, widths, avif_ready AS avifReady, alt, width, height
       FROM product_images WHERE product_id IN (${ids.map(() => "?").join(",")}) ORDER BY product_id, position, id`,
    )
    .all(...ids);
  const out = new Map<number, ImageRef>();
  for (const { productId, ...img } of rows) if (!out.has(productId)) out.set(productId, toImageRef(img));
  return out;
}

export type SellerProduct = {
  id: number;
  sku: string;
  slug: string;
  name: string;
  description: string;
  ocopGroup: OcopGroup;
  category: string | null;
  categoryId: number | null;
  unit: string;
  weightGrams: number | null;
  price: number;
  stock: number;
  status: ProductStatus;
  visible: boolean;
  createdAt: string;
  updatedAt: string;
  /** What it lacks to go live (a photo, a price, stock). */
  missing: GoLiveNeed[];
};

/** One of the producer's products, or null (unknown, or another producer's: the same answer). */
export function getSellerProduct(producerId: number, productId: number): SellerProduct | null {
  const row = statement<[productId: number, producerId: number], Omit<SellerProduct, "visible" | "missing"> & { visible: number; hasPhoto: number }>(
    `SELECT p.id, p.sku, p.slug, p.name, p.description, p.ocop_group AS ocopGroup, c.slug AS category, p.category_id AS categoryId,
       p.unit, p.weight_grams AS weightGrams, p.price, p.stock, p.status, p.visible, p.created_at AS createdAt, p.updated_at AS updatedAt,
       ${HAS_PHOTO_SQL} AS hasPhoto
     FROM products p LEFT JOIN categories c ON c.id = p.category_id
     WHERE p.id = ? AND p.producer_id = ?`,
  ).get(productId, producerId);
  if (!row) return null;
  const { hasPhoto, ...product } = row;
  return { ...product, visible: row.visible === 1, missing: missingToGoLive({ hasPhoto: hasPhoto === 1, price: row.price, stock: row.stock }) };
}

/** Price and stock over time, newest first. */
export function priceStockHistory(producerId: number, productId: number, limit = 20) {
  return statement<[productId: number, producerId: number, limit: number], { price: number; stock: number; at: string }>(
    `SELECT h.price, h.stock, h.at FROM product_history h JOIN products p ON p.id = h.product_id
     WHERE h.product_id = ? AND p.producer_id = ? ORDER BY h.at DESC, h.id DESC LIMIT ?`,
  ).all(productId, producerId, limit);
}
