// Postmart.vn and Voso.vn: the producer's listings there are exported to the seller-centre
// upload file, then wait ("exported, awaiting confirmation") until the producer says the
// marketplace has them live, or refused them and why.
import { db, statement } from "~/db.server";
import { vietnamToday } from "~/i18n/format";
import { MARKETPLACES } from "#db/reference/marketplaces";
import type { ListingStatus, MarketplaceCode } from "#db/vocabulary";
import { marketplaceId } from "./accounts.server";
import { updateListing } from "./listing-state.server";
import { fileAdapter } from "./registry.server";
import { listingSnapshot, loadProductState } from "./snapshot.server";
import type { ListingSnapshot } from "./types";

export type FileListing = { id: number; productId: number; name: string; price: number; stock: number; status: ListingStatus; lastError: string | null; syncedPrice: number | null; syncedStock: number | null };

export function fileListings(producerId: number, code: MarketplaceCode): FileListing[] {
  return statement<[producerId: number, code: MarketplaceCode], FileListing>(
    `SELECT l.id, p.id AS productId, p.name, p.price, p.stock, l.status, l.last_error AS lastError, l.synced_price AS syncedPrice, l.synced_stock AS syncedStock
     FROM listings l JOIN products p ON p.id = l.product_id JOIN marketplaces m ON m.id = l.marketplace_id
     WHERE p.producer_id = ? AND m.code = ? AND m.has_api = 0 AND l.status <> 'delisted' ORDER BY p.name, p.id`,
  ).all(producerId, code);
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
  const mid = marketplaceId(code);
  const snapshots: ListingSnapshot[] = [];
  for (const l of due) snapshots.push(await listingSnapshot(loadProductState(l.productId, mid)!));
  const file = await adapter.exportFile(snapshots);
  const { name } = MARKETPLACES[code];
  db().$client.transaction(() => {
    for (const [i, l] of due.entries()) {
      const s = snapshots[i]!;
      const status = l.status === "live" ? "live" : "exported";
      updateListing(l.id, { status, detail: `Đã xuất tệp tải lên ${name}`, syncedPrice: s.price, syncedStock: s.stock });
    }
  })();
  return { file, fileName: adapter.fileName(vietnamToday()), count: due.length };
}

/** The producer tells what the marketplace did with an exported listing. */
export function confirmFileListing(producerId: number, code: MarketplaceCode, listingId: number, outcome: "live" | "rejected", reason: string | null): boolean {
  const listing = fileListings(producerId, code).find((l) => l.id === listingId);
  if (!listing) return false;
  updateListing(listingId, {
    status: outcome,
    detail: outcome === "live" ? "Người bán xác nhận đã đăng" : reason,
    error: outcome === "rejected" ? { code: "other", detail: reason } : null,
  });
  return true;
}
