// The producer's own products in the seller centre: list, read, create, edit, change status,
// duplicate. Every function takes the producer id from the member's session and limits every
// query to it, so a product id from the URL or a form never reaches another producer's rows.
import { and, eq } from "drizzle-orm";
import { db, statement, type Tx } from "~/db.server";
import { foldVietnamese, slugify } from "#db/fold";
import { vietnamToday } from "~/i18n/format";
import { categories, productImages, products } from "#db/schema";
import type { OcopGroup, ProductStatus } from "#db/vocabulary";
import { toImageRef, type ImageRef, type ImageRow } from "~/photos/media";
import type { ProductInput } from "./product-form";
import { VALID_STARS } from "~/catalog/products.server";

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
};

export type SellerListFilter = { status: ProductStatus | "all"; q: string; page: number };

export function listSellerProducts(producerId: number, filter: SellerListFilter, today = vietnamToday()) {
  ensureFoldFunction();
  const where = ["p.producer_id = @producerId"];
  if (filter.status !== "all") where.push("p.status = @status");
  const q = foldVietnamese(filter.q).trim();
  if (q) where.push("(vn_fold(p.name) LIKE '%' || @q || '%' ESCAPE '\\' OR lower(p.sku) LIKE '%' || @q || '%' ESCAPE '\\')");
  const params = { producerId, status: filter.status, q: q.replace(/[\\%_]/g, (c) => `\\${c}`), today };
  const total = (statement(`SELECT count(*) AS n FROM products p WHERE ${where.join(" AND ")}`).get(params) as { n: number }).n;
  const rows = statement(
    `SELECT p.id, p.sku, p.slug, p.name, p.unit, p.price, p.stock, p.status, p.visible, ${VALID_STARS} AS stars,
       EXISTS (SELECT 1 FROM certifications c WHERE c.product_id = p.id AND c.kind = 'ocop') AS hasOcop
     FROM products p WHERE ${where.join(" AND ")}
     ORDER BY p.status = 'archived', p.updated_at DESC, p.id DESC LIMIT @limit OFFSET @offset`,
  ).all({ ...params, limit: SELLER_PAGE_SIZE, offset: (filter.page - 1) * SELLER_PAGE_SIZE }) as (Omit<
    SellerListItem,
    "image" | "visible" | "ocopExpired"
  > & { visible: number; hasOcop: number })[];
  const images = firstImages(rows.map((r) => r.id));
  const counts = { all: 0, draft: 0, active: 0, archived: 0 } as Record<ProductStatus | "all", number>;
  for (const c of statement(`SELECT status, count(*) AS n FROM products WHERE producer_id = ? GROUP BY status`).all(producerId) as {
    status: ProductStatus;
    n: number;
  }[]) {
    counts[c.status] = c.n;
    counts.all += c.n;
  }
  const items: SellerListItem[] = rows.map(({ hasOcop, visible, ...r }) => ({
    ...r,
    visible: visible === 1,
    ocopExpired: hasOcop === 1 && r.stars === null,
    image: images.get(r.id) ?? null,
  }));
  return { items, total, counts, pages: Math.max(1, Math.ceil(total / SELLER_PAGE_SIZE)) };
}

function firstImages(ids: number[]): Map<number, ImageRef> {
  if (ids.length === 0) return new Map();
  const rows = db()
    .$client.prepare(
      `SELECT product_id AS productId, storage_key AS storageKey, widths, avif_ready AS avifReady, alt, width, height
       FROM product_images WHERE product_id IN (${ids.map(() => "?").join(",")}) ORDER BY product_id, position, id`,
    )
    .all(...ids) as (ImageRow & { productId: number })[];
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
};

/** One of the producer's products, or null (unknown, or another producer's: the same answer). */
export function getSellerProduct(producerId: number, productId: number): SellerProduct | null {
  const row = statement(
    `SELECT p.id, p.sku, p.slug, p.name, p.description, p.ocop_group AS ocopGroup, c.slug AS category, p.category_id AS categoryId,
       p.unit, p.weight_grams AS weightGrams, p.price, p.stock, p.status, p.visible, p.created_at AS createdAt, p.updated_at AS updatedAt
     FROM products p LEFT JOIN categories c ON c.id = p.category_id
     WHERE p.id = ? AND p.producer_id = ?`,
  ).get(productId, producerId) as (Omit<SellerProduct, "visible"> & { visible: number }) | undefined;
  return row ? { ...row, visible: row.visible === 1 } : null;
}

/** Price and stock over time, newest first. */
export function priceStockHistory(producerId: number, productId: number, limit = 20) {
  return statement(
    `SELECT h.price, h.stock, h.at FROM product_history h JOIN products p ON p.id = h.product_id
     WHERE h.product_id = ? AND p.producer_id = ? ORDER BY h.at DESC, h.id DESC LIMIT ?`,
  ).all(productId, producerId, limit) as { price: number; stock: number; at: string }[];
}

export type ProductError = "product.error.category" | "product.error.skuTaken" | "product.error.skuReserved";
export type SaveResult = { ok: true; id: number } | { ok: false; field: "category" | "sku"; error: ProductError } | { ok: false; field: "form"; error: "not_found" };

