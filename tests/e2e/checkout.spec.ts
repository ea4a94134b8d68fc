import { expect, test, type Page } from "@playwright/test";
import { logIn } from "./helpers";
import { PRODUCTS, SANDBOX, addToCart, expectPaid, payVietQrAtBank, placeOrder, signUpShopper } from "./checkout-helpers";

// A guest fills a cart from two producers, signs up (the cart follows), checks out and pays in
// the payment sandbox; the order page follows the payment live and ends paid, with the channel
// each method counts as in the officials' cashless rate.

async function twoProducerCart(page: Page, tag: string) {
  await addToCart(page, PRODUCTS.tanThuan.slug);
  await addToCart(page, PRODUCTS.bayHoa.slug);
  await expect(page.getByRole("link", { name: /Giỏ hàng, 2 sản phẩm/ })).toBeVisible();
  await signUpShopper(page, tag);
  await expect(page.getByRole("link", { name: /Giỏ hàng, 2 sản phẩm/ })).toBeVisible();
}

async function expectBothParts(page: Page, channel: string) {
  const parts = page.getByTestId("order-part");
  await expect(parts).toHaveCount(2);
  await expect(parts.getByTestId("payment-channel")).toHaveText([channel, channel]);
  await expect(parts.filter({ hasText: PRODUCTS.tanThuan.name })).toContainText("Đã thanh toán");
  await expect(parts.filter({ hasText: PRODUCTS.bayHoa.name })).toContainText("Đã thanh toán");
}

const INTERMEDIARY = "Không dùng tiền mặt (qua trung gian thanh toán)";

test("pays by card through Stripe Checkout", async ({ page }, info) => {
  await twoProducerCart(page, `stripe-${info.project.name}`);
  await placeOrder(page, "stripe");
  await expect(page).toHaveURL(new RegExp(`^${SANDBOX}/stripe/pay/cs_test_`));
  await page.getByRole("button", { name: "Thanh toán", exact: true }).click();
  await expect(page).toHaveURL(/\/don-hang\/CK\d+$/);
  await expectPaid(page);
  await expectBothParts(page, INTERMEDIARY);
});

test("pays through VNPay", async ({ page }, info) => {
  await twoProducerCart(page, `vnpay-${info.project.name}`);
  await placeOrder(page, "vnpay");
  await expect(page).toHaveURL(new RegExp(`^${SANDBOX}/paymentv2/vpcpay\\.html\\?.*vnp_SecureHash=`));
  await page.getByRole("button", { name: "Thanh toán", exact: true }).click();
  await expectPaid(page);
  await expectBothParts(page, INTERMEDIARY);
});

test("pays with the MoMo wallet", async ({ page }, info) => {
  await twoProducerCart(page, `momo-${info.project.name}`);
  await placeOrder(page, "momo");
  await expect(page).toHaveURL(new RegExp(`^${SANDBOX}/momo/pay/`));
  await page.getByRole("button", { name: "Xác nhận thanh toán" }).click();
  await expectPaid(page);
  await expectBothParts(page, INTERMEDIARY);
});

test("pays by VietQR transfer, confirmed by the bank's notification", async ({ page }, info) => {
  await twoProducerCart(page, `vietqr-${info.project.name}`);
  await placeOrder(page, "vietqr");
  await expect(page.getByTestId("payment-state")).toContainText("Đang chờ thanh toán");
  // One QR per producer: each is paid into that producer's own account.
  await expect(page.getByRole("img", { name: /^Mã VietQR chuyển/ })).toHaveCount(2);
  await payVietQrAtBank(page);
  await expectPaid(page);
  await expectBothParts(page, "Không dùng tiền mặt (chuyển khoản trực tiếp)");
});

test("pays cash on delivery; the producer marks it delivered and paid", async ({ page, browser }, info) => {
  await twoProducerCart(page, `cod-${info.project.name}`);
  await placeOrder(page, "cod");
  await expect(page.getByTestId("payment-state")).toContainText("Bạn thanh toán khi nhận hàng");
  const part = page.getByTestId("order-part").filter({ hasText: PRODUCTS.tanThuan.name });
  const code = (await part.getByRole("heading", { level: 2 }).innerText()).match(/OC\d+/)![0];

  const producer = await browser.newPage();
  await logIn(producer, "htx@ocop.vn");
  await producer.goto("/kenh-nguoi-ban/don-hang");
  await producer.getByRole("link", { name: code }).click();
  for (const step of ["Xác nhận đơn", "Đã giao cho vận chuyển", "Đã giao hàng và thu tiền"]) {
    await producer.getByRole("button", { name: step }).click();
    await expect(producer.getByRole("status")).toHaveText("Đã cập nhật đơn hàng.");
  }
  await expect(producer.getByTestId("payment-status")).toContainText("Đã thanh toán");
  await expect(producer.getByTestId("payment-channel")).toHaveText("Tiền mặt");
  await producer.close();

  await page.reload();
  await expect(part).toContainText("Đã giao");
  await expect(part).toContainText("Đã thanh toán");
  await expect(part.getByTestId("payment-channel")).toHaveText("Tiền mặt");
});

test("a card payment survives a failed create and a late webhook delivered twice", async ({ page, request }, info) => {
  // Only this shopper's payments misbehave (the sandbox matches the Stripe customer e-mail).
  const tag = `chaos-${info.project.name}-${Date.now()}`;
  await request.post(`${SANDBOX}/__sandbox/behaviour`, { data: { match: tag, failCreate: true } });
  await addToCart(page, PRODUCTS.bayHoa.slug);
  await signUpShopper(page, tag);
  await placeOrder(page, "stripe");
  // The gateway failed: the order is held, the page says so and offers to try again.
  await expect(page).toHaveURL(/\/don-hang\/CK\d+$/);
  await expect(page.getByText("Chưa kết nối được cổng thanh toán.")).toBeVisible();
  await request.post(`${SANDBOX}/__sandbox/behaviour`, { data: { match: tag, failCreate: false, twice: true, delayMs: 1000 } });
  await page.getByRole("button", { name: "Thử thanh toán lại" }).click();
  await page.getByRole("button", { name: "Thanh toán", exact: true }).click();
  await expectPaid(page);
  // Two deliveries of the same event: the first applied, the second finds the payment settled and changes nothing.
  await expect(async () => {
    const log = (await (await request.get(`${SANDBOX}/__sandbox/deliveries`)).json()) as { key: string | null; status: number; body: string }[];
    const mine = log.filter((d) => d.key?.includes(tag));
    expect(mine.map((d) => [d.status, JSON.parse(d.body).result])).toEqual([
      [200, "applied"],
      [200, "already_settled"],
    ]);
  }).toPass({ timeout: 10_000 });
});
