// The whole data model of OCOP Connect. Money is integer đồng; instants are stored as
// UTC ISO-8601 text ("2026-11-22T03:04:05.000Z"); calendar dates (certificate validity)
// are "yyyy-MM-dd" text; "*_day" columns are the local (Asia/Ho_Chi_Minh) calendar day
// of an instant, stored so rollups can group without date arithmetic per row.
import { sql } from "drizzle-orm";
import {
  blob,
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from "drizzle-orm/sqlite-core";
import {
  CERT_KINDS,
  INDICATORS,
  LISTING_STATUSES,
  MARKETPLACE_CODES,
  OCOP_GROUPS,
  ORDER_STATUSES,
  PAYMENT_CHANNELS,
  PAYMENT_STATUSES,
  PRODUCER_KINDS,
  PRODUCER_STATUSES,
  PRODUCT_STATUSES,
  ROLES,
  SALES_CHANNELS,
} from "./vocabulary";

export * from "./vocabulary";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;
const createdAt = () => text("created_at").notNull().default(now);
const updatedAt = () => text("updated_at").notNull().default(now);

// ---------------------------------------------------------------- places

/**
 * Provincial units. The 34 current units (since 1 July 2025) have `is_current = 1` and
 * `successor_id` = their own id; the 29 former provinces that were merged away have
 * `is_current = 0` and point at the unit that absorbed them. A current unit that kept a
 * former name (Lào Cai ← Lào Cai + Yên Bái) is one row: 34 + 29 = the 63 former units.
 */
export const provinces = sqliteTable(
  "provinces",
  {
    id: integer("id").primaryKey(),
    code: text("code").notNull(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    nameEn: text("name_en").notNull(),
    kind: text("kind", { enum: ["city", "province"] }).notNull(),
    isCurrent: integer("is_current", { mode: "boolean" }).notNull(),
    successorId: integer("successor_id").references((): AnySQLiteColumn => provinces.id),
  },
  (t) => [index("provinces_successor_idx").on(t.successorId)],
);

export const communes = sqliteTable(
  "communes",
  {
    id: integer("id").primaryKey(),
    provinceId: integer("province_id")
      .notNull()
      .references(() => provinces.id),
    name: text("name").notNull(),
    kind: text("kind", { enum: ["commune", "ward", "special_zone"] }).notNull(),
    /** The province it belonged to before 1 July 2025 (for "formerly Bến Tre" and old records). */
    formerProvinceId: integer("former_province_id").references(() => provinces.id),
  },
  (t) => [uniqueIndex("communes_province_name_uq").on(t.provinceId, t.name)],
);

// ---------------------------------------------------------------- producers and people

export const producers = sqliteTable(
  "producers",
  {
    id: integer("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    kind: text("kind", { enum: PRODUCER_KINDS }).notNull(),
    name: text("name").notNull(),
    taxCode: text("tax_code").unique(),
    provinceId: integer("province_id")
      .notNull()
      .references(() => provinces.id),
    communeId: integer("commune_id").references(() => communes.id),
    address: text("address").notNull().default(""),
    contactName: text("contact_name").notNull().default(""),
    phone: text("phone").notNull().default(""),
    email: text("email").notNull().default(""),
    description: text("description").notNull().default(""),
    bankBin: text("bank_bin"),
    bankAccountNumber: text("bank_account_number"),
    bankAccountName: text("bank_account_name"),
    status: text("status", { enum: PRODUCER_STATUSES }).notNull().default("pending"),
    verifiedAt: text("verified_at"),
    verifiedBy: integer("verified_by").references((): AnySQLiteColumn => users.id),
    /**
     * (issue 3) A producer that signed up with the tax code of an unclaimed producer from the
     * province's OCOP registry: verifying it moves that producer's products here.
     */
    claimsProducerId: integer("claims_producer_id").references((): AnySQLiteColumn => producers.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("producers_province_idx").on(t.provinceId, t.status),
    index("producers_commune_idx").on(t.communeId),
    check("producers_bin_ck", sql`${t.bankBin} is null or (length(${t.bankBin}) = 6)`),
  ],
);

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey(),
    /** Stored lower-cased. */
    email: text("email").notNull().unique(),
    passwordHash: text("password_hash").notNull(),
    name: text("name").notNull(),
    phone: text("phone").notNull().default(""),
    role: text("role", { enum: ROLES }).notNull(),
    /** The province an official is scoped to. */
    provinceId: integer("province_id").references(() => provinces.id),
    /** The producer a producer member belongs to. */
    producerId: integer("producer_id").references(() => producers.id),
    locale: text("locale", { enum: ["vi", "en"] }).notNull().default("vi"),
    createdAt: createdAt(),
  },
  (t) => [
    index("users_producer_idx").on(t.producerId),
    check("users_email_lower_ck", sql`${t.email} = lower(${t.email})`),
    check(
      "users_scope_ck",
      sql`(${t.role} <> 'official' or ${t.provinceId} is not null)
        and (${t.role} <> 'producer' or ${t.producerId} is not null)`,
    ),
  ],
);

/** The cookie carries a random token; only its SHA-256 is stored here. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: text("expires_at").notNull(),
    userAgent: text("user_agent").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);

// ---------------------------------------------------------------- catalogue

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
     * (issue 3) The producer's own product code, unique per producer; the key of the bulk
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

// ---------------------------------------------------------------- marketplaces

export const marketplaces = sqliteTable("marketplaces", {
  id: integer("id").primaryKey(),
  code: text("code", { enum: MARKETPLACE_CODES }).notNull().unique(),
  name: text("name").notNull(),
  /** false: no public seller API, listings go through a seller-centre upload file. */
  hasApi: integer("has_api", { mode: "boolean" }).notNull(),
});

