// Payments: how each method counts, a checkout's session at a provider, each order's payment and
// every event a provider sent about it.
import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { PAYMENT_CHANNELS, PAYMENT_STATUSES } from "../vocabulary";
import { createdAt, now, updatedAt } from "./columns";
import { orders } from "./orders";

/**
 * How each payment method is classified. Kept as data: whether a direct VietQR transfer
 * counts as "through an intermediary" (NAPAS switches it) is a policy question.
 */
export const paymentMethods = sqliteTable("payment_methods", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  nameEn: text("name_en").notNull(),
  channel: text("channel", { enum: PAYMENT_CHANNELS }).notNull(),
});

/**
 * One attempt to pay a whole checkout (all its orders) through a payment provider. The
 * provider knows it by `reference` (vnp_TxnRef, MoMo orderId, Stripe client_reference_id);
 * the payments of the checkout's orders (one per order) carry the state. VietQR and COD need
 * none: a VietQR transfer goes to each producer's own account, matched on the order code.
 */
export const paymentSessions = sqliteTable(
  "payment_sessions",
  {
    id: integer("id").primaryKey(),
    reference: text("reference").notNull().unique(),
    checkoutCode: text("checkout_code").notNull().unique(),
    method: text("method")
      .notNull()
      .references(() => paymentMethods.code),
    provider: text("provider").notNull(),
    amount: integer("amount").notNull(),
    /** The provider's own id for the session (Stripe cs_…, MoMo requestId), once created. */
    providerSessionId: text("provider_session_id"),
    /** Where the shopper pays; null until the provider has answered. */
    payUrl: text("pay_url"),
    /** The last error creating it at the provider (shown with a "try again" button). */
    lastError: text("last_error"),
    /** Creates tried so far: each retry after an error gets its own Idempotency-Key. */
    attempts: integer("attempts").notNull().default(0),
    /** After this instant, unpaid orders of the checkout are cancelled by the expiry job. */
    expiresAt: text("expires_at").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("payment_sessions_provider_idx").on(t.provider, t.providerSessionId),
    check("payment_sessions_amount_ck", sql`${t.amount} > 0`),
  ],
);

export const payments = sqliteTable(
  "payments",
  {
    id: integer("id").primaryKey(),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id),
    method: text("method")
      .notNull()
      .references(() => paymentMethods.code),
    /** Copied from payment_methods when the payment is created, so history does not move. */
    channel: text("channel", { enum: PAYMENT_CHANNELS }).notNull(),
    provider: text("provider").notNull(),
    providerRef: text("provider_ref"),
    amount: integer("amount").notNull(),
    status: text("status", { enum: PAYMENT_STATUSES }).notNull().default("pending"),
    paidAt: text("paid_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("payments_order_idx").on(t.orderId),
    index("payments_provider_ref_idx").on(t.provider, t.providerRef),
    // The few payments that can still expire (the expiry job reads them every minute), among
    // millions settled and thousands of cash-on-delivery ones waiting for their courier. A query
    // uses it only when its WHERE repeats each of these terms.
    index("payments_open_idx")
      .on(t.status, t.createdAt)
      .where(sql`status in ('pending', 'authorized') and method <> 'cod'`),
    check("payments_amount_ck", sql`${t.amount} > 0`),
  ],
);

/** Append-only: every webhook/IPN/return and every state change of a payment. */
export const paymentEvents = sqliteTable(
  "payment_events",
  {
    id: integer("id").primaryKey(),
    paymentId: integer("payment_id").references(() => payments.id),
    provider: text("provider").notNull(),
    /** The provider's own event/transaction id; a replay hits the unique index. */
    eventId: text("event_id").notNull(),
    type: text("type").notNull(),
    status: text("status", { enum: PAYMENT_STATUSES }),
    payload: text("payload").notNull().default("{}"),
    receivedAt: text("received_at").notNull().default(now),
  },
  (t) => [
    uniqueIndex("payment_events_provider_event_uq").on(t.provider, t.eventId),
    index("payment_events_payment_idx").on(t.paymentId),
  ],
);
