// Bank notifications: each producer's links to a bank-statement service (SePay) that tells us of
// the transfers into the producer's own account, and every incoming transfer we were told of,
// with what became of it (paid an order, or waits in the producer's "cần đối soát" list).
import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, updatedAt } from "./columns";
import { orders } from "./orders";
import { producers, users } from "./people";

export const BANK_NOTIFIERS = ["sepay"] as const;
export type BankNotifier = (typeof BANK_NOTIFIERS)[number];
/** How the service proves a notification is its own: SePay's HMAC-SHA256 or its `Authorization: Apikey …`. */
export const BANK_LINK_AUTH = ["hmac", "apikey"] as const;
export type BankLinkAuth = (typeof BANK_LINK_AUTH)[number];
/** pending: nothing received yet; verified: an authenticated notification arrived; working: one paid an order; failing: the last one was refused, or the transactions API refused the token. */
export const BANK_LINK_STATES = ["pending", "verified", "working", "failing"] as const;
export type BankLinkState = (typeof BANK_LINK_STATES)[number];

/** One producer's connection to a notification service: its webhook URL, secret and API token. */
export const bankLinks = sqliteTable(
  "bank_links",
  {
    id: integer("id").primaryKey(),
    /** The unguessable part of the webhook URL (/api/ngan-hang/sepay/<publicId>). */
    publicId: text("public_id").notNull().unique(),
    producerId: integer("producer_id")
      .notNull()
      .references(() => producers.id),
    provider: text("provider", { enum: BANK_NOTIFIERS }).notNull().default("sepay"),
    /** The bank account numbers this link covers, as JSON (["0071000888888"]). */
    accountNumbers: text("account_numbers").notNull(),
    authMode: text("auth_mode", { enum: BANK_LINK_AUTH }).notNull(),
    /** The HMAC secret or API key, encrypted with the credentials key (app/marketplaces/credentials.server.ts). */
    secretEnc: text("secret_enc").notNull(),
    /** Its last 4 characters, to tell which one SePay should hold ("••••a1b2"). */
    secretHint: text("secret_hint").notNull(),
    /** SePay's API token for the transactions API (reconciliation), encrypted; null: no reconciliation. */
    apiTokenEnc: text("api_token_enc"),
    state: text("state", { enum: BANK_LINK_STATES }).notNull().default("pending"),
    lastNotificationAt: text("last_notification_at"),
    lastTestAt: text("last_test_at"),
    lastReconciledAt: text("last_reconciled_at"),
    lastError: text("last_error"),
    lastErrorAt: text("last_error_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("bank_links_producer_idx").on(t.producerId)],
);

/** What became of a transfer: it paid an order; it waits for the producer; a person matched or dismissed it. */
export const BANK_TRANSFER_OUTCOMES = ["paid", "review", "matched", "dismissed"] as const;
export type BankTransferOutcome = (typeof BANK_TRANSFER_OUTCOMES)[number];
/** Why a transfer waits in "cần đối soát". */
export const BANK_TRANSFER_REASONS = ["no_code", "unknown_order", "wrong_amount", "already_paid", "order_closed", "other_account"] as const;
export type BankTransferReason = (typeof BANK_TRANSFER_REASONS)[number];

/**
 * Every incoming transfer a link told us of (by webhook or found by reconciliation), once: the
 * service's transaction id is unique, so a retried or duplicated notification changes nothing.
 */
export const bankTransfers = sqliteTable(
  "bank_transfers",
  {
    id: integer("id").primaryKey(),
    provider: text("provider", { enum: BANK_NOTIFIERS }).notNull(),
    /** The service's transaction id (SePay `id`): the idempotency key of webhook and reconciliation alike. */
    transferId: text("transfer_id").notNull(),
    /** The bank's reference (SePay `referenceCode`, FT…/MBVCB.…). */
    reference: text("reference"),
    linkId: integer("link_id")
      .notNull()
      .references(() => bankLinks.id),
    producerId: integer("producer_id")
      .notNull()
      .references(() => producers.id),
    accountNumber: text("account_number").notNull(),
    amount: integer("amount").notNull(),
    memo: text("memo").notNull(),
    /** The payment code the service recognised (SePay `code`), if any. */
    code: text("code"),
    /** When the bank booked it, UTC (SePay gives Vietnam time). */
    transferredAt: text("transferred_at").notNull(),
    via: text("via", { enum: ["webhook", "reconciliation"] }).notNull(),
    outcome: text("outcome", { enum: BANK_TRANSFER_OUTCOMES }).notNull(),
    reason: text("reason", { enum: BANK_TRANSFER_REASONS }),
    /** The order it paid, or the one its memo named. */
    orderId: integer("order_id").references(() => orders.id),
    resolvedAt: text("resolved_at"),
    resolvedBy: integer("resolved_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("bank_transfers_provider_transfer_uq").on(t.provider, t.transferId),
    index("bank_transfers_reference_idx").on(t.provider, t.accountNumber, t.reference),
    index("bank_transfers_review_idx").on(t.producerId, t.outcome, t.transferredAt),
    check("bank_transfers_amount_ck", sql`${t.amount} > 0`),
    check("bank_transfers_reason_ck", sql`(${t.outcome} = 'review') = (${t.reason} is not null) or ${t.outcome} in ('matched', 'dismissed')`),
  ],
);
