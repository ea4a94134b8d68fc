// Connecting a producer's shop: the OAuth round trip (a single-use, short-lived state bound to
// the producer), the token exchange, and storing the shop with its tokens encrypted. A shop
// different from the one on record is another shop: the old shop's listings are closed
// (delisted, with an event) so publishing creates them in the new one.
import { createHash, randomBytes } from "node:crypto";
import { db, statement } from "~/db.server";
import { env } from "~/env.server";
import type { MarketplaceCode } from "#db/vocabulary";
import { findAccount, marketplaceId, revokeAccount, upsertAccount } from "./accounts.server";
import { connectorEnv } from "./config.server";
import { encryptCredentials } from "./credentials.server";
import { createHttpClient } from "./http.server";
import { closeShopListings } from "./listing-state.server";
import { ADAPTERS } from "./registry.server";
import { MarketplaceError, type ConnectedShop } from "./types";

const STATE_TTL_MS = 15 * 60_000;
const hash = (s: string) => createHash("sha256").update(s).digest("hex");

/** Where the marketplace sends the producer back (the seller-centre page of that marketplace). */
export function callbackUrl(code: MarketplaceCode): string {
  return `${env().PUBLIC_URL.replace(/\/$/, "")}/kenh-nguoi-ban/san-tmdt/ket-noi/${code}`;
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

/**
 * Stores the connected shop (one account per producer and marketplace). A shop other than the one
 * on record closes the old shop's listings in the same transaction.
 */
export function saveAccount(producerId: number, code: MarketplaceCode, shop: ConnectedShop | null): number {
  const mid = marketplaceId(code);
  return db().$client.transaction(() => {
    const existing = findAccount(producerId, mid);
    if (existing && shop && existing.shopId && existing.shopId !== shop.shopId) closeShopListings(existing.id, mid);
    return upsertAccount(producerId, mid, {
      shopId: shop?.shopId ?? null,
      shopName: shop?.shopName ?? "",
      credentialsEncrypted: shop ? encryptCredentials(shop.credentials) : null,
      tokenExpiresAt: shop?.credentials.accessExpiresAt ?? null,
    });
  })();
}

/** Forget the shop's tokens; its listings stay as they are on the marketplace. */
export function disconnect(producerId: number, code: MarketplaceCode): void {
  revokeAccount(producerId, marketplaceId(code));
}
