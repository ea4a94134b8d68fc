// Marketplace accounts: a producer's connected shop on each marketplace, its tokens (encrypted
// at rest) and whether it still works. The one module that writes marketplace_accounts.
import { statement } from "~/db.server";
import type { MarketplaceCode } from "#db/vocabulary";
import { CredentialsError, decryptCredentials, encryptCredentials } from "./credentials.server";
import type { ShopCredentials } from "./types";

export type AccountRow = {
  id: number;
  producerId: number;
  marketplaceId: number;
  code: MarketplaceCode;
  shopId: string | null;
  shopName: string;
  status: "connected" | "expired" | "revoked";
  credentialsEncrypted: string | null;
  updatedAt: string;
};

/** The marketplace's row id (reference data: every code has one). */
export function marketplaceId(code: MarketplaceCode): number {
  return statement<[code: MarketplaceCode], { id: number }>(`SELECT id FROM marketplaces WHERE code = ?`).get(code)!.id;
}

export function loadAccount(accountId: number): AccountRow | null {
  return (
    statement<[accountId: number], AccountRow>(
      `SELECT a.id, a.producer_id AS producerId, a.marketplace_id AS marketplaceId, m.code, a.external_shop_id AS shopId,
         a.shop_name AS shopName, a.status, a.credentials_encrypted AS credentialsEncrypted, a.updated_at AS updatedAt
       FROM marketplace_accounts a JOIN marketplaces m ON m.id = a.marketplace_id WHERE a.id = ?`,
    ).get(accountId) ?? null
  );
}

/** The account's tokens, or null if it has none we can read (never connected here, or another key). */
export function readCredentials(account: Pick<AccountRow, "credentialsEncrypted">): ShopCredentials | null {
  if (!account.credentialsEncrypted) return null;
  try {
    return decryptCredentials(account.credentialsEncrypted) as ShopCredentials;
  } catch (error) {
    if (error instanceof CredentialsError) return null;
    throw error;
  }
}

/**
 * Stores refreshed tokens, unless someone else (the producer reconnecting, another worker)
 * changed the account since `seenUpdatedAt`. Returns whether it was stored.
 */
export function storeCredentials(accountId: number, credentials: ShopCredentials, seenUpdatedAt: string): boolean {
  return (
    statement(
      `UPDATE marketplace_accounts SET credentials_encrypted = @enc, token_expires_at = @expires, status = 'connected',
         updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
       WHERE id = @id AND updated_at = @seen`,
    ).run({ id: accountId, enc: encryptCredentials(credentials), expires: credentials.accessExpiresAt ?? null, seen: seenUpdatedAt }).changes === 1
  );
}

/** The shop no longer accepts our tokens: it must be connected again. Its jobs wait meanwhile. */
export function markAccountExpired(accountId: number): void {
  statement(
    `UPDATE marketplace_accounts SET status = 'expired', updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ? AND status = 'connected'`,
  ).run(accountId);
}

export type AccountSummary = {
  marketplaceId: number;
  code: MarketplaceCode;
  name: string;
  hasApi: boolean;
  accountId: number | null;
  shopName: string;
  status: AccountRow["status"] | null;
  tokenExpiresAt: string | null;
  usable: boolean;
  /** Whole days left before the shop's refresh token (or its authorisation) ends, when that is near: reconnect before. */
  reconnectWithinDays: number | null;
};

/** How many days ahead the producer is asked to reconnect a shop whose refresh token is ending. */
export const RECONNECT_WARNING_DAYS = 7;

/** Days left before a connected shop's authorisation runs out, if within the warning period (0: today). */
export function reconnectWithinDays(credentials: ShopCredentials | null, now = Date.now()): number | null {
  const ends = [credentials?.refreshExpiresAt, credentials?.authorisedUntil].filter((t): t is string => !!t).map(Date.parse);
  if (ends.length === 0) return null;
  const left = Math.min(...ends) - now;
  const days = Math.max(0, Math.floor(left / 86_400_000));
  return days < RECONNECT_WARNING_DAYS ? days : null;
}

/**
 * Connected API shops whose access token ends before `before` (ISO): the worker refreshes them ahead
 * of time instead of waiting for a refused call.
 */
export function accountsToRefresh(before: string): { id: number; code: MarketplaceCode }[] {
  return statement<[before: string], { id: number; code: MarketplaceCode }>(
    `SELECT a.id, m.code FROM marketplace_accounts a JOIN marketplaces m ON m.id = a.marketplace_id
     WHERE m.has_api = 1 AND a.status = 'connected' AND a.credentials_encrypted IS NOT NULL
       AND a.token_expires_at IS NOT NULL AND a.token_expires_at < ?
     ORDER BY a.token_expires_at`,
  ).all(before);
}

