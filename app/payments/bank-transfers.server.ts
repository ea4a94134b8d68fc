// Incoming bank transfers a producer's link told us of (webhook or reconciliation): the one module
// that writes bank_transfers. Each is applied once, in one synchronous transaction: recorded by
// the service's transaction id (a retry, a duplicate, or the same transfer found again by
// reconciliation changes nothing), then matched to an order of the link's producer by the payment
// code in its memo (app/payments/payment-code.ts), the account the QR named and the exact amount.
// What does not match waits in the producer's "cần đối soát" list, with a reason, for
// matchTransfer (one click) or dismissTransfer. Payments move only through record.server.ts.
import { and, desc, eq, sql } from "drizzle-orm";
import { db, type Tx } from "~/db.server";
import { bankTransfers, type BankTransferOutcome, type BankTransferReason, type PaymentStatus } from "#db/schema";
import { note } from "~/i18n/notes";
import type { BankTransfer } from "./bank-notification";
import { recordNotification } from "./bank-links.server";
import { orderRefInMemo, orderRefInTransfer, type OrderRef } from "./payment-code";
import { movePayment, recordProviderEvent } from "./record.server";

export type ApplyTransferResult =
  /** It paid the order. */
  | { kind: "paid"; orderId: number }
  /** Seen before (same transaction id, or same bank reference into the same account): nothing changed. */
  | { kind: "duplicate" }
  /** Money going out of the account: not ours to apply. */
  | { kind: "ignored" }
  /** Kept in "cần đối soát". */
  | { kind: "review"; reason: BankTransferReason; orderId: number | null };

/** The Vietnamese words for each reason, as the producer's list shows them. */
export const REVIEW_REASON_LABEL: Record<BankTransferReason, string> = {
  no_code: "Không có mã đơn trong nội dung",
  unknown_order: "Mã đơn không thuộc cơ sở",
  wrong_amount: "Sai số tiền",
  already_paid: "Đơn đã được thanh toán",
  order_closed: "Đơn đã hủy hoặc quá hạn",
  other_account: "Chuyển vào tài khoản khác",
};

export type LinkForTransfers = { id: number; producerId: number; accountNumbers: string[] };

type OrderPayment = { orderId: number; orderCode: string; account: string | null; paymentId: number | null; status: PaymentStatus | null; amount: number | null };

const OPEN: ReadonlySet<PaymentStatus> = new Set(["pending", "authorized"]);
const CLOSED_UNPAID: ReadonlySet<PaymentStatus> = new Set(["failed", "expired", "cancelled"]);

/** The producer's order a reference names, with its VietQR payment (null: not this producer's). */
function findOrder(tx: Tx, producerId: number, ref: OrderRef): OrderPayment | null {
  const where = ref.kind === "id" ? sql`o.id = ${ref.orderId}` : sql`o.code = ${ref.code}`;
  return (
    tx.get<OrderPayment>(
      sql`SELECT o.id AS orderId, o.code AS orderCode, pr.bank_account_number AS account, pm.id AS paymentId, pm.status, pm.amount
          FROM orders o JOIN producers pr ON pr.id = o.producer_id
          LEFT JOIN payments pm ON pm.order_id = o.id AND pm.method = 'vietqr'
          WHERE ${where} AND o.producer_id = ${producerId}
          ORDER BY pm.id DESC LIMIT 1`,
    ) ?? null
  );
}

function seenBefore(tx: Tx, t: BankTransfer): boolean {
  const byId = tx.get<{ id: number }>(sql`SELECT id FROM bank_transfers WHERE provider = ${t.provider} AND transfer_id = ${t.transferId}`);
  if (byId) return true;
  if (!t.reference) return false;
  return !!tx.get<{ id: number }>(
    sql`SELECT id FROM bank_transfers WHERE provider = ${t.provider} AND account_number = ${t.accountNumber} AND reference = ${t.reference} AND amount = ${t.amount}`,
  );
}

