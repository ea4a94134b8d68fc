// Marketplace accounts: a producer's connected shop on each marketplace, its tokens (encrypted
// at rest) and whether it still works.
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

export function loadAccount(accountId: number): AccountRow | null {
  return (
    (statement(
      `SELECT a.id, a.producer_id AS producerId, a.marketplace_id AS marketplaceId, m.code, a.external_shop_id AS shopId,
         a.shop_name AS shopName, a.status, a.credentials_encrypted AS credentialsEncrypted, a.updated_at AS updatedAt
       FROM marketplace_accounts a JOIN marketplaces m ON m.id = a.marketplace_id WHERE a.id = ?`,
    ).get(accountId) as AccountRow | undefined) ?? null
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
};

/** Every marketplace with the producer's account on it, if any. */
export function producerAccounts(producerId: number): AccountSummary[] {
  const rows = statement(
    `SELECT m.id AS marketplaceId, m.code, m.name, m.has_api AS hasApi, a.id AS accountId, coalesce(a.shop_name, '') AS shopName,
       a.status, a.token_expires_at AS tokenExpiresAt, a.credentials_encrypted IS NOT NULL AS hasCredentials
     FROM marketplaces m LEFT JOIN marketplace_accounts a ON a.marketplace_id = m.id AND a.producer_id = ?
     ORDER BY m.id`,
  ).all(producerId) as (Omit<AccountSummary, "hasApi" | "usable"> & { hasApi: number; hasCredentials: number })[];
  return rows.map(({ hasCredentials, ...r }) => ({
    ...r,
    hasApi: r.hasApi === 1,
    // A file marketplace needs no tokens; an API one needs tokens this installation can read.
    usable: r.accountId !== null && r.status === "connected" && (r.hasApi === 0 || hasCredentials === 1),
  }));
}
