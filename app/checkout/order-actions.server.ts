// What people do to a storefront order after checkout: the producer confirms, ships, delivers
// (and for cash on delivery, records the cash), cancels, refunds, or settles a flagged transfer;
// the buyer cancels an order nobody has started on. An action moves the order and its payment
// together, so it lives here, above both rooms. Every check is scoped to the producer or buyer
// of the session; the status changes themselves go through the two state modules.
import { and, eq, inArray, max } from "drizzle-orm";
import { db, type Tx } from "~/db.server";
import { orders, payments, type OrderStatus, type PaymentStatus } from "#db/schema";
import { canMoveOrder, moveOrder } from "~/orders/state.server";
import { movePayment } from "~/payments/record.server";
import { note, type RefundReason } from "~/i18n/notes";

export const SELLER_ACTIONS = ["confirm", "ship", "deliver", "cancel", "refund", "accept_payment"] as const;
export type SellerAction = (typeof SELLER_ACTIONS)[number];

type OrderRow = { id: number; status: OrderStatus; paymentId: number | null; paymentStatus: PaymentStatus | null; method: string | null; amount: number | null };

const ROW = { id: orders.id, status: orders.status, paymentId: payments.id, paymentStatus: payments.status, method: payments.method, amount: payments.amount };

/** Why the producer gave the money back (the refund's confirmation step asks for it). */
export type RefundWhy = { reason: RefundReason; text: string };

function orderOfProducer(tx: Tx, code: string, producerId: number): OrderRow | null {
  const latest = tx.select({ id: max(payments.id) }).from(payments).where(eq(payments.orderId, orders.id));
  return (
    tx
      .select(ROW)
      .from(orders)
      .leftJoin(payments, eq(payments.id, latest))
      .where(and(eq(orders.code, code), eq(orders.producerId, producerId), eq(orders.channel, "storefront")))
      .get() ?? null
  );
}

/** The actions that make sense for an order now (the seller page shows these buttons). */
export function sellerActionsFor(o: Pick<OrderRow, "status" | "paymentStatus" | "method">): SellerAction[] {
  const out: SellerAction[] = [];
  const paid = o.paymentStatus === "paid";
  const cod = o.method === "cod";
  if (o.status === "placed" && canMoveOrder(o.status, "confirmed")) out.push("confirm");
  if (o.status === "confirmed") out.push("ship");
  if (o.status === "shipped" && (paid || (cod && o.paymentStatus === "pending"))) out.push("deliver");
  if ((o.status === "placed" || o.status === "confirmed") && !paid) out.push("cancel");
  if (paid && canMoveOrder(o.status, "refunded")) out.push("refund");
  if (o.paymentStatus === "flagged" && o.status === "pending_payment") out.push("accept_payment");
  if (o.paymentStatus === "flagged") out.push("refund");
  return out;
}

export type ActionOutcome = { ok: true } | { ok: false; reason: "not_found" | "not_allowed" };

/** Runs a seller action on one of the producer's own orders, in one transaction (a refund needs its reason). */
export function runSellerAction(producerId: number, actorUserId: number, code: string, action: SellerAction, now = new Date(), why?: RefundWhy): ActionOutcome {
  return db().transaction(
    (tx): ActionOutcome => {
      const order = orderOfProducer(tx, code, producerId);
      if (!order) return { ok: false, reason: "not_found" };
      if (!sellerActionsFor(order).includes(action)) return { ok: false, reason: "not_allowed" };
      const who = { actorUserId, now };
      const pay = (to: PaymentStatus, note?: string) =>
        order.paymentId !== null && movePayment(tx, order.paymentId, to, { cause: "producer", actorUserId, note, now });
      switch (action) {
        case "confirm":
          moveOrder(tx, order.id, "confirmed", who);
          break;
        case "ship":
          moveOrder(tx, order.id, "shipped", who);
          break;
        case "deliver":
          moveOrder(tx, order.id, "delivered", who);
          // Cash on delivery: the courier's cash is the payment.
          if (order.method === "cod") pay("paid", note("cod_collected"));
          break;
        case "cancel":
          moveOrder(tx, order.id, "cancelled", { ...who, note: note("cancelled_by_producer") });
          pay("cancelled");
          break;
        case "refund": {
          if (!why) return { ok: false, reason: "not_allowed" };
          const refunded = note("refunded", { amount: order.amount ?? 0, reason: why.reason, ...(why.text ? { text: why.text } : {}) });
          pay("refunded", refunded);
          if (order.status === "pending_payment") moveOrder(tx, order.id, "cancelled", { ...who, note: refunded });
          else moveOrder(tx, order.id, "refunded", { ...who, note: refunded });
          break;
        }
        case "accept_payment":
          pay("paid", note("producer_accepted_payment"));
          break;
      }
      return { ok: true };
    },
    { behavior: "immediate" },
  );
}

/**
 * The buyer cancels their orders of a checkout that are still waiting for payment or not yet
 * confirmed and not paid; returns how many were cancelled.
 */
export function cancelByBuyer(buyerUserId: number, checkoutCode: string, now = new Date()): number {
  return db().transaction(
    (tx) => {
      const rows: OrderRow[] = tx
        .select(ROW)
        .from(orders)
        .leftJoin(payments, eq(payments.orderId, orders.id))
        .where(and(eq(orders.checkoutCode, checkoutCode), eq(orders.buyerUserId, buyerUserId), inArray(orders.status, ["pending_payment", "placed"])))
        .all();
      let n = 0;
      for (const o of rows) {
        if (o.paymentStatus !== "pending" && o.paymentStatus !== "authorized") continue;
        if (!moveOrder(tx, o.id, "cancelled", { actorUserId: buyerUserId, note: note("cancelled_by_buyer"), now })) continue;
        if (o.paymentId !== null) movePayment(tx, o.paymentId, "cancelled", { cause: "buyer", actorUserId: buyerUserId, now });
        n++;
      }
      return n;
    },
    { behavior: "immediate" },
  );
}
