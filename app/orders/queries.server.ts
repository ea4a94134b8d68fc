// Reading orders: the buyer's (their own, by session user) and the producer's (its own part
// only, by session producer). Every query takes the owner's id; none trusts a URL alone.
import { statement } from "~/db.server";
import type { OrderStatus, PaymentChannel, PaymentStatus } from "#db/schema";
import { ORDER_STATUSES } from "#db/vocabulary";

export const PAGE_SIZE = 20;

export type PaymentSummary = {
  method: string;
  methodName: string;
  methodNameEn: string;
  channel: PaymentChannel;
  status: PaymentStatus;
  amount: number;
  paidAt: string | null;
  providerRef: string | null;
};

export type OrderListRow = {
  code: string;
  checkoutCode: string | null;
  placedAt: string;
  producerName: string;
  buyerName: string;
  total: number;
  status: OrderStatus;
  items: number;
  method: string | null;
  paymentStatus: PaymentStatus | null;
};

const LIST_COLUMNS = `o.code, o.checkout_code AS checkoutCode, o.placed_at AS placedAt, pr.name AS producerName,
  o.buyer_name AS buyerName, o.total, o.status,
  (SELECT coalesce(sum(quantity), 0) FROM order_items WHERE order_id = o.id) AS items,
  pm.method, pm.status AS paymentStatus`;
const LIST_FROM = `FROM orders o JOIN producers pr ON pr.id = o.producer_id
  LEFT JOIN payments pm ON pm.id = (SELECT max(id) FROM payments WHERE order_id = o.id)`;

/**
 * One page, newest first, and whether there is another. No count(*): a busy producer has tens
 * of thousands of orders, and counting them cost more than the page itself (bench: payments).
 */
function page(sqlText: string, args: (number | string)[], pageNo: number): { rows: OrderListRow[]; hasNext: boolean } {
  const rows = statement<(number | string)[], OrderListRow>(`${sqlText} ORDER BY o.placed_at DESC, o.id DESC LIMIT ? OFFSET ?`).all(
    ...args,
    PAGE_SIZE + 1,
    (pageNo - 1) * PAGE_SIZE,
  );
  return { rows: rows.slice(0, PAGE_SIZE), hasNext: rows.length > PAGE_SIZE };
}

export function buyerOrders(userId: number, pageNo: number) {
  return page(`SELECT ${LIST_COLUMNS} ${LIST_FROM} WHERE o.buyer_user_id = ?`, [userId], pageNo);
}

/** The producer's part of storefront orders, optionally in one status. */
export function producerOrders(producerId: number, status: OrderStatus | null, pageNo: number) {
  const where = `o.producer_id = ? AND o.channel = 'storefront'${status ? " AND o.status = ?" : ""}`;
  return page(`SELECT ${LIST_COLUMNS} ${LIST_FROM} WHERE ${where}`, status ? [producerId, status] : [producerId], pageNo);
}

/** How many of the producer's storefront orders are in each status (the seller centre's order tabs). */
export function producerOrderCounts(producerId: number): Record<OrderStatus, number> {
  const counts = Object.fromEntries(ORDER_STATUSES.map((s) => [s, 0])) as Record<OrderStatus, number>;
  for (const r of statement<[producerId: number], { status: OrderStatus; n: number }>(
    `SELECT status, count(*) AS n FROM orders WHERE producer_id = ? AND channel = 'storefront' GROUP BY status`,
  ).all(producerId)) {
    counts[r.status] = r.n;
  }
  return counts;
}

/** Storefront orders placed (paid, or cash on delivery) and not yet confirmed by the producer. */
export function waitingOrderCount(producerId: number): number {
  return statement<[producerId: number], { n: number }>(
    `SELECT count(*) AS n FROM orders WHERE producer_id = ? AND channel = 'storefront' AND status = 'placed'`,
  ).get(producerId)!.n;
}

/** What the buyer typed at their last checkout (the checkout form starts from it): address and payment method. */
export type LastCheckout = { name: string; phone: string; province: string | null; commune: string; street: string; method: string | null };

export function lastCheckout(userId: number): LastCheckout | null {
  return (
    statement<[userId: number], LastCheckout>(
      `SELECT o.buyer_name AS name, o.buyer_phone AS phone, pv.slug AS province, o.ship_commune AS commune, o.ship_street AS street,
         (SELECT method FROM payments WHERE order_id = o.id ORDER BY id DESC LIMIT 1) AS method
       FROM orders o LEFT JOIN provinces pv ON pv.id = o.ship_province_id AND pv.is_current = 1
       WHERE o.buyer_user_id = ? AND o.channel = 'storefront' ORDER BY o.placed_at DESC, o.id DESC LIMIT 1`,
    ).get(userId) ?? null
  );
}

