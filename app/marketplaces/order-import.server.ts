// Marketplace orders become the app's orders, so the indicators see all e-commerce: channel =
// the marketplace, province = the seller's current province, placed_day = the Vietnamese
// calendar day, one payment (COD or paid online through the marketplace), deduplicated on
// (channel, external_id). They enter and move through the orders and payments rooms
// (app/orders/imported.server.ts, app/payments/marketplace.server.ts): the same state machine,
// stock rules and events as storefront orders, with the marketplace as the actor.
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { db, type Tx } from "~/db.server";
import { listings, marketplaceAccounts, marketplaceOrderCursors, marketplaceSettings, marketplaces, producers, products } from "#db/schema";
import type { PaymentStatus } from "#db/vocabulary";
import { advanceImportedOrder, findImportedOrder, insertImportedOrder, type ImportedLine, type MarketplaceActor } from "~/orders/imported.server";
import { followMarketplacePayment, insertMarketplacePayment, type MarketplaceReport } from "~/payments/marketplace.server";
import { MARKETPLACES } from "#db/reference/marketplaces";
import type { AccountRow } from "./accounts.server";
import type { JobOutcome } from "./reconcile.server";
import type { ApiAdapter, MarketOrder, ShopContext } from "./types";
import { note } from "~/i18n/notes";

const DAY_MS = 86_400_000;
/** The first import looks back this far; later ones start a little before where the last ended. */
const FIRST_LOOKBACK_MS = 30 * DAY_MS;
const OVERLAP_MS = 2 * 60_000;

export async function importOrders(account: AccountRow, ctx: ShopContext, adapter: ApiAdapter, now = Date.now()): Promise<JobOutcome> {
  const cursor = db()
    .select({ until: marketplaceOrderCursors.importedUntil })
    .from(marketplaceOrderCursors)
    .where(eq(marketplaceOrderCursors.accountId, account.id))
    .get();
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
    const until = new Date(to).toISOString();
    const at = new Date().toISOString();
    db()
      .insert(marketplaceOrderCursors)
      .values({ accountId: account.id, importedUntil: until, updatedAt: at })
      .onConflictDoUpdate({ target: marketplaceOrderCursors.accountId, set: { importedUntil: until, updatedAt: at } })
      .run();
    from = to;
  }
  return { type: "done" };
}

/** The order's lines that are this producer's products (by seller SKU, else by listing id). */
function ownLines(tx: Tx, account: AccountRow, order: MarketOrder): ImportedLine[] {
  const lines: ImportedLine[] = [];
  for (const l of order.lines) {
    const bySku = l.sellerSku && /^OCOP-(\d+)$/.exec(l.sellerSku);
    const row = bySku
      ? tx
          .select({ id: products.id, name: products.name })
          .from(products)
          .where(and(eq(products.id, Number(bySku[1])), eq(products.producerId, account.producerId)))
          .get()
      : l.externalItemId === null
        ? undefined
        : tx
            .select({ id: products.id, name: products.name })
            .from(listings)
            .innerJoin(products, eq(products.id, listings.productId))
            .where(and(eq(listings.marketplaceId, account.marketplaceId), eq(listings.externalId, l.externalItemId), eq(products.producerId, account.producerId)))
            .get();
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
  let created = 0;
  db().transaction(
    (tx) => {
      const producer = tx.select({ provinceId: producers.provinceId }).from(producers).where(eq(producers.id, account.producerId)).get()!;
      for (const order of orders) {
        const now = new Date();
        const who: MarketplaceActor = { note: note("marketplace_update", { channel }), now, at: new Date(order.updatedAt) };
        const status = paymentStatus(order);
        // Cash on delivery is paid when the courier hands over the goods; online, when ordered.
        const report: MarketplaceReport = {
          provider: channel,
          externalId: order.externalId,
          payload: { status: order.status, cod: order.cod },
          now,
          at: new Date(order.cod ? order.updatedAt : order.placedAt),
        };
        const existing = findImportedOrder(tx, channel, order.externalId);
        if (existing) {
          // The order first, so that the payment's own effect on it finds it already moved.
          advanceImportedOrder(tx, existing.id, order.status, who);
          followMarketplacePayment(tx, existing.id, status, report);
          continue;
        }
        const lines = ownLines(tx, account, order);
        if (lines.length === 0) continue;
        const subtotal = lines.reduce((s, l) => s + l.unitPrice * l.quantity, 0);
        const shippingFee = Math.max(0, order.shippingFee);
        const total = subtotal + shippingFee;
        if (total <= 0) continue;
        const orderId = insertImportedOrder(
          tx,
          {
            code: `${MARKETPLACES[channel].orderPrefix}-${order.externalId}`,
            producerId: account.producerId,
            provinceId: producer.provinceId,
            channel,
            externalId: order.externalId,
            buyerName: order.buyerName || "Khách hàng trên sàn",
            buyerPhone: order.buyerPhone,
            subtotal,
            shippingFee,
            total,
          },
          lines,
          order.status,
          { ...who, placedAt: new Date(order.placedAt) },
        );
        insertMarketplacePayment(tx, { orderId, method: order.cod ? "cod" : "marketplace_online", amount: total }, status, report);
        created++;
      }
    },
    { behavior: "immediate" },
  );
  return created;
}

/** Accounts whose orders are due for import: connected API shops not imported for their interval. */
export function dueOrderImports(now = Date.now()): { accountId: number; marketplaceId: number }[] {
  const a = marketplaceAccounts;
  const c = marketplaceOrderCursors;
  return db()
    .select({ accountId: a.id, marketplaceId: a.marketplaceId })
    .from(a)
    .innerJoin(marketplaces, and(eq(marketplaces.id, a.marketplaceId), eq(marketplaces.hasApi, true)))
    .innerJoin(marketplaceSettings, eq(marketplaceSettings.marketplaceId, a.marketplaceId))
    .leftJoin(c, eq(c.accountId, a.id))
    .where(
      and(
        eq(a.status, "connected"),
        isNotNull(a.credentialsEncrypted),
        sql`(${c.updatedAt} IS NULL OR julianday(${c.updatedAt}) < julianday(${new Date(now).toISOString()}) - ${marketplaceSettings.orderImportMinutes} / 1440.0)`,
        sql`NOT EXISTS (SELECT 1 FROM sync_jobs j WHERE j.marketplace_id = ${a.marketplaceId} AND j.idempotency_key = 'orders:' || ${a.id}
                        AND j.status IN ('queued', 'running'))`,
      ),
    )
    .all();
}
