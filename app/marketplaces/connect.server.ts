// Connecting a producer's shop: the OAuth round trip (a single-use, short-lived state bound to
// the producer), the token exchange, and storing the shop with its tokens encrypted. A shop
// different from the one on record is another shop: the old shop's listings are closed
// (delisted, with an event) so publishing creates them in the new one.
import { createHash, randomBytes } from "node:crypto";
import { db, statement } from "~/db.server";
import { env } from "~/env.server";
import type { MarketplaceCode } from "#db/vocabulary";
import { connectorEnv } from "./config.server";
import { encryptCredentials } from "./credentials.server";
import { createHttpClient } from "./http.server";
import { ADAPTERS } from "./registry.server";
import { MarketplaceError, type ConnectedShop } from "./types";

const STATE_TTL_MS = 15 * 60_000;
const hash = (s: string) => createHash("sha256").update(s).digest("hex");

/** Where the marketplace sends the producer back (the seller-centre page of that marketplace). */
export function callbackUrl(code: MarketplaceCode): string {
  return `${env().PUBLIC_URL.replace(/\/$/, "")}/kenh-nguoi-ban/san-tmdt/ket-noi/${code}`;
}

function marketplaceId(code: MarketplaceCode): number {
  return (statement(`SELECT id FROM marketplaces WHERE code = ?`).get(code) as { id: number }).id;
}

/** The marketplace's consent page for this producer (API marketplaces). */
export function startConnect(producerId: number, code: MarketplaceCode, now = Date.now()): string {
  const adapter = ADAPTERS[code];
  if (adapter.kind !== "api") throw new Error(`${code} has no API to connect`);
  const state = randomBytes(24).toString("base64url");
  statement(`DELETE FROM marketplace_connect_states WHERE expires_at < ?`).run(new Date(now).toISOString());
  statement(`INSERT INTO marketplace_connect_states (state_hash, producer_id, marketplace_id, expires_at) VALUES (?, ?, ?, ?)`).run(
    hash(state), producerId, marketplaceId(code), new Date(now + STATE_TTL_MS).toISOString(),
  );
  return adapter.authorizeUrl(state, callbackUrl(code));
}

export type ConnectResult = { ok: true; shopName: string } | { ok: false; error: "state" | "denied" | "failed"; detail?: string };

/** The marketplace sent the producer back with a code: exchange it and store the shop. */
export async function finishConnect(producerId: number, code: MarketplaceCode, query: URLSearchParams, now = Date.now()): Promise<ConnectResult> {
  const adapter = ADAPTERS[code];
  if (adapter.kind !== "api") return { ok: false, error: "failed" };
  const state = query.get("state") ?? "";
  const used = statement(
    `DELETE FROM marketplace_connect_states WHERE state_hash = ? AND producer_id = ? AND marketplace_id = ? AND expires_at >= ?`,
  ).run(hash(state), producerId, marketplaceId(code), new Date(now).toISOString()).changes;
  if (used !== 1) return { ok: false, error: "state" };
  if (query.get("error") || !query.get("code")) return { ok: false, error: "denied", detail: query.get("error") ?? undefined };
  try {
    const http = createHttpClient({ timeoutMs: connectorEnv().SYNC_HTTP_TIMEOUT_MS });
    const shop = await adapter.exchangeCode(http, query, callbackUrl(code));
    saveAccount(producerId, code, shop);
    return { ok: true, shopName: shop.shopName };
  } catch (error) {
    if (error instanceof MarketplaceError) return { ok: false, error: "failed", detail: error.detail };
    throw error;
  }
}

/** Stores the connected shop (one account per producer and marketplace). */
export function saveAccount(producerId: number, code: MarketplaceCode, shop: ConnectedShop | null): number {
  const mid = marketplaceId(code);
  const client = db().$client;
  return client.transaction(() => {
    const now = new Date().toISOString();
    const existing = statement(`SELECT id, external_shop_id AS shopId FROM marketplace_accounts WHERE producer_id = ? AND marketplace_id = ?`).get(producerId, mid) as
      | { id: number; shopId: string | null }
      | undefined;
    const values = {
      producerId,
      mid,
      shopId: shop?.shopId ?? null,
      shopName: shop?.shopName ?? "",
      enc: shop ? encryptCredentials(shop.credentials) : null,
      expires: shop?.credentials.accessExpiresAt ?? null,
      now,
    };
    if (existing && shop && existing.shopId && existing.shopId !== shop.shopId) closeOldShopListings(existing.id, mid, now);
    if (existing) {
      statement(
        `UPDATE marketplace_accounts SET external_shop_id = @shopId, shop_name = CASE WHEN @shopName = '' THEN shop_name ELSE @shopName END,
           credentials_encrypted = @enc, token_expires_at = @expires, status = 'connected', updated_at = @now WHERE id = @id`,
      ).run({ ...values, id: existing.id });
      return existing.id;
    }
    const name = shop?.shopName || (statement(`SELECT name FROM producers WHERE id = ?`).get(producerId) as { name: string }).name;
    return Number(
      statement(
        `INSERT INTO marketplace_accounts (producer_id, marketplace_id, external_shop_id, shop_name, credentials_encrypted, token_expires_at, status, created_at, updated_at)
         VALUES (@producerId, @mid, @shopId, @shopName, @enc, @expires, 'connected', @now, @now)`,
      ).run({ ...values, shopName: name }).lastInsertRowid,
    );
  })();
}

function closeOldShopListings(accountId: number, mid: number, now: string): void {
  const old = statement(`SELECT id FROM listings WHERE marketplace_id = ? AND account_id = ? AND status <> 'delisted'`).all(mid, accountId) as { id: number }[];
  for (const { id } of old) {
    statement(
      `UPDATE listings SET status = 'delisted', external_id = NULL, external_url = NULL, synced_price = NULL, synced_stock = NULL, updated_at = ? WHERE id = ?`,
    ).run(now, id);
    statement(`INSERT INTO listing_events (listing_id, status, detail, at) VALUES (?, 'delisted', 'Đã chuyển sang gian hàng khác trên sàn', ?)`).run(id, now);
    statement(`DELETE FROM listing_sync WHERE listing_id = ?`).run(id);
  }
}

/** Forget the shop's tokens; its listings stay as they are on the marketplace. */
export function disconnect(producerId: number, code: MarketplaceCode): void {
  statement(
    `UPDATE marketplace_accounts SET status = 'revoked', credentials_encrypted = NULL, token_expires_at = NULL,
       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE producer_id = ? AND marketplace_id = ?`,
  ).run(producerId, marketplaceId(code));
}
