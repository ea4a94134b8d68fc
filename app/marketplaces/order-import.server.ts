// Marketplace orders become the app's orders, so the indicators see all e-commerce: channel =
// the marketplace, province = the seller's current province, placed_day = the Vietnamese
// calendar day, one payment (COD or paid online through the marketplace, channel copied from
// payment_methods), deduplicated on (channel, external_id). A new order takes its quantities
// off the product's stock, which (through the products trigger) syncs every marketplace.
// Only this module writes imported orders; the orders tables are shared with checkout.
import { db, statement } from "~/db.server";
import { vietnamToday } from "~/i18n/format";
import { MARKETPLACE_CODES, MARKETPLACES } from "#db/reference/marketplaces";
import type { MarketplaceCode, OrderStatus, PaymentStatus } from "#db/vocabulary";
import type { AccountRow } from "./accounts.server";
import type { JobOutcome } from "./reconcile.server";
import type { ApiAdapter, MarketOrder, ShopContext } from "./types";

const CODE_PREFIX = Object.fromEntries(MARKETPLACE_CODES.map((c) => [c, MARKETPLACES[c].orderPrefix])) as Record<MarketplaceCode, string>;
const DAY_MS = 86_400_000;
/** The first import looks back this far; later ones start a little before where the last ended. */
const FIRST_LOOKBACK_MS = 30 * DAY_MS;
const OVERLAP_MS = 2 * 60_000;

/** Orders only move forward; cancelled and refunded are ends of the road. */
const RANK: Record<OrderStatus, number> = { pending_payment: 0, placed: 1, confirmed: 2, shipped: 3, delivered: 4, completed: 5, cancelled: 6, refunded: 7 };
const holdsStock = (s: OrderStatus) => s !== "cancelled" && s !== "refunded";

export async function importOrders(account: AccountRow, ctx: ShopContext, adapter: ApiAdapter, now = Date.now()): Promise<JobOutcome> {
  const cursor = statement(`SELECT imported_until AS until FROM marketplace_order_cursors WHERE account_id = ?`).get(account.id) as { until: string } | undefined;
  let from = cursor ? Date.parse(cursor.until) - OVERLAP_MS : now - FIRST_LOOKBACK_MS;
  while (from < now) {
    // A minute short of the limit: adapters round to whole seconds, outward.
    const to = Math.min(now, from + adapter.maxOrderWindowDays * DAY_MS - 60_000);
    let page: string | null = null;
    do {
      const result = await adapter.listOrders(ctx, { from: new Date(from), to: new Date(to) }, page);
      writeOrders(account, result.orders);
      page = result.next;
    } while (page);
    statement(
      `INSERT INTO marketplace_order_cursors (account_id, imported_until, updated_at) VALUES (@id, @until, @now)
       ON CONFLICT (account_id) DO UPDATE SET imported_until = excluded.imported_until, updated_at = excluded.updated_at`,
    ).run({ id: account.id, until: new Date(to).toISOString(), now: new Date().toISOString() });
    from = to;
  }
  return { type: "done" };
}

type Line = { productId: number; name: string; unitPrice: number; quantity: number };

/** The order's lines that are this producer's products (by seller SKU, else by listing id). */
function ownLines(account: AccountRow, order: MarketOrder): Line[] {
  const lines: Line[] = [];
  for (const l of order.lines) {
    const bySku = l.sellerSku && /^OCOP-(\d+)$/.exec(l.sellerSku);
    const row = (bySku
      ? statement(`SELECT id, name FROM products WHERE id = ? AND producer_id = ?`).get(Number(bySku[1]), account.producerId)
      : statement(
          `SELECT p.id, p.name FROM listings l JOIN products p ON p.id = l.product_id WHERE l.marketplace_id = ? AND l.external_id = ? AND p.producer_id = ?`,
        ).get(account.marketplaceId, l.externalItemId, account.producerId)) as { id: number; name: string } | undefined;
    if (row && l.quantity > 0 && l.unitPrice >= 0) lines.push({ productId: row.id, name: l.name || row.name, unitPrice: l.unitPrice, quantity: l.quantity });
  }
  return lines;
}

function paymentStatus(order: MarketOrder): PaymentStatus {
  if (order.status === "cancelled") return "cancelled";
  if (order.status === "refunded") return "refunded";
  if (order.cod) return order.status === "delivered" || order.status === "completed" ? "paid" : "pending";
  return order.status === "pending_payment" ? "pending" : "paid";
}

