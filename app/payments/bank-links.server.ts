// Each producer's links to a bank-notification service (SePay): the one module that writes
// bank_links. A link is a webhook URL with an unguessable id, a secret (HMAC key or API key,
// encrypted with the credentials key the marketplace tokens use and shown to the producer once),
// the accounts it covers, an optional API token for the transactions API (reconciliation), and the
// link's state as the notifications that arrive prove it: pending → verified (an authenticated
// notification arrived, e.g. SePay's "gửi thử") → working (one paid an order); failing when the
// last one was refused or the transactions API refused the token.
import { randomBytes } from "node:crypto";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { db, type Tx } from "~/db.server";
import { bankLinks, type BankLinkAuth, type BankLinkState, type BankNotifier } from "#db/schema";
import { decryptCredentials, encryptCredentials } from "~/marketplaces/credentials.server";

export type BankLinkView = {
  id: number;
  publicId: string;
  /** The path to paste into SePay after the site's address: /api/ngan-hang/sepay/<publicId>. */
  webhookPath: string;
  provider: BankNotifier;
  accountNumbers: string[];
  authMode: BankLinkAuth;
  /** The secret's last 4 characters. */
  secretHint: string;
  hasApiToken: boolean;
  state: BankLinkState;
  lastNotificationAt: string | null;
  lastTestAt: string | null;
  lastReconciledAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  createdAt: string;
};

/** What the webhook and the reconciliation need: the link with its secrets in clear. */
export type BankLinkSecrets = { id: number; publicId: string; producerId: number; provider: BankNotifier; accountNumbers: string[]; authMode: BankLinkAuth; secret: string; apiToken: string | null };

export type LinkInput = {
  authMode: BankLinkAuth;
  /** Account numbers the link covers (digits and letters, 1–19 each); empty: the producer's VietQR account. */
  accountNumbers: string[];
  /** The secret SePay shows or the producer chose; absent: one is generated. At least 16 characters. */
  secret?: string;
  /** SePay's API token, for reconciliation. */
  apiToken?: string | null;
};

export const webhookPathOf = (publicId: string) => `/api/ngan-hang/sepay/${publicId}`;
const newSecret = () => randomBytes(24).toString("base64url");
const hint = (secret: string) => secret.slice(-4);

type Row = typeof bankLinks.$inferSelect;
function view(r: Row): BankLinkView {
  return {
    id: r.id,
    publicId: r.publicId,
    webhookPath: webhookPathOf(r.publicId),
    provider: r.provider,
    accountNumbers: JSON.parse(r.accountNumbers) as string[],
    authMode: r.authMode,
    secretHint: r.secretHint,
    hasApiToken: r.apiTokenEnc !== null,
    state: r.state,
    lastNotificationAt: r.lastNotificationAt,
    lastTestAt: r.lastTestAt,
    lastReconciledAt: r.lastReconciledAt,
    lastError: r.lastError,
    lastErrorAt: r.lastErrorAt,
    createdAt: r.createdAt,
  };
}

function secrets(r: Row): BankLinkSecrets {
  return {
    id: r.id,
    publicId: r.publicId,
    producerId: r.producerId,
    provider: r.provider,
    accountNumbers: JSON.parse(r.accountNumbers) as string[],
    authMode: r.authMode,
    secret: String(decryptCredentials(r.secretEnc)),
    apiToken: r.apiTokenEnc ? String(decryptCredentials(r.apiTokenEnc)) : null,
  };
}

const ACCOUNT = /^[0-9A-Za-z]{1,19}$/;

/** Account numbers cleaned (spaces taken out), de-duplicated; null when one is not an account number. */
function cleanAccounts(list: string[], fallback: string | null): string[] | null {
  const cleaned = [...new Set(list.map((a) => a.replace(/\s+/g, "")).filter(Boolean))];
  if (cleaned.length === 0 && fallback) cleaned.push(fallback);
  return cleaned.length > 0 && cleaned.length <= 10 && cleaned.every((a) => ACCOUNT.test(a)) ? cleaned : null;
}