export function createProduct(producerId: number, input: ProductInput): SaveResult {
  return db().transaction((tx) => insertProduct(tx, producerId, input));
}

function insertProduct(tx: Tx, producerId: number, input: ProductInput): SaveResult {
  const category = categoryBySlug(tx, input.category);
  if (!category) return { ok: false, field: "category", error: "product.error.category" };
  const skuProblem = input.sku ? skuError(tx, producerId, input.sku, null) : null;
  if (skuProblem) return { ok: false, field: "sku", error: skuProblem };
  const id = tx
    .insert(products)
    .values({
      producerId,
      slug: uniqueProductSlug(input.name),
      sku: input.sku ?? null,
      name: input.name,
      description: input.description,
      ocopGroup: category.ocopGroup,
      categoryId: category.id,
      unit: input.unit,
      weightGrams: input.weightGrams ?? null,
      price: input.price,
      stock: input.stock,
      status: input.status,
    })
    .returning({ id: products.id })
    .get().id;
  return { ok: true, id };
}

export function updateProduct(producerId: number, productId: number, input: ProductInput): SaveResult {
  return db().transaction((tx): SaveResult => {
    const current = tx
      .select({ id: products.id, status: products.status })
      .from(products)
      .where(and(eq(products.id, productId), eq(products.producerId, producerId)))
      .get();
    if (!current) return { ok: false, field: "form", error: "not_found" };
    const category = categoryBySlug(tx, input.category);
    if (!category) return { ok: false, field: "category", error: "product.error.category" };
    const skuProblem = input.sku ? skuError(tx, producerId, input.sku, productId) : null;
    if (skuProblem) return { ok: false, field: "sku", error: skuProblem };
    tx.update(products)
      .set({
        ...(input.sku ? { sku: input.sku } : {}),
        name: input.name,
        description: input.description,
        ocopGroup: category.ocopGroup,
        categoryId: category.id,
        unit: input.unit,
        weightGrams: input.weightGrams ?? null,
        price: input.price,
        stock: input.stock,
        // An archived product stays archived until restored on purpose.
        status: current.status === "archived" ? "archived" : input.status,
        updatedAt: new Date().toISOString(),
      })
      .where(eq(products.id, productId))
      .run();
    return { ok: true, id: productId };
  });
}

/** The quick edit from the list; the history trigger records the change. */
export function updatePriceStock(producerId: number, productId: number, price: number, stock: number): boolean {
  return (
    db()
      .update(products)
      .set({ price, stock, updatedAt: new Date().toISOString() })
      .where(and(eq(products.id, productId), eq(products.producerId, producerId)))
      .run().changes === 1
  );
}

/** Archive, restore (to draft) or put on sale. */
export function setProductStatus(producerId: number, productId: number, status: ProductStatus): boolean {
  return (
    db()
      .update(products)
      .set({ status, updatedAt: new Date().toISOString() })
      .where(and(eq(products.id, productId), eq(products.producerId, producerId)))
      .run().changes === 1
  );
}

/** A draft copy with the same details and photos (not the certificates: they name the original). */
export function duplicateProduct(producerId: number, productId: number, copySuffix: string): number | null {
  return db().transaction((tx) => {
    const p = tx
      .select()
      .from(products)
      .where(and(eq(products.id, productId), eq(products.producerId, producerId)))
      .get();
    if (!p) return null;
    const name = `${p.name.slice(0, 200 - copySuffix.length - 1)} ${copySuffix}`;
    const id = tx
      .insert(products)
      .values({
        producerId,
        slug: uniqueProductSlug(name),
        name,
        description: p.description,
        ocopGroup: p.ocopGroup,
        categoryId: p.categoryId,
        unit: p.unit,
        weightGrams: p.weightGrams,
        price: p.price,
        stock: p.stock,
        status: "draft",
      })
      .returning({ id: products.id })
      .get().id;
    const images = tx.select().from(productImages).where(eq(productImages.productId, productId)).all();
    for (const { id: _id, productId: _p, createdAt: _c, ...img } of images) tx.insert(productImages).values({ ...img, productId: id }).run();
    return id;
  });
}

function categoryBySlug(tx: Tx, slug: string) {
  return tx
    .select({ id: categories.id, ocopGroup: categories.ocopGroup })
    .from(categories)
    .where(eq(categories.slug, slug))
    .get();
}

/** "SP-{id}" codes are the system's: a producer may keep its own, not type a new one. */
function skuError(tx: Tx, producerId: number, sku: string, productId: number | null): ProductError | null {
  const holder = tx
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.producerId, producerId), eq(products.sku, sku)))
    .get();
  if (holder && holder.id !== productId) return "product.error.skuTaken";
  if (!holder && /^SP-\d+$/i.test(sku)) return "product.error.skuReserved";
  return null;
}

/** A slug no product has: the name's, then "-2", "-3"… (one indexed range query, whatever the clashes). */
export function uniqueProductSlug(name: string): string {
  const base = slugify(name).slice(0, 80) || "san-pham";
  // "base-" ≤ slug < "base." (the character after "-") holds every "base-…" slug.
  const taken = new Set(
    (statement(`SELECT slug FROM products WHERE slug = ? OR (slug >= ? AND slug < ?)`).all(base, `${base}-`, `${base}.`) as {
      slug: string;
    }[]).map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
