// The catalogue: categories, a producer's products, their certificates, photos and price/stock history.
import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { CERT_KINDS, OCOP_GROUPS, PRODUCT_STATUSES } from "../vocabulary";
import { createdAt, now, updatedAt } from "./columns";
import { producers, users } from "./people";
import { provinces } from "./places";

export const categories = sqliteTable("categories", {
  id: integer("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  nameEn: text("name_en").notNull(),
  ocopGroup: text("ocop_group", { enum: OCOP_GROUPS }).notNull(),
});

export const products = sqliteTable(
  "products",
  {
    id: integer("id").primaryKey(),
    producerId: integer("producer_id")
      .notNull()
      .references(() => producers.id),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    ocopGroup: text("ocop_group", { enum: OCOP_GROUPS }).notNull(),
    categoryId: integer("category_id").references(() => categories.id),
    /** Selling unit as the shopper reads it: "chai 500 ml", "hộp 200 g", "kg". */
    unit: text("unit").notNull(),
    /** Shipping weight of one unit in grams (marketplaces require it). */
    weightGrams: integer("weight_grams"),
    price: integer("price").notNull(),
    stock: integer("stock").notNull().default(0),
    status: text("status", { enum: PRODUCT_STATUSES }).notNull().default("draft"),
    /**
     * The producer's own product code, unique per producer; the key of the bulk
     * import/export. A trigger gives "SP-{id}" to a product inserted without one.
     */
    sku: text("sku"),
    // Derived columns, kept by triggers (db/migrations/0001_catalogue_triggers.sql); never
    // written by the app. They let the public catalogue filter, count and sort on one table.
    /** 1 when the shopper may see it: active, and its producer verified. */
    visible: integer("visible", { mode: "boolean" }).notNull().default(false),
    /** The producer's current province. */
    provinceId: integer("province_id").references(() => provinces.id),
    /** The last day an OCOP certificate of at least 3 / 4 / 5 stars is valid ("yyyy-MM-dd"), or null. */
    ocop3ValidUntil: text("ocop3_valid_until"),
    ocop4ValidUntil: text("ocop4_valid_until"),
    ocop5ValidUntil: text("ocop5_valid_until"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("products_producer_idx").on(t.producerId, t.status),
    // Covers the registry history load (app/indicators/registry-history.server.ts).
    index("products_registry_idx").on(t.provinceId, t.status, t.visible, t.ocopGroup, t.createdAt, t.producerId),
    index("products_visible_created_idx").on(t.visible, t.createdAt),
    index("products_visible_price_idx").on(t.visible, t.price),
    index("products_visible_province_idx").on(t.visible, t.provinceId, t.createdAt),
    index("products_visible_group_idx").on(t.visible, t.ocopGroup, t.createdAt),
    index("products_visible_ocop3_idx").on(t.visible, t.ocop3ValidUntil),
    index("products_visible_ocop4_idx").on(t.visible, t.ocop4ValidUntil),
    index("products_visible_ocop5_idx").on(t.visible, t.ocop5ValidUntil),
    index("products_category_idx").on(t.categoryId),
    uniqueIndex("products_producer_sku_uq").on(t.producerId, t.sku),
    check("products_price_ck", sql`${t.price} >= 0`),
    check("products_stock_ck", sql`${t.stock} >= 0`),
  ],
);

export const certifications = sqliteTable(
  "certifications",
  {
    id: integer("id").primaryKey(),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: CERT_KINDS }).notNull(),
    /** 3-5 for OCOP, null for the others. */
    stars: integer("stars"),
    /** Decision number (quyết định số) for OCOP, certificate number for the others. */
    number: text("number").notNull(),
    issuer: text("issuer").notNull(),
    issuedOn: text("issued_on").notNull(),
    expiresOn: text("expires_on").notNull(),
    /** The province named on the certificate: may be a former province. */
    issueProvinceId: integer("issue_province_id").references(() => provinces.id),
    /**
     * An official's word on an OCOP claim no registry entry backed ("chờ đối chiếu"): "rejected"
     * (not recognised) or "superseded" (matched to a registry entry whose decision replaces it).
     * A reviewed certificate shows no stars anywhere (the OCOP columns' triggers skip it); the
     * producer reads the note in the seller centre. Null: not reviewed.
     */
    review: text("review", { enum: ["rejected", "superseded"] }),
    reviewNote: text("review_note"),
    reviewedAt: text("reviewed_at"),
    reviewedBy: integer("reviewed_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("certifications_product_idx").on(t.productId, t.kind, t.expiresOn),
    check(
      "certifications_stars_ck",
      sql`(${t.kind} = 'ocop' and ${t.stars} between 3 and 5) or (${t.kind} <> 'ocop' and ${t.stars} is null)`,
    ),
    check("certifications_dates_ck", sql`${t.expiresOn} >= ${t.issuedOn}`),
  ],
);

/**
 * One uploaded photo. Its variants live in the media directory as
 * `{storageKey}-{width}.{webp|avif}` plus `{storageKey}-sq.webp` (1:1 for marketplaces).
 */
export const productImages = sqliteTable(
  "product_images",
  {
    id: integer("id").primaryKey(),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
    storageKey: text("storage_key").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    /** Widths produced for srcset, comma separated ("320,640,1280"). */
    widths: text("widths").notNull(),
    /** AVIF variants are encoded in the background; until then only WebP is offered. */
    avifReady: integer("avif_ready", { mode: "boolean" }).notNull().default(false),
    alt: text("alt").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [index("product_images_product_idx").on(t.productId, t.position)],
);

/**
 * Every price or stock a product has had, with when: one row at creation and one per change,
 * written by triggers (db/migrations/*_product_history_triggers.sql) so no code path (form,
 * import, order, marketplace sync) can forget it. The price or stock "as of" an instant is the
 * last row at or before it.
 */
export const productHistory = sqliteTable(
  "product_history",
  {
    id: integer("id").primaryKey(),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    price: integer("price").notNull(),
    stock: integer("stock").notNull(),
    at: text("at").notNull().default(now),
  },
  (t) => [index("product_history_product_idx").on(t.productId, t.at)],
);
