// "Import orders now": queues an order import for each of the producer's connected API shops.
import { statement } from "~/db.server";
import { enqueue } from "./queue.server";

export function requestOrderImport(producerId: number): number {
  const shops = statement<unknown[], { id: number; marketplaceId: number }>(
    `SELECT a.id, a.marketplace_id AS marketplaceId FROM marketplace_accounts a JOIN marketplaces m ON m.id = a.marketplace_id AND m.has_api = 1
     WHERE a.producer_id = ? AND a.status = 'connected' AND a.credentials_encrypted IS NOT NULL`,
  ).all(producerId);
  for (const s of shops) enqueue({ kind: "import_orders", marketplaceId: s.marketplaceId, accountId: s.id, key: `orders:${s.id}` });
  return shops.length;
}