export type CreateLinkResult =
  | { ok: true; link: BankLinkView; /** Shown once: only its last 4 characters are kept readable. */ secret: string }
  | { ok: false; field: "accountNumbers" | "secret"; message: string };

/** A new link for the producer; its secret is returned here and never again. */
export function createLink(producerId: number, input: LinkInput, now = new Date()): CreateLinkResult {
  return db().transaction(
    (tx): CreateLinkResult => {
      const producer = tx.get<{ account: string | null }>(sql`SELECT bank_account_number AS account FROM producers WHERE id = ${producerId}`);
      if (!producer) return { ok: false, field: "accountNumbers", message: "Không tìm thấy cơ sở." };
      const accounts = cleanAccounts(input.accountNumbers, producer.account);
      if (!accounts) return { ok: false, field: "accountNumbers", message: "Nhập số tài khoản ngân hàng (chỉ chữ số và chữ cái, tối đa 19 ký tự)." };
      const secret = input.secret?.trim() || newSecret();
      if (secret.length < 16 || secret.length > 200) return { ok: false, field: "secret", message: "Khóa bí mật cần từ 16 đến 200 ký tự." };
      const at = now.toISOString();
      const row = tx
        .insert(bankLinks)
        .values({
          publicId: randomBytes(16).toString("base64url"),
          producerId,
          provider: "sepay",
          accountNumbers: JSON.stringify(accounts),
          authMode: input.authMode,
          secretEnc: encryptCredentials(secret),
          secretHint: hint(secret),
          apiTokenEnc: input.apiToken?.trim() ? encryptCredentials(input.apiToken.trim()) : null,
          createdAt: at,
          updatedAt: at,
        })
        .returning()
        .get();
      return { ok: true, link: view(row), secret };
    },
    { behavior: "immediate" },
  );
}

/**
 * A new secret for one of the producer's links (generated, or the one SePay shows), and optionally
 * another auth mode; returned once. The link goes back to "pending" until a notification proves it.
 * null: not this producer's link.
 */
export function rotateSecret(producerId: number, linkId: number, input: { secret?: string; authMode?: BankLinkAuth } = {}, now = new Date()): { link: BankLinkView; secret: string } | null {
  const secret = input.secret?.trim() || newSecret();
  if (secret.length < 16 || secret.length > 200) return null;
  const row = db()
    .update(bankLinks)
    .set({
      secretEnc: encryptCredentials(secret),
      secretHint: hint(secret),
      ...(input.authMode ? { authMode: input.authMode } : {}),
      state: "pending",
      lastError: null,
      lastErrorAt: null,
      updatedAt: now.toISOString(),
    })
    .where(and(eq(bankLinks.id, linkId), eq(bankLinks.producerId, producerId)))
    .returning()
    .get();
  return row ? { link: view(row), secret } : null;
}

/** Sets or removes (null) the API token used for reconciliation. False: not this producer's link. */
export function setApiToken(producerId: number, linkId: number, apiToken: string | null, now = new Date()): boolean {
  const token = apiToken?.trim() || null;
  return (
    db()
      .update(bankLinks)
      .set({ apiTokenEnc: token ? encryptCredentials(token) : null, updatedAt: now.toISOString() })
      .where(and(eq(bankLinks.id, linkId), eq(bankLinks.producerId, producerId)))
      .run().changes === 1
  );
}

/** An authenticated test notification arrived: a pending or failing link is now verified. */
export function recordTest(linkId: number, now = new Date()): void {
  const at = now.toISOString();
  db()
    .update(bankLinks)
    .set({
      lastTestAt: at,
      lastNotificationAt: at,
      state: sql`CASE WHEN ${bankLinks.state} = 'working' THEN 'working' ELSE 'verified' END`,
      lastError: null,
      lastErrorAt: null,
      updatedAt: at,
    })
    .where(eq(bankLinks.id, linkId))
    .run();
}

/**
 * What a notification proved, inside the transaction that applied it: authenticated (verified),
 * or it paid an order (working).
 */