export type OrderItem = { productName: string; slug: string; unitPrice: number; quantity: number; lineTotal: number };

export type OrderDetail = {
  id: number;
  code: string;
  checkoutCode: string | null;
  status: OrderStatus;
  placedAt: string;
  buyerName: string;
  buyerPhone: string;
  buyerEmail: string;
  shipProvince: string | null;
  shipCommune: string;
  shipStreet: string;
  note: string;
  subtotal: number;
  shippingFee: number;
  total: number;
  producer: { name: string; slug: string; bankBin: string | null; bankAccountNumber: string | null; bankAccountName: string | null };
  items: OrderItem[];
  payment: PaymentSummary | null;
  paymentId: number | null;
};

type DetailRow = Omit<OrderDetail, "producer" | "items" | "payment"> & {
  producerName: string;
  producerSlug: string;
  bankBin: string | null;
  bankAccountNumber: string | null;
  bankAccountName: string | null;
};

const DETAIL = `SELECT o.id, o.code, o.checkout_code AS checkoutCode, o.status, o.placed_at AS placedAt,
    o.buyer_name AS buyerName, o.buyer_phone AS buyerPhone, o.buyer_email AS buyerEmail, sp.name AS shipProvince,
    o.ship_commune AS shipCommune, o.ship_street AS shipStreet, o.note, o.subtotal, o.shipping_fee AS shippingFee, o.total,
    pr.name AS producerName, pr.slug AS producerSlug, pr.bank_bin AS bankBin, pr.bank_account_number AS bankAccountNumber,
    pr.bank_account_name AS bankAccountName, (SELECT max(id) FROM payments WHERE order_id = o.id) AS paymentId
  FROM orders o JOIN producers pr ON pr.id = o.producer_id LEFT JOIN provinces sp ON sp.id = o.ship_province_id`;

function withParts(row: DetailRow): OrderDetail {
  const { producerName, producerSlug, bankBin, bankAccountNumber, bankAccountName, ...order } = row;
  const items = statement<[orderId: number], OrderItem>(
    `SELECT i.product_name AS productName, p.slug, i.unit_price AS unitPrice, i.quantity, i.line_total AS lineTotal
     FROM order_items i JOIN products p ON p.id = i.product_id WHERE i.order_id = ? ORDER BY i.id`,
  ).all(row.id);
  const payment =
    row.paymentId === null
      ? null
      : statement<[paymentId: number], PaymentSummary>(
          `SELECT pm.method, m.name AS methodName, m.name_en AS methodNameEn, pm.channel, pm.status, pm.amount,
             pm.paid_at AS paidAt, pm.provider_ref AS providerRef
           FROM payments pm JOIN payment_methods m ON m.code = pm.method WHERE pm.id = ?`,
        ).get(row.paymentId)!;
  return { ...order, producer: { name: producerName, slug: producerSlug, bankBin, bankAccountNumber, bankAccountName }, items, payment };
}

export type SessionSummary = { method: string; payUrl: string | null; lastError: string | null; expiresAt: string };

/** The buyer's orders of one checkout (null when none is theirs). */
export function buyerCheckout(userId: number, checkoutCode: string): { orders: OrderDetail[]; session: SessionSummary | null } | null {
  const rows = statement<[checkoutCode: string, userId: number], DetailRow>(`${DETAIL} WHERE o.checkout_code = ? AND o.buyer_user_id = ? ORDER BY o.id`).all(
    checkoutCode,
    userId,
  );
  if (rows.length === 0) return null;
  const session =
    statement<[checkoutCode: string], SessionSummary>(
      `SELECT method, pay_url AS payUrl, last_error AS lastError, expires_at AS expiresAt FROM payment_sessions WHERE checkout_code = ?`,
    ).get(checkoutCode) ?? null;
  return { orders: rows.map(withParts), session };
}

/** One of the producer's storefront orders (its history: ./history.server.ts). */
export function producerOrder(producerId: number, code: string): OrderDetail | null {
  const row = statement<[code: string, producerId: number], DetailRow>(`${DETAIL} WHERE o.code = ? AND o.producer_id = ? AND o.channel = 'storefront'`).get(
    code,
    producerId,
  );
  return row ? withParts(row) : null;
}