/** Writes one page of orders in one transaction. Returns how many were new. */
export function writeOrders(account: AccountRow, orders: MarketOrder[]): number {
  const channel = account.code;
  const producer = statement(`SELECT province_id AS provinceId FROM producers WHERE id = ?`).get(account.producerId) as { provinceId: number };
  let created = 0;
  db().$client.transaction(() => {
    for (const order of orders) {
      const existing = statement(`SELECT id, status FROM orders WHERE channel = ? AND external_id = ?`).get(channel, order.externalId) as
        | { id: number; status: OrderStatus }
        | undefined;
      if (existing) {
        advance(existing, order, channel);
        continue;
      }
      const lines = ownLines(account, order);
      if (lines.length === 0) continue;
      const subtotal = lines.reduce((s, l) => s + l.unitPrice * l.quantity, 0);
      const total = subtotal + Math.max(0, order.shippingFee);
      if (total <= 0) continue;
      const orderId = Number(
        statement(
          `INSERT INTO orders (code, producer_id, province_id, channel, external_id, buyer_name, buyer_phone, subtotal, shipping_fee, total,
             status, placed_at, placed_day, completed_at, cancelled_at, created_at, updated_at)
           VALUES (@code, @producerId, @provinceId, @channel, @externalId, @buyerName, @buyerPhone, @subtotal, @shippingFee, @total,
             @status, @placedAt, @placedDay, @completedAt, @cancelledAt, @now, @now)`,
        ).run({
          code: `${CODE_PREFIX[channel]}-${order.externalId}`,
          producerId: account.producerId,
          provinceId: producer.provinceId,
          channel,
          externalId: order.externalId,
          buyerName: order.buyerName || "Khách hàng trên sàn",
          buyerPhone: order.buyerPhone,
          subtotal,
          shippingFee: Math.max(0, order.shippingFee),
          total,
          status: order.status,
          placedAt: order.placedAt,
          placedDay: vietnamToday(new Date(order.placedAt)),
          completedAt: order.status === "completed" ? order.updatedAt : null,
          cancelledAt: order.status === "cancelled" ? order.updatedAt : null,
          now: new Date().toISOString(),
        }).lastInsertRowid,
      );
      for (const l of lines) {
        statement(`INSERT INTO order_items (order_id, product_id, product_name, unit_price, quantity, line_total) VALUES (?, ?, ?, ?, ?, ?)`).run(
          orderId, l.productId, l.name, l.unitPrice, l.quantity, l.unitPrice * l.quantity,
        );
        if (holdsStock(order.status)) statement(`UPDATE products SET stock = max(0, stock - ?), updated_at = ? WHERE id = ?`).run(l.quantity, new Date().toISOString(), l.productId);
      }
      const method = order.cod ? "cod" : "marketplace_online";
      const status = paymentStatus(order);
      const paymentId = Number(
        statement(
          `INSERT INTO payments (order_id, method, channel, provider, provider_ref, amount, status, paid_at, created_at, updated_at)
           SELECT @orderId, code, channel, @provider, @ref, @amount, @status, @paidAt, @now, @now FROM payment_methods WHERE code = @method`,
        ).run({
          orderId,
          method,
          provider: channel,
          ref: order.externalId,
          amount: total,
          status,
          paidAt: status === "paid" ? (order.cod ? order.updatedAt : order.placedAt) : null,
          now: new Date().toISOString(),
        }).lastInsertRowid,
      );
      paymentEvent(paymentId, channel, order, status);
      created++;
    }
  })();
  return created;
}

/** A known order changed on the marketplace: move it (and its payment) forward, never back. */
function advance(existing: { id: number; status: OrderStatus }, order: MarketOrder, channel: MarketplaceCode): void {
  if (existing.status === order.status || RANK[order.status] < RANK[existing.status]) return;
  const now = new Date().toISOString();
  statement(
    `UPDATE orders SET status = @status, updated_at = @now,
       completed_at = CASE WHEN @status = 'completed' THEN @at ELSE completed_at END,
       cancelled_at = CASE WHEN @status = 'cancelled' THEN @at ELSE cancelled_at END
     WHERE id = @id`,
  ).run({ id: existing.id, status: order.status, at: order.updatedAt, now });
  if (holdsStock(existing.status) && !holdsStock(order.status)) {
    // Cancelled after import: the units come back.
    statement(
      `UPDATE products SET stock = stock + (SELECT sum(quantity) FROM order_items i WHERE i.order_id = @id AND i.product_id = products.id), updated_at = @now
       WHERE id IN (SELECT product_id FROM order_items WHERE order_id = @id)`,
    ).run({ id: existing.id, now });
  }
  const payment = statement(`SELECT id, status FROM payments WHERE order_id = ?`).get(existing.id) as { id: number; status: PaymentStatus } | undefined;
  const status = paymentStatus(order);
  if (payment && payment.status !== status) {
    statement(
      `UPDATE payments SET status = @status, paid_at = CASE WHEN @status = 'paid' THEN coalesce(paid_at, @at) ELSE paid_at END, updated_at = @now WHERE id = @id`,
    ).run({ id: payment.id, status, at: order.updatedAt, now });
    paymentEvent(payment.id, channel, order, status);
  }
}

function paymentEvent(paymentId: number, provider: MarketplaceCode, order: MarketOrder, status: PaymentStatus): void {
  statement(
    `INSERT INTO payment_events (payment_id, provider, event_id, type, status, payload, received_at) VALUES (?, ?, ?, 'marketplace.order_import', ?, ?, ?)
     ON CONFLICT (provider, event_id) DO NOTHING`,
  ).run(paymentId, provider, `order:${order.externalId}:${status}`, status, JSON.stringify({ status: order.status, cod: order.cod }), new Date().toISOString());
}

/** Accounts whose orders are due for import: connected API shops not imported for their interval. */
export function dueOrderImports(now = Date.now()): { accountId: number; marketplaceId: number }[] {
  return statement(
    `SELECT a.id AS accountId, a.marketplace_id AS marketplaceId
     FROM marketplace_accounts a
     JOIN marketplaces m ON m.id = a.marketplace_id AND m.has_api = 1
     JOIN marketplace_settings s ON s.marketplace_id = a.marketplace_id
     LEFT JOIN marketplace_order_cursors c ON c.account_id = a.id
     WHERE a.status = 'connected' AND a.credentials_encrypted IS NOT NULL
       AND (c.updated_at IS NULL OR julianday(c.updated_at) < julianday(@now) - s.order_import_minutes / 1440.0)
       AND NOT EXISTS (SELECT 1 FROM sync_jobs j WHERE j.marketplace_id = a.marketplace_id AND j.idempotency_key = 'orders:' || a.id
                       AND j.status IN ('queued', 'running'))`,
  ).all({ now: new Date(now).toISOString() }) as { accountId: number; marketplaceId: number }[];
}