export function recordNotification(tx: Tx, linkId: number, paid: boolean, now: Date): void {
  const at = now.toISOString();
  tx.update(bankLinks)
    .set({
      lastNotificationAt: at,
      // The first authenticated notification of a new (or repaired) link is its test: SePay's "gửi thử" or a first transfer.
      lastTestAt: sql`CASE WHEN ${bankLinks.state} IN ('pending', 'failing') THEN ${at} ELSE ${bankLinks.lastTestAt} END`,
      state: paid ? "working" : sql`CASE WHEN ${bankLinks.state} = 'working' THEN 'working' ELSE 'verified' END`,
      lastError: null,
      lastErrorAt: null,
      updatedAt: at,
    })
    .where(eq(bankLinks.id, linkId))
    .run();
}

/** A refused notification (wrong signature, stale timestamp, wrong key) or a refused API token: the link is failing. */
export function recordLinkError(linkId: number, message: string, now = new Date()): void {
  const at = now.toISOString();
  db()
    .update(bankLinks)
    .set({ state: "failing", lastError: message.slice(0, 300), lastErrorAt: at, updatedAt: at })
    .where(eq(bankLinks.id, linkId))
    .run();
}

/** A reconciliation pass read the link's transactions. */
export function recordReconciled(linkId: number, now = new Date()): void {
  const at = now.toISOString();
  db().update(bankLinks).set({ lastReconciledAt: at, updatedAt: at }).where(eq(bankLinks.id, linkId)).run();
}

/** The producer's links, newest first (secrets never leave this module but as their hint). */
export function linkStatus(producerId: number): BankLinkView[] {
  return db().select().from(bankLinks).where(eq(bankLinks.producerId, producerId)).orderBy(sql`${bankLinks.id} DESC`).all().map(view);
}

/** A link by the id in its webhook URL, with its secrets, for checking a notification. */
export function linkByPublicId(publicId: string): BankLinkSecrets | null {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(publicId)) return null;
  const row = db().select().from(bankLinks).where(eq(bankLinks.publicId, publicId)).get();
  return row ? secrets(row) : null;
}

/** Every link with its secrets (the sandbox script registers them with the sandbox's SePay). */
export function allLinkSecrets(): BankLinkSecrets[] {
  return db().select().from(bankLinks).orderBy(bankLinks.id).all().map(secrets);
}

/** Links with an API token: the reconciliation pass reads their transactions. */
export function linksWithApiToken(): BankLinkSecrets[] {
  return db().select().from(bankLinks).where(isNotNull(bankLinks.apiTokenEnc)).orderBy(bankLinks.id).all().map(secrets);
}

export type ProducerConfirmation = {
  producerId: number;
  name: string;
  /** True when a link proved itself (verified or working): its transfers are confirmed by the bank's notification. */
  automatic: boolean;
  /** The best state among its links; null: no link (a person confirms each transfer). */
  state: BankLinkState | null;
  lastNotificationAt: string | null;
};

const RANK: Record<BankLinkState, number> = { working: 3, verified: 2, failing: 1, pending: 0 };

/**
 * For officials: the producers that take VietQR transfers (a bank account on file), in one
 * province or everywhere (null), and whether their transfers are confirmed automatically.
 */
export function linksForProvince(provinceId: number | null): ProducerConfirmation[] {
  const rows = db().all<{ producerId: number; name: string; state: BankLinkState | null; last: string | null }>(
    sql`SELECT p.id AS producerId, p.name, l.state, l.last_notification_at AS last
        FROM producers p LEFT JOIN bank_links l ON l.producer_id = p.id
        WHERE p.status = 'verified' AND p.bank_account_number IS NOT NULL
          ${provinceId === null ? sql`` : sql`AND p.province_id = ${provinceId}`}
        ORDER BY p.name COLLATE NOCASE, p.id`,
  );
  const byProducer = new Map<number, ProducerConfirmation>();
  for (const r of rows) {
    const seen = byProducer.get(r.producerId);
    const candidate: ProducerConfirmation = { producerId: r.producerId, name: r.name, state: r.state, automatic: r.state === "verified" || r.state === "working", lastNotificationAt: r.last };
    if (!seen || (r.state && (!seen.state || RANK[r.state] > RANK[seen.state]))) byProducer.set(r.producerId, candidate);
  }
  return [...byProducer.values()];
}
