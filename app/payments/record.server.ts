// The one place that creates payments and changes their status. Statuses only move forward
// along PAYMENT_NEXT (a late "pending" never overwrites "paid"); every change is appended to
// payment_events; a payment's outcome moves its order (paid → placed; failed, expired or
// cancelled → cancelled, which releases the stock) through app/orders/state.server.ts, in the
// same transaction. So payments sit above orders: orders never import this room.
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "~/db.server";
import { paymentEvents, payments, type PaymentStatus } from "#db/schema";
import { queueEmail } from "~/notifications/outbox.server";
import { producerPaymentFlaggedEmail } from "~/orders/emails";
import { moveOrder, orderForEmail } from "~/orders/state.server";
import { note, renderNote } from "~/i18n/notes";
import { translator } from "~/i18n/messages";

/** Where a payment may go from each status. Money that arrives for a closed order is flagged for a person. */
export const PAYMENT_NEXT: Record<PaymentStatus, readonly PaymentStatus[]> = {
  pending: ["authorized", "paid", "failed", "expired", "cancelled", "flagged"],
  authorized: ["paid", "failed", "expired", "cancelled", "flagged"],
  flagged: ["paid", "refunded"],
  paid: ["refunded"],
  failed: ["flagged"],
  expired: ["flagged"],
  cancelled: ["flagged"],
  refunded: [],
};

export function canMovePayment(from: PaymentStatus, to: PaymentStatus): boolean {
  return PAYMENT_NEXT[from].includes(to);
}

/** Our own entries in payment_events: one per status a payment reaches (PAYMENT_NEXT has no cycle, tested, so each at most once). */
const INTERNAL = "ocop";

function recordStatus(tx: Tx, paymentId: number, status: PaymentStatus, at: string, detail: Record<string, unknown>) {
  tx.insert(paymentEvents)
    .values({
      paymentId,
      provider: INTERNAL,
      eventId: `p${paymentId}:${status}`,
      type: "status",
      status,
      payload: JSON.stringify(detail),
      receivedAt: at,
    })
    .run();
}

/** A new pending payment for an order; its channel is copied from payment_methods now. */
export function insertPayment(
  tx: Tx,
  values: { orderId: number; method: string; provider: string; providerRef?: string | null; amount: number; now: Date },
): number {
  const at = values.now.toISOString();
  const { id } = tx
    .insert(payments)
    .values({
      orderId: values.orderId,
      method: values.method,
      channel: sql`(SELECT channel FROM payment_methods WHERE code = ${values.method})`,
      provider: values.provider,
      providerRef: values.providerRef ?? null,
      amount: values.amount,
      status: "pending",
      createdAt: at,
      updatedAt: at,
    })
    .returning({ id: payments.id })
    .get();
  recordStatus(tx, id, "pending", at, { cause: "created" });
  return id;
}

export type MoveOptions = {
  /** What caused it: "stripe:evt_…", "expiry", "producer", … (kept in the payment's history). */
  cause: string;
  providerRef?: string | null;
  actorUserId?: number | null;
  /** Why a person must look (flagged) or any other remark, shown in the history. */
  note?: string;
  now?: Date;
  /** When it happened, if not now (a marketplace dates its own changes): the paid date. */
  at?: Date;
};

/**
 * Moves a payment to `to` if PAYMENT_NEXT allows it; false (nothing written) otherwise.
 * Its order follows: paid → the order is placed; failed/expired/cancelled → an order still
 * waiting for payment is cancelled and its stock released.
 */
