// An order's history as its buyer and its producer read it: one line per thing that happened, told
// as a sentence (the keys "history.*", rendered in the reader's language by the page), never the
// provider's raw strings, and each happening once. The order's own events and its payment's events
// are merged: a payment that places the order, or fails and cancels it, is one line, not two; a
// provider's deliveries (webhooks, IPNs) are not lines of their own, their reference goes in the
// details line of the change they caused. Read-only.
import { statement } from "~/db.server";
import type { OrderStatus, PaymentStatus } from "#db/schema";
import { noteCode, readNote } from "~/i18n/notes";
import { formatVnd } from "~/i18n/format";

export type HistoryKey =
  | "history.created"
  | "history.createdCod"
  | "history.createdPending"
  | `history.order.${OrderStatus}`
  | "history.paid"
  | "history.authorized"
  | "history.paymentFailed"
  | "history.paymentExpired"
  | "history.paymentCancelled"
  | "history.flagged"
  | "history.refundPartial"
  | "history.refundPending";

export type HistoryItem = {
  at: string;
  /** The sentence; null when the note says it all ("Nhà sản xuất đã hủy đơn."). */
  key: HistoryKey | null;
  params: Record<string, string>;
  /** A stored note (app/i18n/notes.ts): a code the page renders, or a legacy text. */
  note: string | null;
  /** The provider's reference of the change, for the details line. */
  ref: string | null;
  /** Who did it (the seller's page shows it). */
  by: string | null;
};

type OrderEventRow = { at: string; status: OrderStatus; note: string; actor: string | null };
type PaymentEventRow = {
  at: string;
  provider: string;
  eventId: string;
  type: string;
  status: PaymentStatus | null;
  cause: string | null;
  note: string | null;
  amount: number | null;
};
type PaymentRow = { method: string; methodName: string; methodNameEn: string; amount: number };

/** Our own causes of a payment change: not references. */
const OWN_CAUSES = new Set(["created", "expiry", "producer", "buyer"]);
/** Notes that say all an order event would (its status sentence would repeat them). */
const SELF_SPEAKING = new Set(["cancelled_by_producer", "cancelled_by_buyer", "transfer_refunded", "payment_expired", "payment_failed", "payment_cancelled", "refunded"]);

function speaksForItself(stored: string): boolean {
  const n = readNote(stored);
  return n !== null && ("text" in n || SELF_SPEAKING.has(n.code));
}

