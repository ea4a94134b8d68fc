// Shopping: carts, shipping rates, and orders (one per producer) with their lines and status history.
import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { ORDER_STATUSES, SALES_CHANNELS } from "../vocabulary";
import { createdAt, now, updatedAt } from "./columns";
import { products } from "./catalogue";
import { producers, users } from "./people";
import { provinces } from "./places";

/**
 * A shopper's cart. A guest's cart is found by the SHA-256 of the random token in its cookie;
 * at log-in it is merged into the account's cart (one per user) and deleted. A guest's last
 * delivery address (for the shipping fee on the cart page) is kept with it, never in the cookie,
 * and joins the account's address book at log-in.
 */
export const carts = sqliteTable(
  "carts",
  {
    id: integer("id").primaryKey(),
    tokenHash: text("token_hash").unique(),
    userId: integer("user_id")
      .unique()
      .references(() => users.id, { onDelete: "cascade" }),
    shipProvinceId: integer("ship_province_id").references(() => provinces.id),
    shipCommune: text("ship_commune"),
    shipStreet: text("ship_street"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("carts_owner_ck", sql`(${t.tokenHash} is null) <> (${t.userId} is null)`),
    check("carts_ship_ck", sql`length(coalesce(${t.shipCommune}, '')) <= 100 and length(coalesce(${t.shipStreet}, '')) <= 200`),
  ],
);

/**
 * A signed-in shopper's address book: a few delivery addresses (at most ten, the least recently
 * used one makes room), one of them the default the checkout starts from.
 */
export const shippingAddresses = sqliteTable(
  "shipping_addresses",
  {
    id: integer("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    phone: text("phone").notNull(),
    provinceId: integer("province_id")
      .notNull()
      .references(() => provinces.id),
    commune: text("commune").notNull(),
    street: text("street").notNull(),
    isDefault: integer("is_default", { mode: "boolean" }).notNull().default(false),
    lastUsedAt: text("last_used_at").notNull().default(now),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("shipping_addresses_user_idx").on(t.userId, t.lastUsedAt),
    uniqueIndex("shipping_addresses_default_uq").on(t.userId).where(sql`${t.isDefault} = 1`),
    check("shipping_addresses_len_ck", sql`length(${t.name}) <= 100 and length(${t.commune}) <= 100 and length(${t.street}) <= 200 and length(${t.phone}) <= 20`),
  ],
);

export const cartItems = sqliteTable(
  "cart_items",
  {
    cartId: integer("cart_id")
      .notNull()
      .references(() => carts.id, { onDelete: "cascade" }),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    quantity: integer("quantity").notNull(),
    addedAt: text("added_at").notNull().default(now),
  },
  (t) => [
    primaryKey({ columns: [t.cartId, t.productId] }),
    index("cart_items_product_idx").on(t.productId),
    check("cart_items_qty_ck", sql`${t.quantity} between 1 and 999`),
  ],
);

/**
 * Shipping fee per order (one producer's part): the producer's own row, else the default row
 * (producer_id null). Free from `free_from` đồng of goods when set.
 */
export const shippingRates = sqliteTable(
  "shipping_rates",
  {
    id: integer("id").primaryKey(),
    producerId: integer("producer_id").references(() => producers.id, { onDelete: "cascade" }),
    sameProvinceFee: integer("same_province_fee").notNull(),
    otherProvinceFee: integer("other_province_fee").notNull(),
    freeFrom: integer("free_from"),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("shipping_rates_producer_uq").on(sql`coalesce(${t.producerId}, 0)`),
    check(
      "shipping_rates_fee_ck",
      sql`${t.sameProvinceFee} >= 0 and ${t.otherProvinceFee} >= 0 and (${t.freeFrom} is null or ${t.freeFrom} > 0)`,
    ),
  ],
);

/**
 * One order is one producer's part of a purchase (as marketplaces split a cart per shop);
 * orders placed together share a `checkout_code`. Marketplace orders are imported with
 * `channel` = the marketplace code and their external id.
 */
export const orders = sqliteTable(
  "orders",
  {
    id: integer("id").primaryKey(),
    code: text("code").notNull().unique(),
    checkoutCode: text("checkout_code"),
    producerId: integer("producer_id")
      .notNull()
      .references(() => producers.id),
    /** The seller's current provincial unit (one of the 34): indicators group by it. */
    provinceId: integer("province_id")
      .notNull()
      .references(() => provinces.id),
    channel: text("channel", { enum: SALES_CHANNELS }).notNull(),
    externalId: text("external_id"),
    buyerUserId: integer("buyer_user_id").references(() => users.id),
    buyerName: text("buyer_name").notNull(),
    buyerPhone: text("buyer_phone").notNull(),
    buyerEmail: text("buyer_email").notNull().default(""),
    shipProvinceId: integer("ship_province_id").references(() => provinces.id),
    shipCommune: text("ship_commune").notNull().default(""),
    shipStreet: text("ship_street").notNull().default(""),
    note: text("note").notNull().default(""),
    subtotal: integer("subtotal").notNull(),
    shippingFee: integer("shipping_fee").notNull().default(0),
    total: integer("total").notNull(),
    status: text("status", { enum: ORDER_STATUSES }).notNull(),
    placedAt: text("placed_at").notNull(),
    /** Local (Asia/Ho_Chi_Minh) calendar day of placed_at, "yyyy-MM-dd". */
    placedDay: text("placed_day").notNull(),
    completedAt: text("completed_at"),
    cancelledAt: text("cancelled_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("orders_external_uq").on(t.channel, t.externalId),
    index("orders_producer_idx").on(t.producerId, t.placedAt),
    index("orders_province_day_idx").on(t.provinceId, t.placedDay),
    index("orders_buyer_idx").on(t.buyerUserId, t.placedAt),
    index("orders_checkout_idx").on(t.checkoutCode),
    check("orders_total_ck", sql`${t.total} = ${t.subtotal} + ${t.shippingFee} and ${t.total} >= 0`),
  ],
);

export const orderItems = sqliteTable(
  "order_items",
  {
    id: integer("id").primaryKey(),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id),
    /** Snapshot of the name at the time of the order. */
    productName: text("product_name").notNull(),
    unitPrice: integer("unit_price").notNull(),
    quantity: integer("quantity").notNull(),
    lineTotal: integer("line_total").notNull(),
  },
  (t) => [
    index("order_items_order_idx").on(t.orderId),
    index("order_items_product_idx").on(t.productId),
    check("order_items_qty_ck", sql`${t.quantity} > 0 and ${t.lineTotal} = ${t.unitPrice} * ${t.quantity}`),
  ],
);

/** Append-only history of an order's status: who moved it, when, why. */
export const orderEvents = sqliteTable(
  "order_events",
  {
    id: integer("id").primaryKey(),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    status: text("status", { enum: ORDER_STATUSES }).notNull(),
    /** The person who did it; null for the system (payment webhook, expiry job). */
    actorUserId: integer("actor_user_id").references(() => users.id),
    note: text("note").notNull().default(""),
    at: text("at").notNull().default(now),
  },
  (t) => [index("order_events_order_idx").on(t.orderId, t.at)],
);
