// The seller centre's quick price and stock edit. Writing the product is all it does: the
// products trigger enqueues the sync to every marketplace the product is listed on.
import { statement } from "~/db.server";

export type PriceStockRow = { id: number; name: string; price: number; stock: number; unit: string };

export function priceStockRows(producerId: number): PriceStockRow[] {
  return statement(`SELECT id, name, price, stock, unit FROM products WHERE producer_id = ? AND status = 'active' ORDER BY name, id`).all(producerId) as PriceStockRow[];
}

/** Scoped to the producer: false when the product is not theirs (or not for sale). */
export function setPriceStock(producerId: number, productId: number, price: number, stock: number): boolean {
  return (
    statement(`UPDATE products SET price = ?, stock = ?, updated_at = ? WHERE id = ? AND producer_id = ? AND status = 'active'`).run(
      price, stock, new Date().toISOString(), productId, producerId,
    ).changes === 1
  );
}
