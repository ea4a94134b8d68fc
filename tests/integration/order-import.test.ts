// Marketplace orders enter through the orders and payments rooms: the storefront's state
// machine, stock rules and events, with the marketplace as the actor, and no e-mails.
import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { salesDailyDifferences, salesMonthlyDifferences } from "#db/rollups";
import { emailOutbox, marketplaces, orderEvents, orders, paymentEvents, payments } from "#db/schema";
import { db } from "~/db.server";
import type { AccountRow } from "~/marketplaces/accounts.server";
import { writeOrders } from "~/marketplaces/order-import.server";
import type { MarketOrder } from "~/marketplaces/types";
import { seedShop, stockOf, type Shop } from "../../scripts/fixtures/shop";
import { note } from "~/i18n/notes";

let shop: Shop;
let account: AccountRow;

beforeAll(() => {
  shop = seedShop();
  const shopee = db().select({ id: marketplaces.id }).from(marketplaces).where(eq(marketplaces.code, "shopee")).get()!;
  account = {
    id: 1,
    producerId: shop.tanThuan,
    marketplaceId: shopee.id,
    code: "shopee",
    shopId: "shop-1",
    shopName: "Tân Thuận",
    status: "connected",
    credentialsEncrypted: null,
    updatedAt: new Date().toISOString(),
  };
});

let clock = Date.parse("2026-12-01T03:00:00Z");
function marketOrder(externalId: string, status: MarketOrder["status"], over: Partial<MarketOrder> = {}): MarketOrder {
  clock += 60_000;
  return {
    externalId,
    status,
    placedAt: "2026-12-01T02:00:00.000Z",
    updatedAt: new Date(clock).toISOString(),
    cod: true,
    buyerName: "Người mua Shopee",
    buyerPhone: "0900000000",
    shippingFee: 15_000,
    lines: [{ sellerSku: `OCOP-${shop.sen}`, externalItemId: null, name: "Hạt sen", unitPrice: 120_000, quantity: 2 }],
    ...over,
  };
}

const order = (externalId: string) => db().select().from(orders).where(eq(orders.externalId, externalId)).get()!;
const events = (externalId: string) =>
  db().select({ status: orderEvents.status, actor: orderEvents.actorUserId, note: orderEvents.note }).from(orderEvents).where(eq(orderEvents.orderId, order(externalId).id)).orderBy(asc(orderEvents.id)).all();
const payment = (externalId: string) => db().select().from(payments).where(eq(payments.orderId, order(externalId).id)).get()!;

describe("marketplace order import", () => {
  it("writes an order event for each status, walking the state machine, with the marketplace as the actor", () => {
    const before = stockOf(shop.sen);
    expect(writeOrders(account, [marketOrder("A1", "placed")])).toBe(1);
    expect(events("A1")).toEqual([{ status: "placed", actor: null, note: note("marketplace_update", { channel: "shopee" }) }]);
    expect(stockOf(shop.sen)).toBe(before - 2);

    // Shipped on the marketplace: the order passes through "confirmed", as ORDER_NEXT requires.
    expect(writeOrders(account, [marketOrder("A1", "shipped")])).toBe(0);
    expect(events("A1").map((e) => e.status)).toEqual(["placed", "confirmed", "shipped"]);
    // A stale report (an earlier status) changes nothing: orders never go back.
    writeOrders(account, [marketOrder("A1", "placed")]);
    expect(order("A1").status).toBe("shipped");

    // Cancelled after shipping: ORDER_NEXT ends such an order refunded; the goods had left the
    // shelf, so no stock comes back (HOLDS_STOCK), as for a storefront order.
    writeOrders(account, [marketOrder("A1", "cancelled")]);
    expect(order("A1").status).toBe("refunded");
    expect(events("A1").map((e) => e.status)).toEqual(["placed", "confirmed", "shipped", "refunded"]);
    expect(stockOf(shop.sen)).toBe(before - 2);
    expect(payment("A1").status).toBe("cancelled");
  });

  it("gives the stock back when an order is cancelled before it ships, and moves its payment through the payment rules", () => {
    const before = stockOf(shop.sen);
    writeOrders(account, [marketOrder("B1", "confirmed", { cod: false })]);
    expect(events("B1").map((e) => e.status)).toEqual(["placed", "confirmed"]);
    expect(payment("B1")).toMatchObject({ method: "marketplace_online", status: "paid", providerRef: "B1", provider: "shopee" });
    expect(stockOf(shop.sen)).toBe(before - 2);

    writeOrders(account, [marketOrder("B1", "cancelled", { cod: false })]);
    expect(order("B1").status).toBe("cancelled");
    expect(stockOf(shop.sen)).toBe(before);
    // Money that had arrived goes back: a paid payment is refunded, never "cancelled".
    expect(payment("B1").status).toBe("refunded");
    const history = db().select({ provider: paymentEvents.provider, status: paymentEvents.status }).from(paymentEvents).where(eq(paymentEvents.paymentId, payment("B1").id)).all();
    expect(history.filter((e) => e.provider === "ocop").map((e) => e.status)).toEqual(["pending", "paid", "refunded"]);
    expect(history.filter((e) => e.provider === "shopee").map((e) => e.status)).toEqual(["paid", "refunded"]);
  });

  it("records an order first seen cancelled at that end, taking no stock", () => {
    const before = stockOf(shop.sen);
    writeOrders(account, [marketOrder("C1", "cancelled")]);
    expect(events("C1").map((e) => e.status)).toEqual(["cancelled"]);
    expect(stockOf(shop.sen)).toBe(before);
    expect(payment("C1").status).toBe("cancelled");
  });

  it("walks a cash-on-delivery order to completed and records the courier's cash", () => {
    writeOrders(account, [marketOrder("D1", "pending_payment")]);
    writeOrders(account, [marketOrder("D1", "completed")]);
    expect(events("D1").map((e) => e.status)).toEqual(["pending_payment", "placed", "confirmed", "shipped", "delivered", "completed"]);
    expect(order("D1").completedAt).not.toBeNull();
    expect(payment("D1").status).toBe("paid");
  });

  it("queues no e-mail for marketplace orders and keeps the officials' rollups exact", () => {
    expect(db().select().from(emailOutbox).all()).toEqual([]);
    expect(salesDailyDifferences(db().$client)).toEqual([]);
    expect(salesMonthlyDifferences(db().$client)).toEqual([]);
  });
});