export const marketplaceAccounts = sqliteTable(
  "marketplace_accounts",
  {
    id: integer("id").primaryKey(),
    producerId: integer("producer_id")
      .notNull()
      .references(() => producers.id),
    marketplaceId: integer("marketplace_id")
      .notNull()
      .references(() => marketplaces.id),
    externalShopId: text("external_shop_id"),
    shopName: text("shop_name").notNull().default(""),
    /** AES-GCM encrypted JSON of tokens/keys; the key comes from configuration. */
    credentialsEncrypted: text("credentials_encrypted"),
    tokenExpiresAt: text("token_expires_at"),
    status: text("status", { enum: ["connected", "expired", "revoked"] })
      .notNull()
      .default("connected"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("marketplace_accounts_uq").on(t.producerId, t.marketplaceId)],
);

export const listings = sqliteTable(
  "listings",
  {
    id: integer("id").primaryKey(),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id),
    marketplaceId: integer("marketplace_id")
      .notNull()
      .references(() => marketplaces.id),
    accountId: integer("account_id").references(() => marketplaceAccounts.id),
    externalId: text("external_id"),
    externalUrl: text("external_url"),
    status: text("status", { enum: LISTING_STATUSES }).notNull().default("pending"),
    lastError: text("last_error"),
    syncedPrice: integer("synced_price"),
    syncedStock: integer("synced_stock"),
    /** First time it went live. */
    liveSince: text("live_since"),
    lastSyncedAt: text("last_synced_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("listings_product_marketplace_uq").on(t.productId, t.marketplaceId),
    uniqueIndex("listings_external_uq").on(t.marketplaceId, t.externalId),
    index("listings_marketplace_status_idx").on(t.marketplaceId, t.status),
    index("listings_status_product_idx").on(t.status, t.productId),
  ],
);

/** Append-only history of listing status changes: "as of" indicators read it. */
export const listingEvents = sqliteTable(
  "listing_events",
  {
    id: integer("id").primaryKey(),
    listingId: integer("listing_id")
      .notNull()
      .references(() => listings.id),
    status: text("status", { enum: LISTING_STATUSES }).notNull(),
    detail: text("detail"),
    at: text("at").notNull().default(now),
  },
  (t) => [index("listing_events_listing_idx").on(t.listingId, t.at)],
);

// ---------------------------------------------------------------- orders and payments

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

/**
 * How each payment method is classified. Kept as data: whether a direct VietQR transfer
 * counts as "through an intermediary" (NAPAS switches it) is a policy question.
 */
export const paymentMethods = sqliteTable("payment_methods", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  nameEn: text("name_en").notNull(),
  channel: text("channel", { enum: PAYMENT_CHANNELS }).notNull(),
});

