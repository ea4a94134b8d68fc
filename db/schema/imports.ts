// Spreadsheet imports, a producer's products or a province's OCOP registry, kept between preview and import.
import { sql } from "drizzle-orm";
import { blob, check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns";
import { producers, users } from "./people";
import { provinces } from "./places";

export const IMPORT_KINDS = ["products", "registry"] as const;
export const IMPORT_STATUSES = ["previewed", "imported", "discarded"] as const;

/**
 * An uploaded spreadsheet between its preview and its import: the file itself is kept, so the
 * import re-reads and re-checks exactly what the preview showed. `products` imports belong to a
 * producer; `registry` imports (a province's OCOP registry) to a province.
 */
export const productImports = sqliteTable(
  "product_imports",
  {
    id: integer("id").primaryKey(),
    kind: text("kind", { enum: IMPORT_KINDS }).notNull(),
    producerId: integer("producer_id").references(() => producers.id),
    provinceId: integer("province_id").references(() => provinces.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    filename: text("filename").notNull(),
    format: text("format", { enum: ["csv", "xlsx"] }).notNull(),
    file: blob("file", { mode: "buffer" }).notNull(),
    rowCount: integer("row_count").notNull(),
    badRowCount: integer("bad_row_count").notNull(),
    /** The preview's findings as JSON (counts, and every bad cell with its reason), so the page need not re-read the file. */
    report: text("report").notNull().default("{}"),
    status: text("status", { enum: IMPORT_STATUSES }).notNull().default("previewed"),
    /** valid_only: the good rows; all: every row or nothing. */
    mode: text("mode", { enum: ["valid_only", "all"] }),
    importedRows: integer("imported_rows"),
    createdProducts: integer("created_products"),
    updatedProducts: integer("updated_products"),
    createdAt: createdAt(),
    finishedAt: text("finished_at"),
  },
  (t) => [
    index("product_imports_producer_idx").on(t.producerId, t.createdAt),
    index("product_imports_province_idx").on(t.provinceId, t.createdAt),
    check(
      "product_imports_scope_ck",
      sql`(${t.kind} = 'products' and ${t.producerId} is not null) or (${t.kind} = 'registry' and ${t.provinceId} is not null)`,
    ),
  ],
);
