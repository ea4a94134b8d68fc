// Reading and changing a listing: its public row (listings), what the connector remembers
// (listing_sync), and, in the same transaction, one listing_events row per status change,
// which the officials' "as of" listing share reads.
import { db, statement } from "~/db.server";
import { translator } from "~/i18n/messages";
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
  return (statement(`${SELECT} WHERE l.product_id = ? AND l.marketplace_id = ?`).get(productId, marketplaceId) as Listing | undefined) ?? null;
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
    const current = statement(`SELECT product_id AS productId, status, live_since AS liveSince FROM listings WHERE id = ?`).get(listingId) as
      | { productId: number; status: ListingStatus; liveSince: string | null }
      | undefined;
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
    const statusChanged = patch.status !== undefined && patch.status !== current.status;
    if (statusChanged) {
      sets.push("status = @status");
      params.status = patch.status;
      if (patch.status === "live" && !current.liveSince) sets.push("live_since = @now");
    }
    statement(`UPDATE listings SET ${sets.join(", ")} WHERE id = @id`).run(params);
    if (statusChanged) {
      statement(`INSERT INTO listing_events (listing_id, status, detail, at) VALUES (?, ?, ?, ?)`).run(listingId, patch.status, patch.detail ?? null, now);
    }
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
