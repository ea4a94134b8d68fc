// The province's OCOP registry as officials import it.
import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, updatedAt } from "./columns";
import { products } from "./catalogue";
import { productImports } from "./imports";
import { producers } from "./people";
import { provinces } from "./places";

/**
 * The province's OCOP registry: every certified product the council recognised, as officials
 * import it, linked to the product (and producer) it created or matched. The denominator of the
 * onboarding and listing shares: a product whose producer never joined is still counted.
 */
export const ocopRegistryEntries = sqliteTable(
  "ocop_registry_entries",
  {
    id: integer("id").primaryKey(),
    /** The current province whose registry lists it. */
    provinceId: integer("province_id")
      .notNull()
      .references(() => provinces.id),
    importId: integer("import_id").references(() => productImports.id),
    taxCode: text("tax_code").notNull(),
    producerName: text("producer_name").notNull(),
    productName: text("product_name").notNull(),
    /** The product name folded (no diacritics, lower case, single spaces): the match key. */
    productKey: text("product_key").notNull(),
    stars: integer("stars").notNull(),
    decisionNumber: text("decision_number").notNull(),
    issuedOn: text("issued_on").notNull(),
    expiresOn: text("expires_on").notNull(),
    /**
     * The day from which the registry (as the council published it) lists this entry: the
     * council's decision date given with the import that first brought it. The entry counts on
     * day D only when effective_from <= D, so importing a registry never rewrites months before
     * that date; a later import of the same entry keeps the earliest date.
     */
    effectiveFrom: text("effective_from").notNull().default("1970-01-01"),
    producerId: integer("producer_id")
      .notNull()
      .references(() => producers.id),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("ocop_registry_entry_uq").on(t.provinceId, t.taxCode, t.productKey, t.decisionNumber),
    index("ocop_registry_product_idx").on(t.productId),
    index("ocop_registry_producer_idx").on(t.producerId),
    check("ocop_registry_stars_ck", sql`${t.stars} between 3 and 5`),
  ],
);

/**
 * One registry import as a version of the province's registry: the council's decision date it is
 * effective from, and how many entries it added, changed or left as they were.
 */
export const ocopRegistryVersions = sqliteTable(
  "ocop_registry_versions",
  {
    importId: integer("import_id")
      .primaryKey()
      .references(() => productImports.id),
    provinceId: integer("province_id")
      .notNull()
      .references(() => provinces.id),
    effectiveFrom: text("effective_from").notNull(),
    added: integer("added").notNull(),
    changed: integer("changed").notNull(),
    unchanged: integer("unchanged").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("ocop_registry_versions_province_idx").on(t.provinceId, t.effectiveFrom)],
);

/**
 * What an import did to one registry entry: added it, or changed its terms (stars, dates, names).
 * `before` holds the terms the entry had until `effective_from` (JSON), so months before the
 * import's date read the registry as it stood then.
 */
export const ocopRegistryChanges = sqliteTable(
  "ocop_registry_changes",
  {
    id: integer("id").primaryKey(),
    importId: integer("import_id")
      .notNull()
      .references(() => productImports.id),
    entryId: integer("entry_id")
      .notNull()
      .references(() => ocopRegistryEntries.id),
    change: text("change", { enum: ["added", "changed"] }).notNull(),
    effectiveFrom: text("effective_from").notNull(),
    /** The entry's terms before this import ({ stars, issuedOn, expiresOn, producerName, productName }), null when added. */
    before: text("before"),
    createdAt: createdAt(),
  },
  (t) => [index("ocop_registry_changes_import_idx").on(t.importId), index("ocop_registry_changes_entry_idx").on(t.entryId, t.effectiveFrom)],
);
