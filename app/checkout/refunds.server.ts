// A producer refunds a paid storefront order. For card, VNPay and MoMo payments the money goes
// back through the provider's refund API (all or part of the order's payment); the order and its
// payment show "refunded", and the indicators count it, only once the provider has confirmed.
// VietQR transfers and cash are given back by a person: the producer records it (order-actions).
// The provider is called outside any transaction; only its answer is written, in one.
import { db, statement } from "~/db.server";
import type { StorefrontMethod } from "~/payments/provider";
import { recordConfirmedRefund, recordProviderEvent } from "~/payments/record.server";
import { providerFor } from "~/payments/registry.server";
import { note } from "~/i18n/notes";
import { sellerActionsFor, type RefundWhy } from "./order-actions.server";

type Row = {
  orderId: number;
  orderCode: string;
  orderStatus: string;
  paymentId: number;
  paymentStatus: string;
  method: StorefrontMethod;
  provider: string;
  providerRef: string | null;
  amount: number;
  reference: string | null;
  payUrl: string | null;
  transactionAmount: number | null;
};

function paidOrder(producerId: number, code: string): Row | null {
  return (
    (statement<unknown[], Row>(
      `SELECT o.id AS orderId, o.code AS orderCode, o.status AS orderStatus, pm.id AS paymentId, pm.status AS paymentStatus,
         pm.method, pm.provider, pm.provider_ref AS providerRef, pm.amount,
         s.reference, s.pay_url AS payUrl, s.amount AS transactionAmount
       FROM orders o
       JOIN payments pm ON pm.id = (SELECT max(id) FROM payments WHERE order_id = o.id)
       LEFT JOIN payment_sessions s ON s.checkout_code = o.checkout_code AND s.method = pm.method
       WHERE o.code = ? AND o.producer_id = ? AND o.channel = 'storefront'`,
    ).get(code, producerId)) ?? null
  );
}

/** What the refunds confirmed by the provider took back: from this payment, and from its whole provider transaction. */
function refundedSoFar(paymentId: number, provider: string, providerRef: string | null): { payment: number; transaction: number } {
  const payment = statement<unknown[], { n: number }>(
    `SELECT coalesce(sum(json_extract(payload, '$.amount')), 0) AS n FROM payment_events WHERE type = 'refund' AND payment_id = ?`,
  ).get(paymentId)!;
  const transaction = statement<unknown[], { n: number }>(
    `SELECT coalesce(sum(json_extract(e.payload, '$.amount')), 0) AS n FROM payment_events e JOIN payments pm ON pm.id = e.payment_id
     WHERE e.type = 'refund' AND pm.provider = ? AND pm.provider_ref = ?`,
  ).get(provider, providerRef ?? "")!;
  return { payment: payment.n, transaction: providerRef ? transaction.n : 0 };
}

export type RefundInfo = { throughProvider: boolean; refunded: number; left: number };

/** For the seller's order page: whether a refund goes through the provider, and how much is left to refund. */
export function refundInfo(producerId: number, code: string): RefundInfo | null {
  const o = paidOrder(producerId, code);
  if (!o || o.paymentStatus !== "paid") return null;
  const refunded = refundedSoFar(o.paymentId, o.provider, o.providerRef).payment;
  return { throughProvider: Boolean(providerFor(o.method).refund && o.providerRef), refunded, left: o.amount - refunded };
}

export type RefundOutcome =
  | { ok: true; kind: "refunded" | "partial"; amount: number; left: number }
  | { ok: true; kind: "pending"; amount: number }
  | { ok: false; reason: "not_found" | "not_allowed" | "manual" }
  | { ok: false; reason: "bad_amount"; max: number }
  | { ok: false; reason: "refused"; message: string };

/** VNPay's vnp_CreateDate of the pay request, read back from the pay URL we sent ("yyyyMMddHHmmss", GMT+7). */
function vnpayCreateDate(payUrl: string | null): Date | null {
  const m = payUrl ? /[?&]vnp_CreateDate=(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})/.exec(payUrl) : null;
  return m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]! - 7, +m[5]!, +m[6]!)) : null;
}

/**
 * Refunds `amount` (null: all that is left) of one of the producer's paid orders through its
 * payment provider, for the reason given (kept with the refund, shown to the buyer). Nothing
 * changes unless the provider confirms.
 */
export async function refundThroughProvider(
  producerId: number,
  actor: { userId: number; email: string },
  code: string,
  amount: number | null,
  clientIp: string,
  now = new Date(),
  why?: RefundWhy,
): Promise<RefundOutcome> {
  const o = paidOrder(producerId, code);
  if (!o) return { ok: false, reason: "not_found" };
  if (o.paymentStatus !== "paid" || !sellerActionsFor({ status: o.orderStatus as never, paymentStatus: "paid", method: o.method }).includes("refund")) {
    return { ok: false, reason: "not_allowed" };
  }
  const provider = providerFor(o.method);
  if (!provider.refund || !o.providerRef || !o.reference) return { ok: false, reason: "manual" };
  const so = refundedSoFar(o.paymentId, o.provider, o.providerRef);
  const left = o.amount - so.payment;
  const wanted = amount ?? left;
  if (!Number.isInteger(wanted) || wanted < 1 || wanted > left) return { ok: false, reason: "bad_amount", max: left };

  const result = await provider.refund({
    reference: o.reference,
    providerRef: o.providerRef,
    orderCode: o.orderCode,
    amount: wanted,
    transactionAmount: o.transactionAmount ?? o.amount,
    refundedFromTransaction: so.transaction,
    refundedFromPayment: so.payment,
    transactionCreatedAt: o.method === "vnpay" ? vnpayCreateDate(o.payUrl) : null,
    actor: actor.email,
    clientIp,
  });
  if (result.kind === "refused") return { ok: false, reason: "refused", message: result.message.slice(0, 300) };

  const at = now.toISOString();
  const reason = why ? note("refunded", { amount: wanted, reason: why.reason, ...(why.text ? { text: why.text } : {}) }) : undefined;
  return db().transaction(
    (tx): RefundOutcome => {
      if (result.kind === "pending") {
        recordProviderEvent(tx, { provider: o.provider, eventId: `${result.refundId}:pending`, type: "refund.pending", paymentId: o.paymentId, status: null, payload: { amount: wanted, by: actor.userId, note: reason }, at });
        return { ok: true, kind: "pending", amount: wanted };
      }
      const full = wanted === left;
      recordConfirmedRefund(tx, { provider: o.provider, refundId: result.refundId, paymentId: o.paymentId, amount: wanted, actorUserId: actor.userId, now, note: reason });
      return { ok: true, kind: full ? "refunded" : "partial", amount: wanted, left: left - wanted };
    },
    { behavior: "immediate" },
  );
}
