// The seller centre's quick price and stock edit of the products on sale. The catalogue writes
// the product; the products trigger then enqueues the sync to every marketplace it is listed on.
import { updatePriceStock } from "~/seller/seller-products.server";
import { db, statement } from "~/db.server";
import { sortVietnamese } from "~/i18n/collate";

export type PriceStockRow = { id: number; name: string; price: number; stock: number; unit: string };

export function priceStockRows(producerId: number): PriceStockRow[] {
  const rows = statement<[producerId: number], PriceStockRow>(
    `SELECT id, name, price, stock, unit FROM products WHERE producer_id = ? AND status = 'active' ORDER BY id`,
  ).all(producerId);
  return sortVietnamese(rows, (r) => r.name);
}

/** Scoped to the producer: false when the product is not theirs (or not for sale). */
export function setPriceStock(producerId: number, productId: number, price: number, stock: number): boolean {
  return db().$client.transaction(() => {
    const onSale = statement<[productId: number, producerId: number], { id: number }>(
      `SELECT id FROM products WHERE id = ? AND producer_id = ? AND status = 'active'`,
    ).get(productId, producerId);
    return onSale ? updatePriceStock(producerId, productId, price, stock) : false;
  })();
}