export function movePayment(tx: Tx, paymentId: number, to: PaymentStatus, opts: MoveOptions): boolean {
  const current = tx
    .select({ status: payments.status, orderId: payments.orderId, providerRef: payments.providerRef })
    .from(payments)
    .where(eq(payments.id, paymentId))
    .get();
  if (!current || !canMovePayment(current.status, to)) return false;
  const now = opts.now ?? new Date();
  const at = now.toISOString();
  const changed = tx
    .update(payments)
    .set({
      status: to,
      updatedAt: at,
      ...(to === "paid" ? { paidAt: (opts.at ?? now).toISOString() } : {}),
      ...(opts.providerRef && !current.providerRef ? { providerRef: opts.providerRef } : {}),
    })
    .where(and(eq(payments.id, paymentId), eq(payments.status, current.status)))
    .run().changes;
  if (changed !== 1) return false;
  recordStatus(tx, paymentId, to, at, { cause: opts.cause, from: current.status, actor: opts.actorUserId ?? null, note: opts.note ?? "" });

  const system = { actorUserId: opts.actorUserId ?? null, now };
  if (to === "paid") moveOrder(tx, current.orderId, "placed", system);
  if (to === "failed" || to === "expired" || to === "cancelled") {
    const order = orderForEmail(tx, current.orderId);
    if (order?.status === "pending_payment") moveOrder(tx, current.orderId, "cancelled", { ...system, note: noteFor(to) });
  }
  if (to === "flagged") {
    const email = producerPaymentFlaggedEmail(orderForEmail(tx, current.orderId)!, renderNote(translator("vi"), opts.note));
    if (email) queueEmail(tx, email);
  }
  return true;
}

function noteFor(status: PaymentStatus): string {
  return note(status === "expired" ? "payment_expired" : status === "failed" ? "payment_failed" : "payment_cancelled");
}

/**
 * Appends a provider's event (a webhook/IPN delivery) unless the same (provider, event id) is
 * already there. True when it is new: only then may it have an effect.
 */
export function recordProviderEvent(
  tx: Tx,
  e: { provider: string; eventId: string; type: string; paymentId: number | null; status: PaymentStatus | null; payload: unknown; at: string },
): boolean {
  const payload = JSON.stringify(e.payload ?? {});
  const result = tx
    .insert(paymentEvents)
    .values({
      paymentId: e.paymentId,
      provider: e.provider,
      eventId: e.eventId.slice(0, 200),
      type: e.type.slice(0, 100),
      status: e.status,
      payload: payload.length > 20_000 ? JSON.stringify({ truncated: payload.slice(0, 20_000) }) : payload,
      receivedAt: e.at,
    })
    .onConflictDoNothing({ target: [paymentEvents.provider, paymentEvents.eventId] })
    .run();
  return result.changes === 1;
}

/** What the provider's confirmed refunds of a payment took back so far (its `refund` events). */
export function refundedAmount(tx: Tx, paymentId: number): number {
  return (
    tx.get<{ n: number }>(sql`SELECT coalesce(sum(json_extract(payload, '$.amount')), 0) AS n FROM payment_events WHERE type = 'refund' AND payment_id = ${paymentId}`)?.n ?? 0
  );
}

/**
 * A refund the provider confirmed: appended once (by its id) as a `refund` event with its amount;
 * when the confirmed refunds reach the payment's amount, the payment and its order become
 * "refunded" (which releases the stock of an order not yet shipped). False for a replay.
 */
export function recordConfirmedRefund(
  tx: Tx,
  r: { provider: string; refundId: string; paymentId: number; amount: number; actorUserId?: number | null; now: Date; note?: string },
): boolean {
  const payment = tx.select({ amount: payments.amount, orderId: payments.orderId }).from(payments).where(eq(payments.id, r.paymentId)).get();
  if (!payment) return false;
  const before = refundedAmount(tx, r.paymentId);
  const full = before + r.amount >= payment.amount;
  const fresh = recordProviderEvent(tx, {
    provider: r.provider,
    eventId: r.refundId,
    type: "refund",
    paymentId: r.paymentId,
    status: full ? "refunded" : null,
    payload: { amount: r.amount, by: r.actorUserId ?? null, ...(r.note ? { note: r.note } : {}) },
    at: r.now.toISOString(),
  });
  if (fresh && full) {
    movePayment(tx, r.paymentId, "refunded", { cause: `${r.provider}:${r.refundId}`, actorUserId: r.actorUserId ?? null, note: note("gateway_refund_confirmed"), now: r.now });
    moveOrder(tx, payment.orderId, "refunded", { actorUserId: r.actorUserId ?? null, note: r.note, now: r.now });
  }
  return fresh;
}
