// The stock that orders take off the shelf and give back: the only writes orders make to
// products.stock. Each is one UPDATE of products, so the products triggers (price/stock history,
// the marketplace sync jobs) see every unit that an order moves, whichever room sold it.
import { and, eq, gte, sql } from "drizzle-orm";
import type { Tx } from "~/db.server";
import { products } from "#db/schema";

/**
 * Reserves `quantity` units for a storefront sale: only while the product is visible and
 * that many are on the shelf. False (nothing written) otherwise.
 */
export function reserveStock(tx: Tx, productId: number, quantity: number, now: Date): boolean {
  return (
    tx
      .update(products)
      .set({ stock: sql`${products.stock} - ${quantity}`, updatedAt: now.toISOString() })
      .where(and(eq(products.id, productId), eq(products.visible, true), gte(products.stock, quantity)))
      .run().changes === 1
  );
}

/**
 * Takes the units of a sale already made elsewhere (a marketplace order): it cannot be
 * refused, so the shelf goes down to zero at most.
 */
export function takeSoldStock(tx: Tx, productId: number, quantity: number, now: Date): void {
  tx.update(products)
    .set({ stock: sql`max(0, ${products.stock} - ${quantity})`, updatedAt: now.toISOString() })
    .where(eq(products.id, productId))
    .run();
}

/** Puts an order's units back on the shelf (it was cancelled or refunded before shipping). */
export function releaseOrderStock(tx: Tx, orderId: number, now: Date): void {
  tx.run(sql`UPDATE products SET stock = stock + i.quantity, updated_at = ${now.toISOString()}
    FROM (SELECT product_id, sum(quantity) AS quantity FROM order_items WHERE order_id = ${orderId} GROUP BY product_id) i
    WHERE products.id = i.product_id`);
}

/** Units on the shelf now (what a refused reservation reports). */
export function stockOf(tx: Tx, productId: number): number {
  return tx.select({ stock: products.stock }).from(products).where(eq(products.id, productId)).get()?.stock ?? 0;
}
