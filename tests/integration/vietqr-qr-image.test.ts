// The QR on the buyer's order page, decoded by ZBar (zbarimg) as a phone camera would read it,
// is exactly the VietQR payload for the order: the producer's account, the amount and the payment code.
import { eq } from "drizzle-orm";
import { QRPay } from "vietnam-qr-pay";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { orders, producers } from "#db/schema";
import { loader as orderPage } from "~/routes/storefront/don-hang.$code";
import { action as checkoutAction } from "~/routes/storefront/thanh-toan";
import { paymentCodeFor } from "~/payments/payment-code";
import { orderQrPayload } from "~/payments/vietqr-transfer";
import { decodeQr } from "../../scripts/fixtures/qr-decode";
import { ADDRESS, call, dataOf, fillCart, get, locationOf, newShopper, post, seedShop, type Shop } from "../../scripts/fixtures/shop";

type Page = { transfers: Record<string, { payload: string; image: string; amount: number; accountNumber: string }> };

let shop: Shop;
beforeAll(() => {
  shop = seedShop();
});

describe("the order page's VietQR image", () => {
  it("decodes with zbarimg to the order's payload", async () => {
    const buyer = await newShopper("qr-image@example.vn");
    fillCart(buyer.id, [[shop.xoai, 3]]);
    const placed = await call(checkoutAction as never, post("/thanh-toan", { ...ADDRESS, method: "vietqr" }, buyer.cookie));
    const checkoutCode = locationOf(placed)!.split("/").pop()!;
    const page = dataOf<Page>({ data: await call(orderPage as never, get(`/don-hang/${checkoutCode}`, buyer.cookie), { code: checkoutCode }) });
    const [code, transfer] = Object.entries(page.transfers)[0]!;
    const order = db().select().from(orders).where(eq(orders.code, code)).get()!;
    const producer = db().select().from(producers).where(eq(producers.id, shop.tanThuan)).get()!;

    const expected = orderQrPayload({ id: order.id, total: transfer.amount, bin: producer.bankBin!, accountNumber: producer.bankAccountNumber! });
    expect(transfer.payload).toBe(expected);
    const scanned = await decodeQr(transfer.image);
    expect(scanned).toBe(expected);
    const read = new QRPay(scanned);
    expect([read.isValid, read.consumer.bankNumber, read.amount, read.additionalData.purpose]).toEqual([true, producer.bankAccountNumber, String(transfer.amount), paymentCodeFor(order.id)]);
  });

});
