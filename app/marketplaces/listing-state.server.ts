// Reading and changing a listing: its public row (listings), what the connector remembers
// (listing_sync), and, in the same transaction, one listing_events row per status change,
// which the officials' "as of" listing share reads. The one module that writes these three
// tables (tests/unit/table-ownership.test.ts checks it), so the event rule lives here only.
import { db, statement, type Tx } from "~/db.server";
import { translator } from "~/i18n/messages";
import { note } from "~/i18n/notes";
import type { ListingStatus } from "#db/vocabulary";
import type { ListingErrorCode } from "./listing-errors";
import { sellerSku } from "./snapshot.server";

export type Listing = {
  id: number;
  productId: number;
  marketplaceId: number;
  accountId: number | null;
  externalId: string | null;
  externalUrl: string | null;
  status: ListingStatus;
  lastError: string | null;
  syncedPrice: number | null;
  syncedStock: number | null;
  liveSince: string | null;
  sellerSku: string | null;
  createSentAt: string | null;
  contentHash: string | null;
  reviewRef: string | null;
  externalSkuId: string | null;
  errorCode: ListingErrorCode | null;
};

const SELECT = `SELECT l.id, l.product_id AS productId, l.marketplace_id AS marketplaceId, l.account_id AS accountId,
  l.external_id AS externalId, l.external_url AS externalUrl, l.status, l.last_error AS lastError,
  l.synced_price AS syncedPrice, l.synced_stock AS syncedStock, l.live_since AS liveSince,
  s.seller_sku AS sellerSku, s.create_sent_at AS createSentAt, s.content_hash AS contentHash, s.review_ref AS reviewRef,
  s.external_sku_id AS externalSkuId, s.error_code AS errorCode
  FROM listings l LEFT JOIN listing_sync s ON s.listing_id = l.id`;

export function loadListing(productId: number, marketplaceId: number): Listing | null {
  return statement<[productId: number, marketplaceId: number], Listing>(`${SELECT} WHERE l.product_id = ? AND l.marketplace_id = ?`).get(productId, marketplaceId) ?? null;
}

export type ListingPatch = {
  status?: ListingStatus;
  /** The event's detail when the status changes. */
  detail?: string | null;
  externalId?: string | null;
  externalUrl?: string | null;
  accountId?: number | null;
  syncedPrice?: number | null;
  syncedStock?: number | null;
  /** Sets last_error (Vietnamese) and error_code together; null clears both. */
  error?: { code: ListingErrorCode; detail?: string | null } | null;
  sellerSku?: string;
  createSentAt?: string | null;
  contentHash?: string | null;
  reviewRef?: string | null;
  externalSkuId?: string | null;
};

const vi = translator("vi");

/** The message a producer reads for an error code, with the marketplace's own words after it. */
export function errorText(code: ListingErrorCode, detail?: string | null): string {
  const text = vi(`connector.error.${code}`);
  return detail ? `${text} (Sàn: ${detail.slice(0, 300)})` : text;
}

const LISTING_COLUMNS = {
  externalId: "external_id",
  externalUrl: "external_url",
  accountId: "account_id",
  syncedPrice: "synced_price",
  syncedStock: "synced_stock",
} as const;
const SYNC_COLUMNS = {
  sellerSku: "seller_sku",
  createSentAt: "create_sent_at",
  contentHash: "content_hash",
  reviewRef: "review_ref",
  externalSkuId: "external_sku_id",
} as const;

/** Applies the patch in one transaction; a new status also appends its listing event. */
export function updateListing(listingId: number, patch: ListingPatch): void {
  const client = db().$client;
  client.transaction(() => {
    const current = statement<[listingId: number], { productId: number; status: ListingStatus; liveSince: string | null }>(
      `SELECT product_id AS productId, status, live_since AS liveSince FROM listings WHERE id = ?`,
    ).get(listingId);
    if (!current) return;
    const now = new Date().toISOString();
    const sets: string[] = ["updated_at = @now"];
    const params: Record<string, unknown> = { id: listingId, now };
    for (const [key, column] of Object.entries(LISTING_COLUMNS)) {
      if (key in patch) {
        sets.push(`${column} = @${key}`);
        params[key] = patch[key as keyof typeof LISTING_COLUMNS] ?? null;
      }
    }
    if ("syncedPrice" in patch || "syncedStock" in patch) sets.push("last_synced_at = @now");
    if ("error" in patch) {
      sets.push("last_error = @lastError");
      params.lastError = patch.error ? errorText(patch.error.code, patch.error.detail) : null;
    }
    const next = patch.status;
    const statusChanged = next !== undefined && next !== current.status;
    if (statusChanged) {
      sets.push("status = @status");
      params.status = next;
      if (next === "live" && !current.liveSince) sets.push("live_since = @now");
    }
    statement(`UPDATE listings SET ${sets.join(", ")} WHERE id = @id`).run(params);
    if (statusChanged) recordStatus(listingId, next, patch.detail ?? null, now);
    const syncSets: string[] = [];
    const syncParams: Record<string, unknown> = { id: listingId, now };
    for (const [key, column] of Object.entries(SYNC_COLUMNS)) {
      if (key in patch) {
        syncSets.push(`${column} = @${key}`);
        syncParams[key] = patch[key as keyof typeof SYNC_COLUMNS] ?? null;
      }
    }
    if ("error" in patch) {
      syncSets.push("error_code = @errorCode", "error_detail = @errorDetail");
      syncParams.errorCode = patch.error?.code ?? null;
      syncParams.errorDetail = patch.error?.detail ?? null;
    }
    if (syncSets.length > 0) {
      ensureListingSync(listingId, sellerSku(current.productId));
      statement(`UPDATE listing_sync SET ${syncSets.join(", ")}, updated_at = @now WHERE listing_id = @id`).run(syncParams);
    }
  })();
}