/** Applies one transfer a link reported. One synchronous transaction. */
export function applyBankTransfer(link: LinkForTransfers, t: BankTransfer, via: "webhook" | "reconciliation", now = new Date()): ApplyTransferResult {
  return db().transaction(
    (tx): ApplyTransferResult => {
      const proven = (paid: boolean) => {
        if (via === "webhook") recordNotification(tx, link.id, paid, now);
      };
      if (t.direction === "out") {
        proven(false);
        return { kind: "ignored" };
      }
      if (seenBefore(tx, t)) {
        proven(false);
        return { kind: "duplicate" };
      }
      const at = now.toISOString();
      const keep = (outcome: BankTransferOutcome, reason: BankTransferReason | null, orderId: number | null) =>
        tx
          .insert(bankTransfers)
          .values({
            provider: t.provider,
            transferId: t.transferId,
            reference: t.reference,
            linkId: link.id,
            producerId: link.producerId,
            accountNumber: t.accountNumber,
            amount: t.amount,
            memo: t.memo.slice(0, 1000),
            code: t.code,
            transferredAt: t.at,
            via,
            outcome,
            reason,
            orderId,
            createdAt: at,
            updatedAt: at,
          })
          .run();
      const review = (reason: BankTransferReason, orderId: number | null): ApplyTransferResult => {
        keep("review", reason, orderId);
        proven(false);
        return { kind: "review", reason, orderId };
      };

      if (!link.accountNumbers.includes(t.accountNumber)) return review("other_account", null);
      const ref = orderRefInTransfer(t);
      if (!ref) return review("no_code", null);
      const order = findOrder(tx, link.producerId, ref);
      if (!order || order.paymentId === null || order.status === null || order.amount === null) return review("unknown_order", order?.orderId ?? null);
      // The money must arrive in the account the QR named: the order's producer's own.
      if (order.account !== t.accountNumber) return review("other_account", order.orderId);
      const cause = `${t.provider}:${t.transferId}`;
      const providerRef = t.reference ?? t.transferId;

      if (CLOSED_UNPAID.has(order.status)) {
        movePayment(tx, order.paymentId, "flagged", { cause, providerRef, note: note("paid_after_close", { received: t.amount, ref: providerRef }), now });
        return review("order_closed", order.orderId);
      }
      if (!OPEN.has(order.status)) return review("already_paid", order.orderId);
      if (t.amount !== order.amount) {
        movePayment(tx, order.paymentId, "flagged", { cause, providerRef, note: note("amount_mismatch", { received: t.amount, expected: order.amount, ref: providerRef }), now });
        return review("wrong_amount", order.orderId);
      }
      recordProviderEvent(tx, { provider: t.provider, eventId: t.transferId, type: "transfer.received", paymentId: order.paymentId, status: "paid", payload: t, at });
      movePayment(tx, order.paymentId, "paid", { cause, providerRef, at: new Date(t.at), now });
      keep("paid", null, order.orderId);
      proven(true);
      return { kind: "paid", orderId: order.orderId };
    },
    { behavior: "immediate" },
  );
}

export type ReviewItem = {
  id: number;
  provider: string;
  transferId: string;
  reference: string | null;
  accountNumber: string;
  amount: number;
  memo: string;
  code: string | null;
  transferredAt: string;
  via: "webhook" | "reconciliation";
  reason: BankTransferReason;
  reasonLabel: string;
  /** The order its memo named, when there is one. */
  orderCode: string | null;
};

/** The producer's "cần đối soát" list, newest first. */
export function transfersToReview(producerId: number, limit = 100): ReviewItem[] {
  const rows = db()
    .select({
      id: bankTransfers.id,
      provider: bankTransfers.provider,
      transferId: bankTransfers.transferId,
      reference: bankTransfers.reference,
      accountNumber: bankTransfers.accountNumber,
      amount: bankTransfers.amount,
      memo: bankTransfers.memo,
      code: bankTransfers.code,
      transferredAt: bankTransfers.transferredAt,
      via: bankTransfers.via,
      reason: bankTransfers.reason,
      orderCode: sql<string | null>`(SELECT code FROM orders WHERE id = ${bankTransfers.orderId})`,
    })
    .from(bankTransfers)
    .where(and(eq(bankTransfers.producerId, producerId), eq(bankTransfers.outcome, "review")))
    .orderBy(desc(bankTransfers.transferredAt), desc(bankTransfers.id))
    .limit(Math.max(1, Math.min(limit, 500)))
    .all();
  return rows.map((r) => ({ ...r, reason: r.reason!, reasonLabel: REVIEW_REASON_LABEL[r.reason!] }));
}

