// What an administrator looks after: how fast each marketplace is called, where the app's
// categories go on each marketplace (and the attributes they need), and the sync queue's
// dead letters (putting them back is the queue's own retryDead).
import { statement } from "~/db.server";
import type { MarketplaceCode } from "#db/vocabulary";
import { queueStats } from "./queue.server";

/** API marketplaces only: the file ones are never called. */
export type SettingsRow = { marketplaceId: number; code: MarketplaceCode; name: string; callsPerSecond: number; maxInFlight: number; orderImportMinutes: number };

export function settingsRows(): SettingsRow[] {
  return statement<[], SettingsRow>(
    `SELECT m.id AS marketplaceId, m.code, m.name, s.calls_per_second AS callsPerSecond, s.max_in_flight AS maxInFlight, s.order_import_minutes AS orderImportMinutes
     FROM marketplaces m JOIN marketplace_settings s ON s.marketplace_id = m.id WHERE m.has_api = 1 ORDER BY m.id`,
  ).all();
}

export function updateSettings(marketplaceId: number, v: { callsPerSecond: number; maxInFlight: number; orderImportMinutes: number }): boolean {
  return (
    statement(
      `UPDATE marketplace_settings SET calls_per_second = ?, max_in_flight = ?, order_import_minutes = ?, updated_at = ? WHERE marketplace_id = ?`,
    ).run(v.callsPerSecond, v.maxInFlight, v.orderImportMinutes, new Date().toISOString(), marketplaceId).changes === 1
  );
}

export type MappingRow = { id: number; category: string; ocopGroup: string; externalCategoryId: string; externalCategoryName: string; attributes: Record<string, string> };

export function marketplaceNames(): { code: MarketplaceCode; name: string }[] {
  return statement<[], { code: MarketplaceCode; name: string }>(`SELECT code, name FROM marketplaces ORDER BY id`).all();
}

export function mappingRows(code: MarketplaceCode): MappingRow[] {
  return statement<[code: MarketplaceCode], Omit<MappingRow, "attributes"> & { attributes: string }>(
    `SELECT x.id, c.name AS category, c.ocop_group AS ocopGroup, x.external_category_id AS externalCategoryId,
       x.external_category_name AS externalCategoryName, x.attributes
     FROM marketplace_category_map x JOIN categories c ON c.id = x.category_id JOIN marketplaces m ON m.id = x.marketplace_id
     WHERE m.code = ? ORDER BY c.id`,
  )
    .all(code)
    .map((r) => ({ ...r, attributes: JSON.parse(r.attributes) as Record<string, string> }));
}

/**
 * Saves one mapping. The listings of products in that category are due a content sync, which
 * the next edit or publish of each product sends (a mapping change does not touch the products).
 */
export function updateMapping(id: number, v: { externalCategoryId: string; externalCategoryName: string; attributes: Record<string, string> }): boolean {
  return (
    statement(
      `UPDATE marketplace_category_map SET external_category_id = ?, external_category_name = ?, attributes = ?, updated_at = ? WHERE id = ?`,
    ).run(v.externalCategoryId, v.externalCategoryName, JSON.stringify(v.attributes), new Date().toISOString(), id).changes === 1
  );
}

export type DeadJob = { id: number; kind: string; marketplace: string; producer: string; product: string | null; attempts: number; lastError: string | null; finishedAt: string | null };

export function queueOverview(): { stats: ReturnType<typeof queueStats>; dead: DeadJob[] } {
  const dead = statement<[], DeadJob>(
    `SELECT j.id, j.kind, m.name AS marketplace, pr.name AS producer, p.name AS product, j.attempts, j.last_error AS lastError, j.finished_at AS finishedAt
     FROM sync_jobs j JOIN marketplaces m ON m.id = j.marketplace_id JOIN marketplace_accounts a ON a.id = j.account_id
     JOIN producers pr ON pr.id = a.producer_id LEFT JOIN products p ON p.id = j.product_id
     WHERE j.status = 'dead' ORDER BY j.finished_at DESC LIMIT 50`,
  ).all();
  return { stats: queueStats(), dead };
}
