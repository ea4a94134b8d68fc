// The stock rules of orders: a storefront sale reserves its units and is refused when they are
// not on the shelf; a sale already made elsewhere (a marketplace order) takes its units and
// cannot be refused; a cancelled order gives its units back. The writes themselves are the
// products owner's (app/seller/seller-products.server.ts), one UPDATE of products each, so the
// products triggers (price/stock history, the marketplace sync jobs) see every unit an order moves.
import { eq, sql } from "drizzle-orm";
import type { Tx } from "~/db.server";
import { orderItems } from "#db/schema";
import { putBackStock, takeStockDownToZero, takeStockIfOnShelf } from "~/seller/seller-products.server";

/**
 * Reserves `quantity` units for a storefront sale: only while the product is visible and
 * that many are on the shelf. False (nothing written) otherwise.
 */
export function reserveStock(tx: Tx, productId: number, quantity: number, now: Date): boolean {
  return takeStockIfOnShelf(tx, productId, quantity, now);
}

/**
 * Takes the units of a sale already made elsewhere (a marketplace order): it cannot be
 * refused, so the shelf goes down to zero at most.
 */
export function takeSoldStock(tx: Tx, productId: number, quantity: number, now: Date): void {
  takeStockDownToZero(tx, productId, quantity, now);
}

/** Puts an order's units back on the shelf (it was cancelled or refunded before shipping). */
export function releaseOrderStock(tx: Tx, orderId: number, now: Date): void {
  const lines = tx
    .select({ productId: orderItems.productId, quantity: sql<number>`sum(${orderItems.quantity})` })
    .from(orderItems)
    .where(eq(orderItems.orderId, orderId))
    .groupBy(orderItems.productId)
    .all();
  putBackStock(tx, lines, now);
}
