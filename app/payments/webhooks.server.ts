// What happens when a provider tells us something (after its signature checked out): find the
// payments it is about, check the amount, record the event id and apply its effect, all in one
// synchronous transaction, so a replay finds its event id and changes nothing.
import { sql } from "drizzle-orm";
import { db, type Tx } from "~/db.server";
import type { PaymentStatus } from "#db/schema";
import { note as storedNote } from "~/i18n/notes";
import type { PaymentOutcome, ProviderEvent } from "./provider";
import { movePayment, recordConfirmedRefund, recordProviderEvent } from "./record.server";

export type ApplyResult =
  /** New event, effect applied (or nothing to do for a "pending"/ignored event). */
  | { kind: "applied" }
  /** Same event seen before: nothing changed. */
  | { kind: "duplicate" }
  /** No payment of ours matches. */
  | { kind: "unknown_target" }
  /** The amount is not the payment's (a bank transfer is flagged for a person). */
  | { kind: "amount_mismatch"; expected: number; received: number | null }
  /** The payments were settled already; a late "paid" for a closed order is flagged. */
  | { kind: "already_settled" };

type Target = { id: number; status: PaymentStatus; amount: number; method: string; bin: string | null; account: string | null };

const OPEN: ReadonlySet<PaymentStatus> = new Set(["pending", "authorized"]);
const CLOSED_UNPAID: ReadonlySet<PaymentStatus> = new Set(["failed", "expired", "cancelled"]);

const STATUS_OF: Record<Exclude<PaymentOutcome, "ignored" | "pending">, PaymentStatus> = {
  paid: "paid",
  failed: "failed",
  expired: "expired",
  cancelled: "cancelled",
};

function findTargets(tx: Tx, event: ProviderEvent): { payments: Target[]; expected: number } | null {
  const select = sql`SELECT pm.id, pm.status, pm.amount, pm.method, pr.bank_bin AS bin, pr.bank_account_number AS account
    FROM payments pm JOIN orders o ON o.id = pm.order_id JOIN producers pr ON pr.id = o.producer_id`;
  if (event.target.kind === "session") {
    const session = tx.get<{ checkoutCode: string; amount: number; method: string; providerSessionId: string | null }>(
      sql`SELECT checkout_code AS checkoutCode, amount, method, provider_session_id AS providerSessionId
          FROM payment_sessions WHERE reference = ${event.target.reference} AND provider = ${event.provider}`,
    );
    if (!session) return null;
    // A session we replaced after an error (its create answered too late) is not the one being paid.
    if (event.sessionId && session.providerSessionId && event.sessionId !== session.providerSessionId) return null;
    const rows = tx.all<Target>(sql`${select} WHERE o.checkout_code = ${session.checkoutCode} AND pm.method = ${session.method} ORDER BY pm.id`);
    return rows.length ? { payments: rows, expected: session.amount } : null;
  }
  if (event.target.kind === "order") {
    const rows = tx.all<Target>(sql`${select} WHERE o.code = ${event.target.code} AND pm.provider = ${event.provider} ORDER BY pm.id`);
    // A transfer counts only into the account the QR named: the order's producer's.
    const payee = event.payee;
    const mine = rows.filter((r) => !payee || (r.bin === payee.bin && r.account === payee.accountNumber));
    return mine.length ? { payments: mine, expected: mine[0]!.amount } : null;
  }
  return null;
}

/**
 * A refund's news: if it is one we asked for and recorded as pending (refunds.server.ts), its
 * success now counts (the payment becomes refunded once all of it is back); anything else is kept.
 */
function applyRefundNews(event: ProviderEvent & { refund: { id: string; status: string | null } }, now: Date): ApplyResult {
  return db().transaction(
    (tx): ApplyResult => {
      const pending = tx.get<{ paymentId: number; amount: number }>(
        sql`SELECT payment_id AS paymentId, json_extract(payload, '$.amount') AS amount FROM payment_events
            WHERE provider = ${event.provider} AND event_id = ${`${event.refund.id}:pending`}`,
      );
      const keep = () => recordProviderEvent(tx, { provider: event.provider, eventId: event.eventId, type: event.type, paymentId: pending?.paymentId ?? null, status: null, payload: event.payload, at: now.toISOString() });
      if (!pending || event.refund.status !== "succeeded") return keep() ? { kind: "applied" } : { kind: "duplicate" };
      return recordConfirmedRefund(tx, { provider: event.provider, refundId: event.refund.id, paymentId: pending.paymentId, amount: pending.amount, now })
        ? { kind: "applied" }
        : { kind: "duplicate" };
    },
    { behavior: "immediate" },
  );
}

/** Applies a verified provider event. One synchronous transaction; answers in about a millisecond. */
export function applyProviderEvent(event: ProviderEvent, now = new Date()): ApplyResult {
  if (event.refund) return applyRefundNews(event as ProviderEvent & { refund: { id: string; status: string | null } }, now);
  const at = now.toISOString();
  const cause = `${event.provider}:${event.eventId}`;
  return db().transaction(
    (tx): ApplyResult => {
      const found = event.outcome === "ignored" ? null : findTargets(tx, event);
      const statusOfEvent = event.outcome === "ignored" || event.outcome === "pending" ? (event.outcome === "pending" ? "pending" : null) : STATUS_OF[event.outcome];
      const record = (paymentId: number | null) =>
        recordProviderEvent(tx, { provider: event.provider, eventId: event.eventId, type: event.type, paymentId, status: statusOfEvent, payload: event.payload, at });

      if (!found) {
        const fresh = record(null);
        return event.outcome === "ignored" ? (fresh ? { kind: "applied" } : { kind: "duplicate" }) : { kind: "unknown_target" };
      }
      const targets = found.payments;
      const single = targets.length === 1 ? targets[0]!.id : null;
      const moves = event.outcome !== "pending" && event.outcome !== "ignored";

      // Money must be exactly what was asked. A transfer that is short or over is a person's job.
      if ((event.amount !== null && event.amount !== found.expected) || (event.outcome === "paid" && event.amount === null)) {
        const fresh = record(single);
        if (fresh && event.target.kind === "order" && event.outcome === "paid") {
          const note = storedNote("amount_mismatch", { received: event.amount ?? 0, expected: found.expected, ref: event.providerRef ?? event.eventId });
          for (const t of targets) {
            if (OPEN.has(t.status)) movePayment(tx, t.id, "flagged", { cause, providerRef: event.providerRef, note, now });
          }
        }
        return { kind: "amount_mismatch", expected: found.expected, received: event.amount };
      }

      const open = targets.filter((t) => OPEN.has(t.status));
      if (open.length === 0) {
        const fresh = record(single);
        if (fresh && event.outcome === "paid") {
          // Paid after we gave up on it (expired, failed, cancelled): someone must refund or accept it.
          const note = storedNote("paid_after_close", { received: event.amount ?? 0, ref: event.providerRef ?? event.eventId });
          for (const t of targets) {
            if (CLOSED_UNPAID.has(t.status)) movePayment(tx, t.id, "flagged", { cause, providerRef: event.providerRef, note, now });
          }
        }
        return { kind: "already_settled" };
      }

      if (!record(single)) return { kind: "duplicate" };
      if (moves) {
        const to = STATUS_OF[event.outcome as keyof typeof STATUS_OF];
        for (const t of open) movePayment(tx, t.id, to, { cause, providerRef: event.providerRef, now });
      }
      return { kind: "applied" };
    },
    { behavior: "immediate" },
  );
}