export const payments = sqliteTable(
  "payments",
  {
    id: integer("id").primaryKey(),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id),
    method: text("method")
      .notNull()
      .references(() => paymentMethods.code),
    /** Copied from payment_methods when the payment is created, so history does not move. */
    channel: text("channel", { enum: PAYMENT_CHANNELS }).notNull(),
    provider: text("provider").notNull(),
    providerRef: text("provider_ref"),
    amount: integer("amount").notNull(),
    status: text("status", { enum: PAYMENT_STATUSES }).notNull().default("pending"),
    paidAt: text("paid_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("payments_order_idx").on(t.orderId),
    index("payments_provider_ref_idx").on(t.provider, t.providerRef),
    // The few payments that can still expire (the expiry job reads them every minute), among
    // millions settled and thousands of cash-on-delivery ones waiting for their courier. A query
    // uses it only when its WHERE repeats each of these terms.
    index("payments_open_idx")
      .on(t.status, t.createdAt)
      .where(sql`status in ('pending', 'authorized') and method <> 'cod'`),
    check("payments_amount_ck", sql`${t.amount} > 0`),
  ],
);

/** Append-only: every webhook/IPN/return and every state change of a payment. */
export const paymentEvents = sqliteTable(
  "payment_events",
  {
    id: integer("id").primaryKey(),
    paymentId: integer("payment_id").references(() => payments.id),
    provider: text("provider").notNull(),
    /** The provider's own event/transaction id; a replay hits the unique index. */
    eventId: text("event_id").notNull(),
    type: text("type").notNull(),
    status: text("status", { enum: PAYMENT_STATUSES }),
    payload: text("payload").notNull().default("{}"),
    receivedAt: text("received_at").notNull().default(now),
  },
  (t) => [
    uniqueIndex("payment_events_provider_event_uq").on(t.provider, t.eventId),
    index("payment_events_payment_idx").on(t.paymentId),
  ],
);

// ---------------------------------------------------------------- targets


export const provinceTargets = sqliteTable(
  "province_targets",
  {
    id: integer("id").primaryKey(),
    provinceId: integer("province_id")
      .notNull()
      .references(() => provinces.id),
    indicator: text("indicator", { enum: INDICATORS }).notNull(),
    year: integer("year").notNull(),
    /** Target in basis points: 8000 = 80%. */
    targetBp: integer("target_bp").notNull(),
    /** The plan or decision the target comes from. */
    source: text("source").notNull().default(""),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("province_targets_uq").on(t.provinceId, t.indicator, t.year),
    check("province_targets_bp_ck", sql`${t.targetBp} between 0 and 10000`),
  ],
);

// ---------------------------------------------------------------- notifications

/**
 * E-mails the app would send (order confirmations, member invitations…), written in the same
 * transaction as the change they report. No mail server is configured: the demo shows them.
 */
