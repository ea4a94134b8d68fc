// The one place that creates orders and changes their status, whichever channel sold them (the
// storefront's checkout, or a marketplace whose orders are imported). Statuses only move forward
// along ORDER_NEXT; stock reserved by an order goes back on the shelf when it is cancelled
// (or refunded before it shipped); every change is appended to order_events, inside the caller's
// transaction. Storefront orders are e-mailed to their buyer and producer from here; a
// marketplace's orders are not (the marketplace tells its buyer and its seller, and handles them).
// (Per-day rollups for the officials' dashboard follow through the orders triggers, in the same
// transaction.)
import { and, eq } from "drizzle-orm";
import type { Tx } from "~/db.server";
import { orderEvents, orderItems, orders, producers, type OrderStatus, type SalesChannel } from "#db/schema";
import { vietnamToday } from "~/i18n/format";
import { translator } from "~/i18n/messages";
import { renderNote } from "~/i18n/notes";
import { queueEmail } from "~/notifications/outbox.server";
import { buyerStatusEmail, producerNewOrderEmail, type OrderForEmail } from "./emails";
import { releaseOrderStock } from "./stock.server";

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

/**
 * The statuses an order passes through to get from `from` to `to` along ORDER_NEXT, the
 * shortest way (`to` last, `from` left out); null when `to` cannot be reached from `from`.
 */
export function pathForward(from: OrderStatus, to: OrderStatus): OrderStatus[] | null {
  const cameFrom = new Map<OrderStatus, OrderStatus>();
  const queue: OrderStatus[] = [from];
  while (queue.length > 0) {
    const at = queue.shift()!;
    for (const next of ORDER_NEXT[at]) {
      if (next === from || cameFrom.has(next)) continue;
      cameFrom.set(next, at);
      if (next === to) {
        const path: OrderStatus[] = [to];
        for (let s = at; s !== from; s = cameFrom.get(s)!) path.unshift(s);
        return path;
      }
      queue.push(next);
    }
  }
  return null;
}

/** Orders whose buyer and producer hear from us by e-mail: the ones handled here. */
const notifies = (channel: SalesChannel) => channel === "storefront";

export type NewOrder = Omit<typeof orders.$inferInsert, "id" | "code" | "checkoutCode" | "status" | "placedAt" | "placedDay" | "createdAt" | "updatedAt">;

/** A line of an order: what was sold, at what price then (the name is kept as it was). */
export type OrderLine = { productId: number; productName: string; unitPrice: number; quantity: number };

/** Who made a change and when it happened (`at`, when not `now`: a marketplace dates its own). */
export type Actor = { actorUserId?: number | null; note?: string; now?: Date; at?: Date };

/**
 * Inserts an order with its lines in its first status and records that status (stock is the
 * caller's: a storefront sale reserves it before, a marketplace's sale takes it after).
 * `code` null: a storefront order, coded from its id ("OC…"), whose checkout is named by the
 * first order of the checkout ("CK…", `checkoutCode` null) and passed to the others.
 */
export function createOrder(
  tx: Tx,
  values: NewOrder & { status: OrderStatus; code: string | null; checkoutCode: string | null },
  lines: OrderLine[],
  who: Actor & { now: Date },
) {
  const placed = who.at ?? who.now;
  const placedAt = placed.toISOString();
  const day = vietnamToday(placed);
  const stored = values.code ?? `new-${placedAt}-${Math.random()}`;
  const { id } = tx
    .insert(orders)
    .values({
      ...values,
      code: stored,
      placedAt,
      placedDay: day,
      createdAt: who.now.toISOString(),
      updatedAt: who.now.toISOString(),
    })
    .returning({ id: orders.id })
    .get();
  let code = stored;
  let checkoutCode = values.checkoutCode;
  if (values.code === null) {
    code = codeFor("OC", day, id);
    checkoutCode ??= codeFor("CK", day, id);
    tx.update(orders).set({ code, checkoutCode }).where(eq(orders.id, id)).run();
  }
  tx.insert(orderItems)
    .values(lines.map((l) => ({ ...l, orderId: id, lineTotal: l.unitPrice * l.quantity })))
    .run();
  tx.insert(orderEvents)
    .values({ orderId: id, status: values.status, actorUserId: who.actorUserId ?? null, note: who.note ?? "", at: placedAt })
    .run();
  if (values.status === "placed" && notifies(values.channel)) {
    const email = producerNewOrderEmail(orderForEmail(tx, id)!, false);
    if (email) queueEmail(tx, email);
  }
  return { id, code, checkoutCode };
}

/** "OC" + the local day (yyMMdd) + the id on 7 digits, as the seed writes them. */
function codeFor(prefix: "OC" | "CK", day: string, id: number): string {
  return `${prefix}${day.slice(2).replace(/-/g, "")}${String(id).padStart(7, "0")}`;
}

/** The facts an e-mail about an order needs, with where the order is now. */
export function orderForEmail(tx: Tx, orderId: number): (OrderForEmail & { status: OrderStatus; channel: SalesChannel }) | null {
  return (
    tx
      .select({
        code: orders.code,
        checkoutCode: orders.checkoutCode,
        buyerName: orders.buyerName,
        buyerEmail: orders.buyerEmail,
        producerName: producers.name,
        producerEmail: producers.email,
        total: orders.total,
        status: orders.status,
        channel: orders.channel,
      })
      .from(orders)
      .innerJoin(producers, eq(producers.id, orders.producerId))
      .where(eq(orders.id, orderId))
      .get() ?? null
  );
}

/**
 * Moves an order to `to` if ORDER_NEXT allows it from where it is now; false (and nothing
 * written) otherwise. Releases its reserved stock when it is cancelled or refunded before shipping.
 */
export function moveOrder(tx: Tx, orderId: number, to: OrderStatus, who: Actor = {}): boolean {
  const order = orderForEmail(tx, orderId);
  if (!order || !canMoveOrder(order.status, to)) return false;
  const now = who.now ?? new Date();
  const at = (who.at ?? now).toISOString();
  const changed = tx
    .update(orders)
    .set({
      status: to,
      updatedAt: now.toISOString(),
      ...(to === "completed" ? { completedAt: at } : {}),
      ...(to === "cancelled" ? { cancelledAt: at } : {}),
    })
    .where(and(eq(orders.id, orderId), eq(orders.status, order.status)))
    .run().changes;
  if (changed !== 1) return false;
  if (HOLDS_STOCK.has(order.status) && (to === "cancelled" || to === "refunded")) releaseOrderStock(tx, orderId, now);
  tx.insert(orderEvents)
    .values({ orderId, status: to, actorUserId: who.actorUserId ?? null, note: who.note ?? "", at })
    .run();
  if (!notifies(order.channel)) return true;
  const buyerEmail = buyerStatusEmail(order, to, renderNote(translator("vi"), who.note));
  if (buyerEmail) queueEmail(tx, buyerEmail);
  if (to === "placed") {
    const producerEmail = producerNewOrderEmail(order, true);
    if (producerEmail) queueEmail(tx, producerEmail);
  }
  return true;
}

/** A claimed registry copy merged into the claimant's product: its order lines name the claimant's product. */
export function reassignOrderItems(tx: Tx, fromProductId: number, toProductId: number): void {
  tx.update(orderItems).set({ productId: toProductId }).where(eq(orderItems.productId, fromProductId)).run();
}
