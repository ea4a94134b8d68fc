// The one place that writes products, whoever changes them: the producer in the seller centre
// (create, edit, quick price/stock edit, status, duplicate), the producer's spreadsheet import,
// the province's OCOP registry (a draft for a product it names), an official's verification (a
// claimed registry producer's products move to the producer who claimed it), and orders (the
// units a sale takes off the shelf and a cancelled order gives back: when to take or give back
// is orders' rule, in app/orders/stock.server.ts; the UPDATE is here). Every write is one
// statement on products, so its triggers (search index, OCOP columns, price/stock history,
// marketplace sync jobs) see every change. What the seller centre reads: product-queries.server.ts.
// A product goes live ("active") only with a photo, a price and stock (go-live.ts): every write
// that asks for "active" gets a draft instead until then; once live, a product sold out stays live,
// and one whose last photo is removed goes back to draft (the storefront never shows a blank tile).
import { and, eq, gte, sql } from "drizzle-orm";
import { db, statement, type Tx } from "~/db.server";
import { slugify } from "#db/fold";
import { categories, products } from "#db/schema";
import type { OcopGroup, ProductStatus } from "#db/vocabulary";
import { copyPhotos } from "~/photos/product-images.server";
import type { ProductInput } from "./product-form";
import { HAS_PHOTO_SQL, missingToGoLive, type GoLiveNeed } from "./go-live";

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
      // A new product has no photo yet: it goes live from the photos page (setProductStatus).
      status: input.status === "active" ? "draft" : input.status,
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
    const wanted = current.status === "archived" ? "archived" : input.status;
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
        // An archived product stays archived until restored on purpose; "active" only when it may go live.
        status: wanted === "active" && !mayStayLive(tx, producerId, productId, current.status === "active", input.price, input.stock) ? "draft" : wanted,
        updatedAt: new Date().toISOString(),
      })
      .where(eq(products.id, productId))
      .run();
    return { ok: true, id: productId };
  });
}

/** The quick edit from the list (and the marketplaces' price/stock form); the history trigger records the change. */
export function updatePriceStock(producerId: number, productId: number, price: number, stock: number): boolean {
  return (
    db()
      .update(products)
      .set({ price, stock, updatedAt: new Date().toISOString() })
      .where(and(eq(products.id, productId), eq(products.producerId, producerId)))
      .run().changes === 1
  );
}

export type StatusResult = { ok: true } | { ok: false; error: "not_found" } | { ok: false; error: "not_ready"; missing: GoLiveNeed[] };

/** Archive, restore (to draft) or put on sale: on sale only with a photo, a price and stock. */
export function setProductStatus(producerId: number, productId: number, status: ProductStatus): StatusResult {
  return db().transaction((tx): StatusResult => {
    const facts = goLiveFacts(tx, producerId, productId);
    if (!facts) return { ok: false, error: "not_found" };
    const missing = missingToGoLive(facts);
    if (status === "active" && facts.status !== "active" && missing.length > 0) return { ok: false, error: "not_ready", missing };
    tx.update(products)
      .set({ status, updatedAt: new Date().toISOString() })
      .where(and(eq(products.id, productId), eq(products.producerId, producerId)))
      .run();
    return { ok: true };
  });
}

/** What the go-live rule reads of one of the producer's products (better-sqlite3 has one connection: inside the caller's transaction). */
function goLiveFacts(_tx: Tx, producerId: number, productId: number) {
  const row = statement<[productId: number, producerId: number], { status: ProductStatus; price: number; stock: number; hasPhoto: number }>(
    `SELECT p.status, p.price, p.stock, ${HAS_PHOTO_SQL} AS hasPhoto FROM products p WHERE p.id = ? AND p.producer_id = ?`,
  ).get(productId, producerId);
  return row ? { ...row, hasPhoto: row.hasPhoto === 1 } : null;
}