/** Listings made before the connector (the demo seed, an import) get their sync row on first use. */
export function ensureListingSync(listingId: number, sku: string): void {
  statement(`INSERT INTO listing_sync (listing_id, seller_sku) VALUES (?, ?) ON CONFLICT (listing_id) DO NOTHING`).run(listingId, sku);
}

/** The one insert into listing_events: its callers write the new status in the same transaction. */
function recordStatus(listingId: number, status: ListingStatus, detail: string | null, at: string): void {
  statement(`INSERT INTO listing_events (listing_id, status, detail, at) VALUES (?, ?, ?, ?)`).run(listingId, status, detail, at);
}

/** Forgets the listing made on the marketplace (its ids, what was sent), keeping the row and its history. */
function forgetRemote(listingId: number): void {
  statement(`UPDATE listings SET external_id = NULL, external_url = NULL, synced_price = NULL, synced_stock = NULL WHERE id = ?`).run(listingId);
  statement(`UPDATE listing_sync SET create_sent_at = NULL, content_hash = NULL, review_ref = NULL, external_sku_id = NULL WHERE listing_id = ?`).run(listingId);
}

/** Statuses a new "publish" restarts; live and in-review listings are only re-synced. */
const RESTART: ListingStatus[] = ["pending", "rejected", "error", "delisted"];

/**
 * The producer asks to publish the product on the marketplace with this account: a new listing
 * waits ("pending"), a failed or taken-down one starts again, a live or in-review one keeps its
 * status. Returns the listing's id; it has its sync row.
 */
export function requestPublish(productId: number, marketplaceId: number, accountId: number): number {
  return db().$client.transaction(() => {
    const existing = statement<[productId: number, marketplaceId: number], { id: number; status: ListingStatus }>(
      `SELECT id, status FROM listings WHERE product_id = ? AND marketplace_id = ?`,
    ).get(productId, marketplaceId);
    let id: number;
    if (!existing) {
      const now = new Date().toISOString();
      id = Number(
        statement(`INSERT INTO listings (product_id, marketplace_id, account_id, status, created_at, updated_at) VALUES (?, ?, ?, 'pending', ?, ?)`).run(
          productId, marketplaceId, accountId, now, now,
        ).lastInsertRowid,
      );
      recordStatus(id, "pending", "Người bán yêu cầu đăng", now);
    } else if (RESTART.includes(existing.status)) {
      id = existing.id;
      // Taken down earlier: publishing again makes a new listing there (the old one stays hidden).
      if (existing.status === "delisted") forgetRemote(id);
      updateListing(id, { status: "pending", detail: note("relist_requested"), accountId, error: null });
    } else {
      id = existing.id;
      updateListing(id, { accountId });
    }
    ensureListingSync(id, sellerSku(productId));
    return id;
  })();
}

/**
 * The producer connected another shop on this marketplace: the old shop's listings are closed
 * (delisted, with an event) and what the connector remembered of them dropped, so publishing
 * creates them in the new shop.
 */
export function closeShopListings(accountId: number, marketplaceId: number): void {
  db().$client.transaction(() => {
    const open = statement<[marketplaceId: number, accountId: number], { id: number }>(
      `SELECT id FROM listings WHERE marketplace_id = ? AND account_id = ? AND status <> 'delisted'`,
    ).all(marketplaceId, accountId);
    for (const { id } of open) {
      forgetRemote(id);
      updateListing(id, { status: "delisted", detail: note("moved_to_other_shop") });
      statement(`DELETE FROM listing_sync WHERE listing_id = ?`).run(id);
    }
  })();
}

/**
 * A claimed registry copy merged into the claimant's product (app/registry/claims.server.ts): the
 * copy's listings move to `toProductId` on every marketplace where it has none (one listing per
 * product and marketplace). Returns how many stay on `fromProductId` (both were listed there).
 */
export function reassignProductListings(_tx: Tx, fromProductId: number, toProductId: number): number {
  statement<{ from: number; to: number }>(
    `UPDATE listings SET product_id = @to WHERE product_id = @from
       AND marketplace_id NOT IN (SELECT marketplace_id FROM listings WHERE product_id = @to)`,
  ).run({ from: fromProductId, to: toProductId });
  return statement<[number], { n: number }>(`SELECT count(*) AS n FROM listings WHERE product_id = ?`).get(fromProductId)!.n;
}
