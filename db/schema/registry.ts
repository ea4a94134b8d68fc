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
