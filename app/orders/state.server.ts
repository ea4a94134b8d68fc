// The one place that creates orders and changes their status. Statuses only move forward
// along ORDER_NEXT; stock reserved by an order goes back on the shelf when it is cancelled
// (or refunded before it shipped); every change is appended to order_events and e-mailed to
// the buyer from here, inside the caller's transaction. (Per-day rollups for the officials'
// dashboard belong here too, so that they change in the same transaction.)
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "#db/client";
import { orderEvents, orders, type OrderStatus } from "#db/schema";
import { vietnamToday } from "~/i18n/format";
import { queueEmail } from "~/notifications/outbox.server";
import { buyerStatusEmail, producerNewOrderEmail, type OrderForEmail } from "./emails";

export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Where an order may go from each status. */
export const ORDER_NEXT: Record<OrderStatus, readonly OrderStatus[]> = {
  pending_payment: ["placed", "cancelled"],
  placed: ["confirmed", "cancelled", "refunded"],
  confirmed: ["shipped", "cancelled", "refunded"],
  shipped: ["delivered", "refunded"],
  delivered: ["completed", "refunded"],
  completed: ["refunded"],
  cancelled: [],
  refunded: [],
};

/** Statuses in which the goods are still on the producer's shelf, reserved for this order. */
const HOLDS_STOCK: ReadonlySet<OrderStatus> = new Set(["pending_payment", "placed", "confirmed"]);

export function canMoveOrder(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_NEXT[from].includes(to);
}

export type NewOrder = Omit<typeof orders.$inferInsert, "id" | "code" | "checkoutCode" | "status" | "placedAt" | "placedDay"> & {
  status: Extract<OrderStatus, "pending_payment" | "placed">;
};

/** "OC" + the local day (yyMMdd) + the id on 7 digits, as the seed writes them. */
function codeFor(prefix: "OC" | "CK", day: string, id: number): string {
  return `${prefix}${day.slice(2).replace(/-/g, "")}${String(id).padStart(7, "0")}`;
}

/**
 * Inserts an order (its items are the caller's) and records its first status. The first order
 * of a checkout names the checkout (`checkoutCode` null); the others pass that code.
 */
export function insertOrder(tx: Tx, values: NewOrder, opts: { checkoutCode: string | null; actorUserId: number | null; now: Date }) {
  const placedAt = opts.now.toISOString();
  const day = vietnamToday(opts.now);
  const { id } = tx
    .insert(orders)
    .values({ ...values, code: `new-${placedAt}-${Math.random()}`, placedAt, placedDay: day, createdAt: placedAt, updatedAt: placedAt })
    .returning({ id: orders.id })
    .get();
  const code = codeFor("OC", day, id);
  const checkoutCode = opts.checkoutCode ?? codeFor("CK", day, id);
  tx.update(orders).set({ code, checkoutCode }).where(eq(orders.id, id)).run();
  tx.insert(orderEvents).values({ orderId: id, status: values.status, actorUserId: opts.actorUserId, at: placedAt }).run();
  if (values.status === "placed") {
    const email = producerNewOrderEmail(orderForEmail(tx, id)!, false);
    if (email) queueEmail(tx, email);
  }
  return { id, code, checkoutCode };
}

/** The facts an e-mail about an order needs. */
export function orderForEmail(tx: Tx, orderId: number): (OrderForEmail & { status: OrderStatus }) | null {
  return (
    tx.get<OrderForEmail & { status: OrderStatus }>(sql`
      SELECT o.code, o.checkout_code AS checkoutCode, o.buyer_name AS buyerName, o.buyer_email AS buyerEmail,
        p.name AS producerName, p.email AS producerEmail, o.total, o.status
      FROM orders o JOIN producers p ON p.id = o.producer_id WHERE o.id = ${orderId}`) ?? null
  );
}

/**
 * Moves an order to `to` if ORDER_NEXT allows it from where it is now; false (and nothing
 * written) otherwise. Releases its reserved stock when it is cancelled or refunded before shipping.
 */
export function moveOrder(
  tx: Tx,
  orderId: number,
  to: OrderStatus,
  opts: { actorUserId?: number | null; note?: string; now?: Date } = {},
): boolean {
  const order = orderForEmail(tx, orderId);
  if (!order || !canMoveOrder(order.status, to)) return false;
  const at = (opts.now ?? new Date()).toISOString();
  const changed = tx
    .update(orders)
    .set({
      status: to,
      updatedAt: at,
      ...(to === "completed" ? { completedAt: at } : {}),
      ...(to === "cancelled" ? { cancelledAt: at } : {}),
    })
    .where(and(eq(orders.id, orderId), eq(orders.status, order.status)))
    .run().changes;
  if (changed !== 1) return false;
  if (HOLDS_STOCK.has(order.status) && (to === "cancelled" || to === "refunded")) {
    tx.run(sql`UPDATE products SET stock = stock + i.quantity, updated_at = ${at}
      FROM (SELECT product_id, sum(quantity) AS quantity FROM order_items WHERE order_id = ${orderId} GROUP BY product_id) i
      WHERE products.id = i.product_id`);
  }
  tx.insert(orderEvents)
    .values({ orderId, status: to, actorUserId: opts.actorUserId ?? null, note: opts.note ?? "", at })
    .run();
  const buyerEmail = buyerStatusEmail(order, to, opts.note);
  if (buyerEmail) queueEmail(tx, buyerEmail);
  if (to === "placed") {
    const producerEmail = producerNewOrderEmail(order, true);
    if (producerEmail) queueEmail(tx, producerEmail);
  }
  return true;
}