export const emailOutbox = sqliteTable(
  "email_outbox",
  {
    id: integer("id").primaryKey(),
    /** What kind of message, e.g. "order_placed", "member_invite". */
    kind: text("kind").notNull(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    bodyText: text("body_text").notNull(),
    /** Set when a mailer has handed it over (none yet). */
    sentAt: text("sent_at"),
    createdAt: createdAt(),
  },
  (t) => [index("email_outbox_created_idx").on(t.createdAt)],
);

// ---------------------------------------------------------------- indicators

/**
 * Daily sales rollup for the officials' indicators: orders and their value per placed day
 * (Asia/Ho_Chi_Minh), seller province, sales channel, order status and the method and channel of
 * the order's latest payment ('' when it has none). Kept by triggers on orders and payments
 * (db/migrations/0004_sales_rollup.sql), in the same transaction as every change, so dashboards
 * never scan the orders table. `db/rollups.ts` rebuilds it from scratch and checks it.
 */
export const salesDaily = sqliteTable(
  "sales_daily",
  {
    day: text("day").notNull(),
    provinceId: integer("province_id").notNull(),
    channel: text("channel", { enum: SALES_CHANNELS }).notNull(),
    status: text("status", { enum: ORDER_STATUSES }).notNull(),
    method: text("method").notNull(),
    payChannel: text("pay_channel").notNull(),
    orders: integer("orders").notNull(),
    value: integer("value").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.provinceId, t.channel, t.status, t.method, t.payChannel] }),
    index("sales_daily_province_day_idx").on(t.provinceId, t.day),
  ],
);

/**
 * sales_daily summed by month ("yyyy-MM"), kept by triggers on sales_daily itself, so twelve
 * months of national figures read a few thousand rows instead of a year of days.
 */
export const salesMonthly = sqliteTable(
  "sales_monthly",
  {
    month: text("month").notNull(),
    provinceId: integer("province_id").notNull(),
    channel: text("channel", { enum: SALES_CHANNELS }).notNull(),
    status: text("status", { enum: ORDER_STATUSES }).notNull(),
    method: text("method").notNull(),
    payChannel: text("pay_channel").notNull(),
    orders: integer("orders").notNull(),
    value: integer("value").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.month, t.provinceId, t.channel, t.status, t.method, t.payChannel] }),
    index("sales_monthly_province_idx").on(t.provinceId, t.month),
  ],
);

/**
 * Counters bumped by triggers whenever the data behind a family of indicators changes
 * ("registry": products, producers, certificates, listing events), so a process can keep
 * computed figures in memory and know, with one read, whether they are still true.
 */
export const changeCounters = sqliteTable("change_counters", {
  name: text("name").primaryKey(),
  n: integer("n").notNull().default(0),
});

// ---------------------------------------------------------------- cart, shipping, payment sessions, order history
// (issue 4: cart, checkout and payments)

/**
 * A shopper's cart. A guest's cart is found by the SHA-256 of the random token in its cookie;
 * at log-in it is merged into the account's cart (one per user) and deleted.
 */
