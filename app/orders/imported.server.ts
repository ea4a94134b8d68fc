// Orders sold on a marketplace enter and move here like the storefront's (state.server.ts: the
// same ORDER_NEXT, HOLDS_STOCK and order_events), with two rules of their own, because the
// marketplace reports where an order is now, not each step it took:
// - An order first seen cancelled or refunded is recorded at that end and takes no stock (it
//   never held any here). Any other enters where orders start (pending_payment if it awaits
//   payment, else placed), taking its units off the shelf, and walks forward from there.
// - An order walks to the reported status along ORDER_NEXT's shortest path, one order_event per
//   step. A status it cannot reach is ignored (orders never go back), except "cancelled" after
//   shipping: ORDER_NEXT ends such an order as "refunded", so it becomes that (no stock back).
import { and, eq } from "drizzle-orm";
import type { Tx } from "~/db.server";
import { orders, type OrderStatus, type SalesChannel } from "#db/schema";
import { createOrder, moveOrder, pathForward, type NewOrder } from "./state.server";
import { takeSoldStock } from "./stock.server";

export type ImportedLine = { productId: number; name: string; unitPrice: number; quantity: number };

/** The marketplace is the actor: `note` names it on every event; `at` is when it says it happened. */
export type MarketplaceActor = { note: string; now: Date; at: Date };

/** The order a marketplace already sent under this id, if any. */
export function findImportedOrder(tx: Tx, channel: SalesChannel, externalId: string): { id: number; status: OrderStatus } | null {
  return (
    tx
      .select({ id: orders.id, status: orders.status })
      .from(orders)
      .where(and(eq(orders.channel, channel), eq(orders.externalId, externalId)))
      .get() ?? null
  );
}

/** Creates a marketplace's order with its lines (see the entry rule above) and brings it to `status`. */
export function insertImportedOrder(
  tx: Tx,
  values: NewOrder & { code: string; channel: SalesChannel; externalId: string },
  lines: ImportedLine[],
  status: OrderStatus,
  who: MarketplaceActor & { placedAt: Date },
): number {
  const closed = status === "cancelled" || status === "refunded";
  const entry: OrderStatus = closed ? status : status === "pending_payment" ? "pending_payment" : "placed";
  const { id } = createOrder(
    tx,
    { ...values, status: entry, checkoutCode: null, cancelledAt: entry === "cancelled" ? who.at.toISOString() : null },
    lines.map((l) => ({ productId: l.productId, productName: l.name, unitPrice: l.unitPrice, quantity: l.quantity })),
    { actorUserId: null, note: who.note, now: who.now, at: who.placedAt },
  );
  if (!closed) {
    for (const l of lines) takeSoldStock(tx, l.productId, l.quantity, who.now);
    advanceImportedOrder(tx, id, status, who);
  }
  return id;
}

/** Moves a marketplace's order forward to `to` (see the walking rule above); false when it stays. */
export function advanceImportedOrder(tx: Tx, orderId: number, to: OrderStatus, who: MarketplaceActor): boolean {
  const current = tx.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId)).get();
  if (!current || current.status === to) return false;
  const path = pathForward(current.status, to) ?? (to === "cancelled" ? pathForward(current.status, "refunded") : null);
  if (!path) return false;
  for (const step of path) if (!moveOrder(tx, orderId, step, { actorUserId: null, ...who })) return false;
  return true;
}
