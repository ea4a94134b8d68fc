// The producer's "publish everywhere": a listing per chosen product and marketplace, a sync job
// per listing on an API marketplace (in the same transaction), and a batch the progress bar
// follows. Products that a marketplace's rules block are refused up front with their problems.
import { readiness, type ReadinessProblem } from "~/catalog/readiness";
import { db, statement } from "~/db.server";
import type { ListingStatus, MarketplaceCode } from "#db/vocabulary";
import { producerAccounts } from "./accounts.server";
import { requestPublish, updateListing } from "./listing-state.server";
import { enqueue } from "./queue.server";
import { loadProductState } from "./snapshot.server";

export type PublishResult = {
  batchId: number | null;
  queued: number;
  refused: { productId: number; code: MarketplaceCode; problems: ReadinessProblem[] }[];
  /** Marketplaces chosen without a usable account. */
  notConnected: MarketplaceCode[];
};

export function publish(producerId: number, productIds: number[], codes: MarketplaceCode[]): PublishResult {
  const accounts = new Map(producerAccounts(producerId).map((a) => [a.code, a]));
  const notConnected = codes.filter((c) => !accounts.get(c)?.usable);
  const targets = codes.filter((c) => accounts.get(c)?.usable).map((c) => accounts.get(c)!);
  const own = new Set(
    statement<[producerId: number, productIds: string], { id: number }>(
      `SELECT id FROM products WHERE producer_id = ? AND status = 'active' AND id IN (SELECT value FROM json_each(?))`,
    ).all(producerId, JSON.stringify(productIds)).map((r) => r.id),
  );
  const result: PublishResult = { batchId: null, queued: 0, refused: [], notConnected };
  if (own.size === 0 || targets.length === 0) return result;

  db().$client.transaction(() => {
    const now = new Date().toISOString();
    const batchId = Number(statement(`INSERT INTO sync_batches (producer_id, created_at) VALUES (?, ?)`).run(producerId, now).lastInsertRowid);
    for (const productId of own) {
      for (const account of targets) {
        const state = loadProductState(productId, account.marketplaceId)!;
        const problems = readiness(state.readinessInput, account.code);
        if (problems.some((p) => p.severity === "blocker")) {
          result.refused.push({ productId, code: account.code, problems });
          continue;
        }
        const listingId = requestPublish(productId, account.marketplaceId, account.accountId!);
        if (!account.hasApi) continue; // file marketplaces wait for the export
        enqueue({ kind: "listing", marketplaceId: account.marketplaceId, accountId: account.accountId!, productId, key: `listing:${productId}`, payload: { productId } });
        statement(`INSERT INTO sync_batch_items (batch_id, listing_id) VALUES (?, ?) ON CONFLICT DO NOTHING`).run(batchId, listingId);
        result.queued++;
      }
    }
    result.batchId = result.queued > 0 ? batchId : null;
    if (result.queued === 0) statement(`DELETE FROM sync_batches WHERE id = ?`).run(batchId);
  })();
  return result;
}

export type BatchProgress = { batchId: number; total: number; done: number; live: number; inReview: number; rejected: number; failed: number; pending: number };

/** How far a batch has got: its listings out of "pending". Scoped to the producer. */
export function batchProgress(producerId: number, batchId: number): BatchProgress | null {
  const row = statement<[batchId: number, producerId: number], Omit<BatchProgress, "batchId" | "done">>(
    `SELECT count(*) AS total, sum(l.status = 'live') AS live, sum(l.status = 'in_review') AS inReview, sum(l.status = 'rejected') AS rejected,
       sum(l.status IN ('error', 'delisted')) AS failed, sum(l.status = 'pending') AS pending
     FROM sync_batches b JOIN sync_batch_items i ON i.batch_id = b.id JOIN listings l ON l.id = i.listing_id
     WHERE b.id = ? AND b.producer_id = ?`,
  ).get(batchId, producerId);
  if (!row || row.total === 0) return null;
  return { batchId, ...row, done: row.total - row.pending };
}

export function latestBatchId(producerId: number): number | null {
  const row = statement<[producerId: number], { id: number }>(`SELECT id FROM sync_batches WHERE producer_id = ? ORDER BY id DESC LIMIT 1`).get(producerId);
  return row?.id ?? null;
}

/** Puts the producer's failed listings (or the given ones) back in the queue. */
export function retryListings(producerId: number, listingIds: number[] | null): number {
  const rows = statement<[producerId: number, some: 1 | null, listingIds: string], { id: number; productId: number; marketplaceId: number; accountId: number; status: ListingStatus }>(
    `SELECT l.id, l.product_id AS productId, l.marketplace_id AS marketplaceId, a.id AS accountId, l.status
     FROM listings l JOIN products p ON p.id = l.product_id JOIN marketplaces m ON m.id = l.marketplace_id AND m.has_api = 1
     JOIN marketplace_accounts a ON a.producer_id = p.producer_id AND a.marketplace_id = l.marketplace_id
     WHERE p.producer_id = ? AND l.status IN ('error', 'rejected', 'pending', 'live', 'in_review')
       AND (? IS NULL OR l.id IN (SELECT value FROM json_each(?)))`,
  ).all(producerId, listingIds ? 1 : null, JSON.stringify(listingIds ?? []));
  const targets = listingIds ? rows : rows.filter((r) => r.status === "error" || r.status === "rejected");
  db().$client.transaction(() => {
    for (const r of targets) {
      if (r.status === "error" || r.status === "rejected") updateListing(r.id, { status: "pending", detail: "Người bán bấm thử lại" });
      enqueue({ kind: "listing", marketplaceId: r.marketplaceId, accountId: r.accountId, productId: r.productId, key: `listing:${r.productId}`, payload: { productId: r.productId } });
    }
  })();
  return targets.length;
}