export const carts = sqliteTable(
  "carts",
  {
    id: integer("id").primaryKey(),
    tokenHash: text("token_hash").unique(),
    userId: integer("user_id")
      .unique()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [check("carts_owner_ck", sql`(${t.tokenHash} is null) <> (${t.userId} is null)`)],
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
 * One attempt to pay a whole checkout (all its orders) through a payment provider. The
 * provider knows it by `reference` (vnp_TxnRef, MoMo orderId, Stripe client_reference_id);
 * the payments of the checkout's orders (one per order) carry the state. VietQR and COD need
 * none: a VietQR transfer goes to each producer's own account, matched on the order code.
 */
export const paymentSessions = sqliteTable(
  "payment_sessions",
  {
    id: integer("id").primaryKey(),
    reference: text("reference").notNull().unique(),
    checkoutCode: text("checkout_code").notNull().unique(),
    method: text("method")
      .notNull()
      .references(() => paymentMethods.code),
    provider: text("provider").notNull(),
    amount: integer("amount").notNull(),
    /** The provider's own id for the session (Stripe cs_…, MoMo requestId), once created. */
    providerSessionId: text("provider_session_id"),
    /** Where the shopper pays; null until the provider has answered. */
    payUrl: text("pay_url"),
    /** The last error creating it at the provider (shown with a "try again" button). */
    lastError: text("last_error"),
    /** Creates tried so far: each retry after an error gets its own Idempotency-Key. */
    attempts: integer("attempts").notNull().default(0),
    /** After this instant, unpaid orders of the checkout are cancelled by the expiry job. */
    expiresAt: text("expires_at").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("payment_sessions_provider_idx").on(t.provider, t.providerSessionId),
    check("payment_sessions_amount_ck", sql`${t.amount} > 0`),
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

// ---------------------------------------------------------------- producer workspace (issue 3)

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

/** An e-mailed invitation to join a producer; the link carries a token whose SHA-256 is kept. */
export const producerInvitations = sqliteTable(
  "producer_invitations",
  {
    id: integer("id").primaryKey(),
    producerId: integer("producer_id")
      .notNull()
      .references(() => producers.id),
    /** Stored lower-cased. */
    email: text("email").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    invitedBy: integer("invited_by")
      .notNull()
      .references(() => users.id),
    expiresAt: text("expires_at").notNull(),
    acceptedAt: text("accepted_at"),
    acceptedUserId: integer("accepted_user_id").references(() => users.id),
    revokedAt: text("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [index("producer_invitations_producer_idx").on(t.producerId, t.createdAt)],
);

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
// ---------------------------------------------------------------- marketplace connector (issue 5)
// The sync queue, what the connector remembers per listing, category mapping and per-marketplace
// settings. Triggers (db/migrations/*_connector_triggers.sql) enqueue a listing job whenever a
// product's price, stock, content or status changes, whatever code path changed it.

export const SYNC_JOB_KINDS = ["listing", "import_orders"] as const;
export type SyncJobKind = (typeof SYNC_JOB_KINDS)[number];
/** queued → running (leased) → done | dead (a person must look; "retry" puts it back to queued). */
export const SYNC_JOB_STATUSES = ["queued", "running", "done", "dead"] as const;
export type SyncJobStatus = (typeof SYNC_JOB_STATUSES)[number];

/**
 * One row per (marketplace, idempotency key): "listing:{productId}" or "orders:{accountId}".
 * Re-enqueueing an existing key never adds a row: a queued job stays one job (it reads the
 * product's latest state when it runs), a running one is marked `dirty` and runs once more
 * after it finishes, a done or dead one is queued again.
 */
export const syncJobs = sqliteTable(
  "sync_jobs",
  {
    id: integer("id").primaryKey(),
    kind: text("kind", { enum: SYNC_JOB_KINDS }).notNull(),
    marketplaceId: integer("marketplace_id")
      .notNull()
      .references(() => marketplaces.id),
    accountId: integer("account_id")
      .notNull()
      .references(() => marketplaceAccounts.id),
    productId: integer("product_id").references(() => products.id),
    idempotencyKey: text("idempotency_key").notNull(),
    /** JSON, validated by the job kind's zod schema when claimed. */
    payload: text("payload").notNull().default("{}"),
    status: text("status", { enum: SYNC_JOB_STATUSES }).notNull().default("queued"),
    /** Enqueued again while running: run once more when this run ends. */
    dirty: integer("dirty", { mode: "boolean" }).notNull().default(false),
    /** Runs started (a claim counts; a rate-limited run is given back). The limit is configuration. */
    attempts: integer("attempts").notNull().default(0),
    availableAt: text("available_at").notNull().default(now),
    /** The claim: a random id and until when it holds. Finishing needs the same lease id. */
    leaseId: text("lease_id"),
    leaseExpiresAt: text("lease_expires_at"),
    lastError: text("last_error"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    finishedAt: text("finished_at"),
  },
  (t) => [
    uniqueIndex("sync_jobs_key_uq").on(t.marketplaceId, t.idempotencyKey),
    index("sync_jobs_ready_idx").on(t.status, t.availableAt),
    index("sync_jobs_lease_idx").on(t.status, t.leaseExpiresAt),
    index("sync_jobs_account_idx").on(t.accountId, t.status),
    index("sync_jobs_product_idx").on(t.productId),
    check("sync_jobs_attempts_ck", sql`${t.attempts} >= 0`),
  ],
);

/**
 * What the connector remembers about a listing beyond its public status: the seller SKU it
 * created it under (looked up before any second create, so a lost response never makes a
 * duplicate), the content last sent, the marketplace's review ticket, and the last error as
 * a code the interface turns into "what to fix".
 */
export const listingSync = sqliteTable("listing_sync", {
  listingId: integer("listing_id")
    .primaryKey()
    .references(() => listings.id, { onDelete: "cascade" }),
  sellerSku: text("seller_sku").notNull(),
  /** Set before the first create call is sent: from then on, look the SKU up before creating. */
  createSentAt: text("create_sent_at"),
  /** sha256 of the name, description, weight, category and photos last sent. */
  contentHash: text("content_hash"),
  /** Tiki's product request / TikTok's audited product id while the marketplace reviews it. */
  reviewRef: text("review_ref"),
  /** The SKU id some marketplaces need to update price and stock (TikTok Shop, Lazada). */
  externalSkuId: text("external_sku_id"),
  errorCode: text("error_code"),
  /** The marketplace's own words, kept for support. */
  errorDetail: text("error_detail"),
  updatedAt: updatedAt(),
});

/** A "publish" the producer started: the progress bar counts its listings out of pending. */
export const syncBatches = sqliteTable(
  "sync_batches",
  {
    id: integer("id").primaryKey(),
    producerId: integer("producer_id")
      .notNull()
      .references(() => producers.id),
    createdAt: createdAt(),
  },
  (t) => [index("sync_batches_producer_idx").on(t.producerId, t.createdAt)],
);

export const syncBatchItems = sqliteTable(
  "sync_batch_items",
  {
    batchId: integer("batch_id")
      .notNull()
      .references(() => syncBatches.id, { onDelete: "cascade" }),
    listingId: integer("listing_id")
      .notNull()
      .references(() => listings.id, { onDelete: "cascade" }),
  },
  (t) => [uniqueIndex("sync_batch_items_uq").on(t.batchId, t.listingId)],
);

/** How fast the worker may call each marketplace, per connected shop. Editable by an admin. */
export const marketplaceSettings = sqliteTable(
  "marketplace_settings",
  {
    marketplaceId: integer("marketplace_id")
      .primaryKey()
      .references(() => marketplaces.id),
    callsPerSecond: integer("calls_per_second").notNull(),
    maxInFlight: integer("max_in_flight").notNull(),
    /** How often to import orders from each connected shop. */
    orderImportMinutes: integer("order_import_minutes").notNull().default(10),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("marketplace_settings_ck", sql`${t.callsPerSecond} > 0 and ${t.maxInFlight} > 0 and ${t.orderImportMinutes} > 0`),
  ],
);

/**
 * The app's categories mapped to each marketplace's category id and the attributes that
 * category requires. Defaults come from db/reference/connector.ts; an admin edits them.
 */
export const marketplaceCategoryMap = sqliteTable(
  "marketplace_category_map",
  {
    id: integer("id").primaryKey(),
    marketplaceId: integer("marketplace_id")
      .notNull()
      .references(() => marketplaces.id),
    categoryId: integer("category_id")
      .notNull()
      .references(() => categories.id),
    externalCategoryId: text("external_category_id").notNull(),
    externalCategoryName: text("external_category_name").notNull().default(""),
    /** JSON object of attribute name → fixed value ("brand": "No Brand"). */
    attributes: text("attributes").notNull().default("{}"),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("marketplace_category_map_uq").on(t.marketplaceId, t.categoryId)],
);

/** Where each shop's order import has got to (the end of the last window fully read). */
export const marketplaceOrderCursors = sqliteTable("marketplace_order_cursors", {
  accountId: integer("account_id")
    .primaryKey()
    .references(() => marketplaceAccounts.id, { onDelete: "cascade" }),
  importedUntil: text("imported_until").notNull(),
  updatedAt: updatedAt(),
});

/** OAuth "state" of a connection the producer started: only its hash, short-lived. */
export const marketplaceConnectStates = sqliteTable("marketplace_connect_states", {
  stateHash: text("state_hash").primaryKey(),
  producerId: integer("producer_id")
    .notNull()
    .references(() => producers.id),
  marketplaceId: integer("marketplace_id")
    .notNull()
    .references(() => marketplaces.id),
  expiresAt: text("expires_at").notNull(),
});
