// Postmart.vn and Voso.vn: the producer's listings there are exported to the seller-centre
// upload file, then wait ("exported, awaiting confirmation") until the producer says the
// marketplace has them live, or refused them and why.
import { db, statement } from "~/db.server";
import { vietnamToday } from "~/i18n/format";
import { MARKETPLACES } from "#db/reference/marketplaces";
import type { ListingStatus, MarketplaceCode } from "#db/vocabulary";
import { errorText } from "./listing-state.server";
import { fileAdapter } from "./registry.server";
import { listingSnapshot, loadProductState } from "./snapshot.server";
import type { ListingSnapshot } from "./types";

export type FileListing = { id: number; productId: number; name: string; price: number; stock: number; status: ListingStatus; lastError: string | null; syncedPrice: number | null; syncedStock: number | null };

export function fileListings(producerId: number, code: MarketplaceCode): FileListing[] {
  return statement(
    `SELECT l.id, p.id AS productId, p.name, p.price, p.stock, l.status, l.last_error AS lastError, l.synced_price AS syncedPrice, l.synced_stock AS syncedStock
     FROM listings l JOIN products p ON p.id = l.product_id JOIN marketplaces m ON m.id = l.marketplace_id
     WHERE p.producer_id = ? AND m.code = ? AND m.has_api = 0 AND l.status <> 'delisted' ORDER BY p.name, p.id`,
  ).all(producerId, code) as FileListing[];
}

/**
 * The upload file with every listing still to be (re)sent: new ones, and live ones whose price or
 * stock changed since the last file. Those listings become "exported".
 */
export async function exportFile(producerId: number, code: MarketplaceCode): Promise<{ file: Buffer; fileName: string; count: number } | null> {
  const adapter = fileAdapter(code);
  const due = fileListings(producerId, code).filter(
    (l) => l.status === "pending" || l.status === "exported" || (l.status === "live" && (l.syncedPrice !== l.price || l.syncedStock !== l.stock)),
  );
  if (due.length === 0) return null;
  const marketplaceId = (statement(`SELECT id FROM marketplaces WHERE code = ?`).get(code) as { id: number }).id;
  const snapshots: ListingSnapshot[] = [];
  for (const l of due) snapshots.push(await listingSnapshot(loadProductState(l.productId, marketplaceId)!));
  const file = await adapter.exportFile(snapshots);
  const { name } = MARKETPLACES[code];
  db().$client.transaction(() => {
    const now = new Date().toISOString();
    for (const [i, l] of due.entries()) {
      const s = snapshots[i]!;
      const next = l.status === "live" ? "live" : "exported";
      statement(`UPDATE listings SET status = ?, synced_price = ?, synced_stock = ?, last_synced_at = ?, updated_at = ? WHERE id = ?`).run(next, s.price, s.stock, now, now, l.id);
      if (next !== l.status) statement(`INSERT INTO listing_events (listing_id, status, detail, at) VALUES (?, ?, ?, ?)`).run(l.id, next, `Đã xuất tệp tải lên ${name}`, now);
    }
  })();
  return { file, fileName: adapter.fileName(vietnamToday()), count: due.length };
}

/** The producer tells what the marketplace did with an exported listing. */
export function confirmFileListing(producerId: number, code: MarketplaceCode, listingId: number, outcome: "live" | "rejected", reason: string | null): boolean {
  const listing = fileListings(producerId, code).find((l) => l.id === listingId);
  if (!listing) return false;
  db().$client.transaction(() => {
    const now = new Date().toISOString();
    const detail = outcome === "live" ? "Người bán xác nhận đã đăng" : reason;
    const lastError = outcome === "rejected" ? errorText("other", reason) : null;
    statement(`UPDATE listings SET status = ?, last_error = ?, updated_at = ? WHERE id = ?`).run(outcome, lastError, now, listingId);
    statement(`UPDATE listing_sync SET error_code = ?, error_detail = ? WHERE listing_id = ?`).run(outcome === "rejected" ? "other" : null, reason, listingId);
    if (outcome !== listing.status) {
      statement(`INSERT INTO listing_events (listing_id, status, detail, at) VALUES (?, ?, ?, ?)`).run(listingId, outcome, detail, now);
      if (outcome === "live") statement(`UPDATE listings SET live_since = coalesce(live_since, ?) WHERE id = ?`).run(now, listingId);
    }
  })();
  return true;
}
