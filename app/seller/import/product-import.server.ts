// A producer's bulk import: upload → preview (every bad cell explained) → import of the good rows,
// or of every row or nothing, in one transaction (the steps are in import-flow.server.ts).
import { statement } from "~/db.server";
import type { ApplyResult } from "./apply-products.server";
import { PRODUCT_COLUMNS, type ProductColumnKey } from "~/imports/columns";
import { previewImport, runImport, type ImportKind } from "~/imports/import-flow.server";
import type { ImportScope } from "~/imports/imports.server";
import { provinceLookup, type ProvinceRef } from "~/imports/lookups.server";
import { checkProductRows, type CheckContext, type CheckedProducts, type GoodRow, type ImportProduct } from "./product-rows.server";
import type { ProgressReporter } from "~/imports/progress.server";

/** Products read per query while the producer's catalogue is loaded for the check. */
const CONTEXT_PAGE = 2_000;

/**
 * What the check compares the sheet with: the producer's products by code. Read a page at a time along
 * the (producer, code) index, yielding between pages (the check's `drive` lets other requests run):
 * a producer re-importing a 20,000-product catalogue held the event loop ~0.1-0.2 s with one query.
 */
function* context(producerId: number): Generator<number, CheckContext> {
  const existingSkus = new Map<string, number>();
  const existing = new Map<string, ImportProduct>();
  const page = statement<[producerId: number, after: string, limit: number], ImportProduct & { id: number; sku: string; weightGrams: number | null }>(
    `SELECT p.id, p.sku, p.name, coalesce(c.slug, '') AS category, p.unit, p.weight_grams AS weightGrams, p.price, p.stock, p.status, p.description
     FROM products p LEFT JOIN categories c ON c.id = p.category_id
     WHERE p.producer_id = ? AND p.sku > ? ORDER BY p.sku LIMIT ?`,
  );
  for (let after = ""; ; ) {
    const rows = page.all(producerId, after, CONTEXT_PAGE);
    for (const { id, weightGrams, ...p } of rows) {
      existingSkus.set(p.sku, id);
      existing.set(p.sku, { ...p, ...(weightGrams !== null ? { weightGrams } : {}) });
    }
    if (rows.length < CONTEXT_PAGE) break;
    after = rows.at(-1)!.sku;
    yield 0;
  }
  const { slug } = statement<[producerId: number], { slug: string }>(
    `SELECT pv.slug FROM producers pr JOIN provinces pv ON pv.id = pr.province_id WHERE pr.id = ?`,
  ).get(producerId)!;
  const producerProvince: ProvinceRef = provinceLookup().get(slug.replace(/-/g, " "))!;
  return { existingSkus, existing, producerProvince };
}

const PRODUCTS: ImportKind<ProductColumnKey, GoodRow, CheckedProducts, ApplyResult> = {
  columns: PRODUCT_COLUMNS,
  *check(sheet, producerId) {
    return yield* checkProductRows(sheet, yield* context(producerId));
  },
  counts: (c) => ({
    newProducts: c.newProducts,
    updatedProducts: c.updatedProducts,
    unchangedProducts: c.unchangedProducts,
    sampleRows: c.sampleRows,
    certificates: c.certificates,
  }),
  writer: { kind: "products" }, // applyProductRows, in the import writer's thread
};

export function previewProductImport(producerId: number, userId: number, file: { filename: string; bytes: Uint8Array }, report: ProgressReporter = () => {}) {
  return previewImport(PRODUCTS, { scope: { kind: "products", producerId }, owner: producerId }, userId, file, report);
}

export function runProductImport(producerId: number, importId: number, mode: "valid_only" | "all", report: ProgressReporter = () => {}) {
  const scope: ImportScope = { kind: "products", producerId };
  return runImport(PRODUCTS, scope, () => producerId, importId, mode, report);
}
