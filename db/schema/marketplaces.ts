// The marketplace connector: the marketplaces and their settings, producers' connected shops,
// listings and their history, and the sync queue. Triggers (db/migrations/*_connector_triggers.sql)
// enqueue a listing job whenever a product's price, stock, content or status changes, whatever code
// path changed it.
import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { LISTING_STATUSES, MARKETPLACE_CODES } from "../vocabulary";
import { createdAt, now, updatedAt } from "./columns";
import { categories, products } from "./catalogue";
import { producers } from "./people";

export const marketplaces = sqliteTable("marketplaces", {
  id: integer("id").primaryKey(),
  code: text("code", { enum: MARKETPLACE_CODES }).notNull().unique(),
  name: text("name").notNull(),
  /** false: no public seller API, listings go through a seller-centre upload file. */
  hasApi: integer("has_api", { mode: "boolean" }).notNull(),
});

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

/** Where each shop's order import has got to (the end of the last window fully read). */
export const marketplaceOrderCursors = sqliteTable("marketplace_order_cursors", {
  accountId: integer("account_id")
    .primaryKey()
    .references(() => marketplaceAccounts.id, { onDelete: "cascade" }),
  importedUntil: text("imported_until").notNull(),
  updatedAt: updatedAt(),
});

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