/** Whether the product may be "active" with this price and stock: going live needs stock too, staying live (sold out) does not. */
function mayStayLive(tx: Tx, producerId: number, productId: number, live: boolean, price: number, stock: number): boolean {
  const missing = missingToGoLive({ hasPhoto: goLiveFacts(tx, producerId, productId)?.hasPhoto ?? false, price, stock });
  return live ? !missing.includes("photo") && !missing.includes("price") : missing.length === 0;
}

/** The product's last photo was removed: a live product goes back to draft (inside the photos' transaction). */
export function holdBackWithoutPhoto(_tx: Tx, productId: number): void {
  statement<[productId: number]>(
    `UPDATE products SET status = 'draft', updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
     WHERE id = ? AND status = 'active' AND NOT EXISTS (SELECT 1 FROM product_images WHERE product_id = products.id)`,
  ).run(productId);
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
    copyPhotos(tx, productId, id);
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
function uniqueProductSlug(name: string): string {
  const base = slugify(name).slice(0, 80) || "san-pham";
  // "base-" ≤ slug < "base." (the character after "-") holds every "base-…" slug.
  const taken = new Set(
    statement<[string, string, string], { slug: string }>(`SELECT slug FROM products WHERE slug = ? OR (slug >= ? AND slug < ?)`)
      .all(base, `${base}-`, `${base}.`)
      .map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

// ── The spreadsheet import and the OCOP registry (inside the caller's transaction) ──
// Prepared statements: preparing an INSERT into products compiles its triggers, and doing that
// 5,000 times was most of an import's time.

export type ImportedProductValues = {
  producerId: number;
  name: string;
  description: string;
  ocopGroup: OcopGroup;
  categoryId: number;
  unit: string;
  weightGrams: number | null;
  price: number;
  stock: number;
  status: ProductStatus;
};

/** What an imported product's OCOP certificates will make its OCOP columns (certifications_derive_ai's values). */
export type OcopValidity = { ocop3ValidUntil: string | null; ocop4ValidUntil: string | null; ocop5ValidUntil: string | null };

/**
 * A product from an import row; returns its id. The columns the triggers derive are set in the INSERT
 * as they would derive them (province_id and visible as products_derive_ai does, the OCOP columns as
 * its certificates inserted next will make them), so those triggers have nothing to update
 * (migration 0023): that update fired the counter and search-index triggers again for every row.
 * Were a value wrong, the triggers would still correct it.
 */
export function insertImportedProduct(values: ImportedProductValues & OcopValidity & { sku: string | null }): number {
  const info = statement<[ImportedProductValues & OcopValidity & { sku: string | null; slug: string }]>(
    `INSERT INTO products (producer_id, slug, sku, name, description, ocop_group, category_id, unit, weight_grams, price, stock, status,
       province_id, visible, ocop3_valid_until, ocop4_valid_until, ocop5_valid_until)
     VALUES (@producerId, @slug, @sku, @name, @description, @ocopGroup, @categoryId, @unit, @weightGrams, @price, @stock, @status,
       (SELECT province_id FROM producers WHERE id = @producerId),
       (@status = 'active' AND (SELECT status FROM producers WHERE id = @producerId) = 'verified'),
       @ocop3ValidUntil, @ocop4ValidUntil, @ocop5ValidUntil)`,
  ).run({ ...values, slug: uniqueProductSlug(values.name), status: values.status === "active" ? "draft" : values.status }); // no photo yet: a draft
  return Number(info.lastInsertRowid);
}

/** An import row's new values for one of the producer's products ("active" held back to draft as updateProduct does). */
export function updateImportedProduct(values: ImportedProductValues & { id: number; now: string }): void {
  statement<[ImportedProductValues & { id: number; now: string }]>(
    `UPDATE products AS p SET name = @name, description = @description, ocop_group = @ocopGroup, category_id = @categoryId, unit = @unit,
       weight_grams = @weightGrams, price = @price, stock = @stock, updated_at = @now,
       -- "active" only when it may go live: a photo, a price, and stock unless it is live already (sold out).
       status = CASE WHEN @status = 'active' AND NOT (${HAS_PHOTO_SQL} AND @price > 0 AND (@stock > 0 OR p.status = 'active')) THEN 'draft' ELSE @status END
     WHERE id = @id AND producer_id = @producerId`,
  ).run(values);
}

/**
 * A product the province's registry names and the producer has not listed: a draft, no price, no
 * stock. Its province_id (and visible, false for a draft) in the INSERT, as for an imported product.
 */
export function insertRegistryDraft(producerId: number, name: string, group: OcopGroup): number {
  const info = statement<{ producerId: number; slug: string; name: string; group: OcopGroup }>(
    `INSERT INTO products (producer_id, slug, name, description, ocop_group, unit, price, stock, status, province_id, visible)
     VALUES (@producerId, @slug, @name, '', @group, '', 0, 0, 'draft', (SELECT province_id FROM producers WHERE id = @producerId), 0)`,
  ).run({ producerId, slug: uniqueProductSlug(name), name, group });
  return Number(info.lastInsertRowid);
}

/** Verification of a claim: the unclaimed registry producer's (remaining) products become the claimant's. */
export function moveProducts(tx: Tx, fromProducerId: number, toProducerId: number): number {
  return tx.update(products).set({ producerId: toProducerId }).where(eq(products.producerId, fromProducerId)).run().changes;
}

/** Verification of a claim: one of the registry producer's products becomes the claimant's as it is. */
export function moveProduct(tx: Tx, productId: number, fromProducerId: number, toProducerId: number): void {
  tx.update(products)
    .set({ producerId: toProducerId })
    .where(and(eq(products.id, productId), eq(products.producerId, fromProducerId)))
    .run();
}

/**
 * A registry copy merged into the claimant's product (app/registry/claims.server.ts): gone, or,
 * when a listing of its own still names it (both were listed on one marketplace), archived under
 * the claimant so that listing and its history stay.
 */
export function retireMergedCopy(tx: Tx, productId: number, toProducerId: number, keep: boolean): void {
  if (keep) tx.update(products).set({ status: "archived", producerId: toProducerId }).where(eq(products.id, productId)).run();
  else tx.delete(products).where(eq(products.id, productId)).run();
}

// ── Stock that orders move (the rules of when: app/orders/stock.server.ts) ──

/** Takes `quantity` units only while the product is visible and that many are on the shelf; false (nothing written) otherwise. */
export function takeStockIfOnShelf(tx: Tx, productId: number, quantity: number, now: Date): boolean {
  return (
    tx
      .update(products)
      .set({ stock: sql`${products.stock} - ${quantity}`, updatedAt: now.toISOString() })
      .where(and(eq(products.id, productId), eq(products.visible, true), gte(products.stock, quantity)))
      .run().changes === 1
  );
}

/** Takes `quantity` units whatever is on the shelf, down to zero at most. */
export function takeStockDownToZero(tx: Tx, productId: number, quantity: number, now: Date): void {
  tx.update(products)
    .set({ stock: sql`max(0, ${products.stock} - ${quantity})`, updatedAt: now.toISOString() })
    .where(eq(products.id, productId))
    .run();
}

/** Puts units back on the shelf, one UPDATE per product. */
export function putBackStock(tx: Tx, lines: { productId: number; quantity: number }[], now: Date): void {
  for (const { productId, quantity } of lines) {
    tx.update(products)
      .set({ stock: sql`${products.stock} + ${quantity}`, updatedAt: now.toISOString() })
      .where(eq(products.id, productId))
      .run();
  }
}

/** Units on the shelf now. */
export function stockOf(tx: Tx, productId: number): number {
  return tx.select({ stock: products.stock }).from(products).where(eq(products.id, productId)).get()?.stock ?? 0;
}
