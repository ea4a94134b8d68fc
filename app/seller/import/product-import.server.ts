// A producer's bulk import: upload → preview (every bad cell explained) → import of the good rows,
// or of every row or nothing, in one transaction (the steps are in import-flow.server.ts).
import { eq } from "drizzle-orm";
import { db, statement } from "~/db.server";
import { products } from "#db/schema";
import { applyProductRows, type ApplyResult } from "./apply-products.server";
import { PRODUCT_COLUMNS, type ProductColumnKey } from "~/imports/columns";
import { previewImport, runImport, type ImportKind } from "~/imports/import-flow.server";
import type { ImportScope } from "~/imports/imports.server";
import { provinceLookup, type ProvinceRef } from "~/imports/lookups.server";
import { checkProductRows, type CheckedProducts, type GoodRow, type ImportProduct } from "./product-rows.server";
import type { ProgressReporter } from "~/imports/progress.server";

function context(producerId: number) {
  const existingSkus = new Map(
    db()
      .select({ sku: products.sku, id: products.id })
      .from(products)
      .where(eq(products.producerId, producerId))
      .all()
      .map((p) => [p.sku ?? "", p.id]),
  );
  const existing = new Map(
    statement<[producerId: number], ImportProduct & { weightGrams: number | null }>(
      `SELECT p.sku, p.name, coalesce(c.slug, '') AS category, p.unit, p.weight_grams AS weightGrams, p.price, p.stock, p.status, p.description
       FROM products p LEFT JOIN categories c ON c.id = p.category_id WHERE p.producer_id = ? AND p.sku IS NOT NULL`,
    )
      .all(producerId)
      .map(({ weightGrams, ...p }) => [p.sku!, { ...p, ...(weightGrams !== null ? { weightGrams } : {}) }]),
  );
  const { slug } = statement<[producerId: number], { slug: string }>(
    `SELECT pv.slug FROM producers pr JOIN provinces pv ON pv.id = pr.province_id WHERE pr.id = ?`,
  ).get(producerId)!;
  const producerProvince: ProvinceRef = provinceLookup().get(slug.replace(/-/g, " "))!;
  return { existingSkus, existing, producerProvince };
}

const PRODUCTS: ImportKind<ProductColumnKey, GoodRow, CheckedProducts, ApplyResult> = {
  columns: PRODUCT_COLUMNS,
  check: (sheet, producerId) => checkProductRows(sheet, context(producerId)),
  counts: (c) => ({
    newProducts: c.newProducts,
    updatedProducts: c.updatedProducts,
    unchangedProducts: c.unchangedProducts,
    sampleRows: c.sampleRows,
    certificates: c.certificates,
  }),
  write: (tx, producerId, _importId, rows) => applyProductRows(tx, producerId, rows),
};

export function previewProductImport(producerId: number, userId: number, file: { filename: string; bytes: Uint8Array }, report: ProgressReporter = () => {}) {
  return previewImport(PRODUCTS, { scope: { kind: "products", producerId }, owner: producerId }, userId, file, report);
}

export function runProductImport(producerId: number, importId: number, mode: "valid_only" | "all", report: ProgressReporter = () => {}) {
  const scope: ImportScope = { kind: "products", producerId };
  return runImport(PRODUCTS, scope, () => producerId, importId, mode, report);
}