/** How many transfers wait in the producer's list (for a badge). */
export function reviewCount(producerId: number): number {
  return db().get<{ n: number }>(sql`SELECT count(*) AS n FROM bank_transfers WHERE producer_id = ${producerId} AND outcome = 'review'`)?.n ?? 0;
}

/** Why a match or dismissal was refused: a message key (bank-links area), by the field it concerns. */
export type ResolveProblem =
  | "review.error.transfer"
  | "review.error.order"
  | "review.error.orderNotFound"
  | "review.error.alreadyPaid"
  | "review.error.closed"
  | "review.error.failed";
export type ResolveResult = { ok: true; orderCode?: string } | { ok: false; field?: "orderCode"; problem: ResolveProblem };

/**
 * The producer says a transfer in their list pays one of their orders (by its order code or
 * payment code): the order's VietQR payment becomes paid, whatever the amount (the producer has
 * looked). One transaction; another producer's transfer or order is simply not found.
 */
export function matchTransfer(producerId: number, transferId: number, orderCode: string, by: { userId: number | null; now?: Date } = { userId: null }): ResolveResult {
  const now = by.now ?? new Date();
  const typed = orderCode.trim().toUpperCase().replace(/\s+/g, "");
  return db().transaction(
    (tx): ResolveResult => {
      const row = tx.select().from(bankTransfers).where(and(eq(bankTransfers.id, transferId), eq(bankTransfers.producerId, producerId))).get();
      if (!row || row.outcome !== "review") return { ok: false, problem: "review.error.transfer" };
      const ref: OrderRef | null = /^OC\d{13,20}$/.test(typed) ? { kind: "code", code: typed } : orderRefInMemo(typed);
      if (!ref) return { ok: false, field: "orderCode", problem: "review.error.order" };
      const order = findOrder(tx, producerId, ref);
      if (!order || order.paymentId === null || order.status === null) return { ok: false, field: "orderCode", problem: "review.error.orderNotFound" };
      if (order.status !== "pending" && order.status !== "authorized" && order.status !== "flagged") {
        return { ok: false, field: "orderCode", problem: order.status === "paid" || order.status === "refunded" ? "review.error.alreadyPaid" : "review.error.closed" };
      }
      const at = now.toISOString();
      const cause = `${row.provider}:${row.transferId}`;
      recordProviderEvent(tx, { provider: row.provider, eventId: row.transferId, type: "transfer.matched", paymentId: order.paymentId, status: "paid", payload: { transfer: row.id, amount: row.amount, by: by.userId }, at });
      const moved = movePayment(tx, order.paymentId, "paid", {
        cause,
        providerRef: row.reference ?? row.transferId,
        actorUserId: by.userId,
        note: note("transfer_matched", { amount: row.amount, ref: row.reference ?? row.transferId }),
        at: new Date(row.transferredAt),
        now,
      });
      if (!moved) return { ok: false, problem: "review.error.failed" };
      tx.update(bankTransfers)
        .set({ outcome: "matched", orderId: order.orderId, resolvedAt: at, resolvedBy: by.userId, updatedAt: at })
        .where(eq(bankTransfers.id, row.id))
        .run();
      return { ok: true, orderCode: order.orderCode };
    },
    { behavior: "immediate" },
  );
}

/** The producer takes a transfer off the list (not an order's: a gift, a test, a refund done by hand). */
export function dismissTransfer(producerId: number, transferId: number, by: { userId: number | null; now?: Date } = { userId: null }): ResolveResult {
  const at = (by.now ?? new Date()).toISOString();
  const changed = db()
    .update(bankTransfers)
    .set({ outcome: "dismissed", resolvedAt: at, resolvedBy: by.userId, updatedAt: at })
    .where(and(eq(bankTransfers.id, transferId), eq(bankTransfers.producerId, producerId), eq(bankTransfers.outcome, "review")))
    .run().changes;
  return changed === 1 ? { ok: true } : { ok: false, problem: "review.error.transfer" };
}