/** The history of one order (its latest payment's events merged in), oldest first. */
export function orderHistory(orderId: number, paymentId: number | null, locale: "vi" | "en" = "vi"): HistoryItem[] {
  const events = statement<[orderId: number], OrderEventRow>(
    `SELECT e.at, e.status, e.note, u.name AS actor FROM order_events e LEFT JOIN users u ON u.id = e.actor_user_id WHERE e.order_id = ? ORDER BY e.at, e.id`,
  ).all(orderId);
  const payment =
    paymentId === null
      ? null
      : (statement<[paymentId: number], PaymentRow>(
          `SELECT pm.method, m.name AS methodName, m.name_en AS methodNameEn, pm.amount FROM payments pm JOIN payment_methods m ON m.code = pm.method WHERE pm.id = ?`,
        ).get(paymentId) ?? null);
  const paymentEvents =
    paymentId === null
      ? []
      : statement<[paymentId: number], PaymentEventRow>(
          `SELECT received_at AS at, provider, event_id AS eventId, type, status,
             CASE WHEN json_valid(payload) THEN json_extract(payload, '$.cause') END AS cause,
             CASE WHEN json_valid(payload) THEN json_extract(payload, '$.note') END AS note,
             CASE WHEN json_valid(payload) THEN json_extract(payload, '$.amount') END AS amount
           FROM payment_events WHERE payment_id = ? ORDER BY received_at, id`,
        ).all(paymentId);

  const method = payment ? (locale === "en" ? payment.methodNameEn : payment.methodName) : "";
  const own = paymentEvents.filter((e) => e.provider === "ocop");
  const paid = own.some((e) => e.status === "paid");
  const cancelledOrder = events.some((e) => e.status === "cancelled");
  const refundedOrder = events.some((e) => e.status === "refunded" || noteCode(e.note) === "refunded");
  const refunds = paymentEvents.filter((e) => e.provider !== "ocop" && e.type === "refund");
  const refundedTotal = refunds.reduce((n, e) => n + (e.amount ?? 0), 0) || payment?.amount || 0;
  const fullRefund = refunds.find((e) => e.status === "refunded");

  const items: (HistoryItem & { rank: number })[] = [];
  const add = (item: Omit<HistoryItem, "params" | "note" | "ref" | "by"> & Partial<HistoryItem>, rank: number) =>
    items.push({ params: {}, note: null, ref: null, by: null, ...item, rank });

  events.forEach((e, i) => {
    const note = e.note || null;
    if (i === 0) {
      const key: HistoryKey =
        e.status === "pending_payment" ? "history.createdPending" : e.status === "placed" ? (payment?.method === "cod" ? "history.createdCod" : "history.created") : `history.order.${e.status}`;
      add({ at: e.at, key, params: { method }, note, by: e.actor }, 1);
      return;
    }
    if (e.status === "placed" && paid) return; // the payment placed it: its line says so
    const key = note && speaksForItself(note) ? null : (`history.order.${e.status}` as const);
    const ref = e.status === "refunded" && fullRefund ? fullRefund.eventId : null;
    add({ at: e.at, key, params: { amount: formatVnd(refundedTotal) }, note, by: e.actor, ref }, 1);
  });

  for (const e of paymentEvents) {
    const params = { amount: formatVnd(e.amount ?? payment?.amount ?? 0), method };
    if (e.provider !== "ocop") {
      if (e.type === "refund" && e.status === null) add({ at: e.at, key: "history.refundPartial", params, note: e.note, ref: e.eventId }, 0);
      if (e.type === "refund.pending") add({ at: e.at, key: "history.refundPending", params, note: e.note }, 0);
      continue; // a delivery: its reference is the cause of the change it made
    }
    const ref = e.cause && !OWN_CAUSES.has(e.cause) ? e.cause : null;
    const note = e.note || null;
    const amount = { amount: formatVnd(payment?.amount ?? 0), method };
    switch (e.status) {
      case "paid":
        add({ at: e.at, key: "history.paid", params: amount, note, ref }, 0);
        break;
      case "authorized":
        add({ at: e.at, key: "history.authorized", params: amount, note, ref }, 0);
        break;
      case "flagged":
        add({ at: e.at, key: note ? null : "history.flagged", note, ref }, 0);
        break;
      case "refunded":
        if (!refundedOrder) add({ at: e.at, key: note && speaksForItself(note) ? null : "history.order.refunded", params: { amount: formatVnd(refundedTotal) }, note, ref }, 0);
        break;
      case "failed":
      case "expired":
      case "cancelled":
        if (!cancelledOrder) {
          const key = e.status === "failed" ? "history.paymentFailed" : e.status === "expired" ? "history.paymentExpired" : "history.paymentCancelled";
          add({ at: e.at, key, params: amount, note, ref }, 0);
        }
        break;
    }
  }
  return items
    .map((item, seq) => ({ item, seq }))
    .sort((a, b) => (a.item.at < b.item.at ? -1 : a.item.at > b.item.at ? 1 : a.item.rank - b.item.rank || a.seq - b.seq))
    .map(({ item: { rank: _rank, ...item } }) => item);
}

/** The refund the producer recorded, with its amount and reason, for the buyer's page (the latest, if any). */
export function refundNote(history: HistoryItem[]): string | null {
  return history.findLast((h) => noteCode(h.note) === "refunded")?.note ?? null;
}