/** Every marketplace with the producer's account on it, if any. */
export function producerAccounts(producerId: number): AccountSummary[] {
  const rows = statement<[producerId: number], Omit<AccountSummary, "hasApi" | "usable" | "reconnectWithinDays"> & { hasApi: number; credentialsEncrypted: string | null }>(
    `SELECT m.id AS marketplaceId, m.code, m.name, m.has_api AS hasApi, a.id AS accountId, coalesce(a.shop_name, '') AS shopName,
       a.status, a.token_expires_at AS tokenExpiresAt, a.credentials_encrypted AS credentialsEncrypted
     FROM marketplaces m LEFT JOIN marketplace_accounts a ON a.marketplace_id = m.id AND a.producer_id = ?
     ORDER BY m.id`,
  ).all(producerId);
  return rows.map(({ credentialsEncrypted, ...r }) => {
    const credentials = r.hasApi === 1 && r.status === "connected" ? readCredentials({ credentialsEncrypted }) : null;
    return {
      ...r,
      hasApi: r.hasApi === 1,
      // A file marketplace needs no tokens; an API one needs tokens this installation can read.
      usable: r.accountId !== null && r.status === "connected" && (r.hasApi === 0 || credentials !== null),
      reconnectWithinDays: reconnectWithinDays(credentials),
    };
  });
}

/** The producer's account on the marketplace and the shop it is connected to, if any. */
export function findAccount(producerId: number, marketplaceId: number): { id: number; shopId: string | null } | null {
  return (
    statement<[producerId: number, marketplaceId: number], { id: number; shopId: string | null }>(
      `SELECT id, external_shop_id AS shopId FROM marketplace_accounts WHERE producer_id = ? AND marketplace_id = ?`,
    ).get(producerId, marketplaceId) ?? null
  );
}

export type ConnectedAccount = { shopId: string | null; shopName: string; credentialsEncrypted: string | null; tokenExpiresAt: string | null };

/**
 * Stores the connected shop as the producer's one account on the marketplace (connected again if
 * it was expired or revoked). An empty shop name keeps the stored one, or for a new account takes
 * the producer's name. Returns the account's id.
 */
export function upsertAccount(producerId: number, marketplaceId: number, shop: ConnectedAccount): number {
  const now = new Date().toISOString();
  const values = { producerId, mid: marketplaceId, shopId: shop.shopId, shopName: shop.shopName, enc: shop.credentialsEncrypted, expires: shop.tokenExpiresAt, now };
  const existing = findAccount(producerId, marketplaceId);
  if (existing) {
    statement(
      `UPDATE marketplace_accounts SET external_shop_id = @shopId, shop_name = CASE WHEN @shopName = '' THEN shop_name ELSE @shopName END,
         credentials_encrypted = @enc, token_expires_at = @expires, status = 'connected', updated_at = @now WHERE id = @id`,
    ).run({ ...values, id: existing.id });
    return existing.id;
  }
  const name = shop.shopName || statement<[producerId: number], { name: string }>(`SELECT name FROM producers WHERE id = ?`).get(producerId)!.name;
  return Number(
    statement(
      `INSERT INTO marketplace_accounts (producer_id, marketplace_id, external_shop_id, shop_name, credentials_encrypted, token_expires_at, status, created_at, updated_at)
       VALUES (@producerId, @mid, @shopId, @shopName, @enc, @expires, 'connected', @now, @now)`,
    ).run({ ...values, shopName: name }).lastInsertRowid,
  );
}

/** Forgets the account's tokens (the producer disconnected); its row and listings stay. */
export function revokeAccount(producerId: number, marketplaceId: number): void {
  statement(
    `UPDATE marketplace_accounts SET status = 'revoked', credentials_encrypted = NULL, token_expires_at = NULL,
       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE producer_id = ? AND marketplace_id = ?`,
  ).run(producerId, marketplaceId);
}

/** How soon before its connection lapses the seller centre warns of an account. */
export const EXPIRY_WARNING_DAYS = 7;

/**
 * How many of the producer's marketplace shops must be connected again soon: already expired, or
 * whose refresh token (which the worker cannot renew by itself) lapses within `days`. An access
 * token's expiry alone does not count: the worker refreshes it. The refresh token's expiry is read
 * from the encrypted credentials (ShopCredentials.refreshExpiresAt); a shop without one falls back
 * to token_expires_at. A producer has one account per marketplace, so this decrypts a handful.
 */
export function accountsExpiringSoon(producerId: number, now = new Date(), days = EXPIRY_WARNING_DAYS): number {
  const limit = new Date(now.getTime() + days * 86_400_000).toISOString();
  const rows = statement<[producerId: number], { status: AccountRow["status"]; credentialsEncrypted: string | null; tokenExpiresAt: string | null }>(
    `SELECT a.status, a.credentials_encrypted AS credentialsEncrypted, a.token_expires_at AS tokenExpiresAt
     FROM marketplace_accounts a JOIN marketplaces m ON m.id = a.marketplace_id
     WHERE a.producer_id = ? AND a.status IN ('connected', 'expired') AND m.has_api = 1`,
  ).all(producerId);
  return rows.filter((a) => {
    if (a.status === "expired") return true;
    const credentials = readCredentials(a);
    const lapses = credentials?.refreshExpiresAt ?? (credentials?.refreshToken ? null : a.tokenExpiresAt);
    return lapses !== null && lapses !== undefined && lapses <= limit;
  }).length;
}
