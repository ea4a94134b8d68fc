// VietQR confirmed through SePay, at phone size (issue 15): the producer connects SePay in the
// seller centre; the shopper scans the QR (decoded from the order page's image with ZBar, as a
// phone camera reads it) and pays at the sandbox bank; SePay's signed notification pays the order.
// With the webhook dropped the reconciliation pass pays it; a duplicate changes nothing; forged
// and stale notifications are refused.
import { expect, test, type Page } from "@playwright/test";
import { decodeQr } from "../../scripts/fixtures/qr-decode";
import { PRODUCTS, SANDBOX, addToCart, expectPaid, placeOrder, signUpShopper } from "./checkout-helpers";
import { logIn } from "./helpers";
import { createLinkInSellerCentre, deliveriesFor, paymentCodeIn, producerLoginOf, registerAtSepay, sepayTransactions, type SepayLink } from "./sepay-helpers";

test.describe.configure({ mode: "serial" });

let link: SepayLink;
const WAITING = "Đang chờ thanh toán";

/** A shopper's VietQR order for one Tân Thuận product; the page stays on the order. Returns the QR payload. */
async function vietqrOrder(page: Page, tag: string): Promise<string> {
  await signUpShopper(page, tag);
  await addToCart(page, PRODUCTS.tanThuan.slug);
  await placeOrder(page, "vietqr");
  const qr = page.getByRole("img", { name: /^Mã VietQR chuyển/ });
  await expect(qr).toBeVisible();
  const text = (await page.getByTestId("vietqr-payload").textContent())!.trim();
  // The banking app scans the image: ZBar reads exactly the payload the page prints.
  expect(await decodeQr((await qr.getAttribute("src"))!)).toBe(text);
  return text;
}

/** The shopper's banking app pays the scanned payload at the sandbox bank. */
async function payAtBank(page: Page, payload: string) {
  const orderPage = page.url();
  await page.goto(`${SANDBOX}/bank`);
  await page.getByLabel(/Mã VietQR/).fill(payload);
  await page.getByRole("button", { name: "Chuyển khoản" }).click();
  await expect(page.getByText(/Đã chuyển/)).toBeVisible();
  await page.goto(orderPage);
}

test("the producer connects SePay in the seller centre and a test notification proves the link", async ({ page }) => {
  await logIn(page, producerLoginOf(PRODUCTS.tanThuan.slug));
  link = await createLinkInSellerCentre(page, `e2e-phone-${Date.now()}`);
  await expect(page.getByText("khóa bí mật chỉ hiện một lần", { exact: false }).first()).toBeVisible();
  await registerAtSepay(page, link);

  // SePay's "Gửi thử": a notification with no order code reaches the link, signed.
  const memo = `SEPAY GUI THU ${Date.now()}`;
  expect((await page.request.post(`${SANDBOX}/__sandbox/sepay/transactions`, { data: { accountNumber: link.account, amount: 2000, content: memo } })).ok()).toBe(true);
  const card = page.getByTestId("bank-link").filter({ has: page.locator(`input[value="${link.url}"]`) });
  await expect(async () => {
    await page.getByRole("link", { name: "Kiểm tra lại trạng thái" }).first().click();
    await expect(card.getByTestId("bank-link-state")).toHaveText(/Đã kết nối|Đang hoạt động/, { timeout: 500 });
  }).toPass({ timeout: 15_000 });
  // The secret is never shown again: only its last 4 characters.
  await expect(page.locator(`input[value="${link.secret}"]`)).toHaveCount(0);
  await expect(card.getByText(`…${link.secret.slice(-4)}`)).toBeVisible();

  // The test transfer waits in "cần đối soát": set it aside.
  await page.goto("/kenh-nguoi-ban/chuyen-khoan/doi-soat");
  const row = page.getByTestId("review-transfer").filter({ hasText: memo });
  await expect(row).toBeVisible();
  await row.getByRole("button", { name: "Bỏ qua" }).click();
  await expect(page.getByText("Đã bỏ qua giao dịch.")).toBeVisible();
  await expect(page.getByTestId("review-transfer").filter({ hasText: memo })).toHaveCount(0);

  await page.goto("/kenh-nguoi-ban");
  await expect(page.getByTestId("auto-confirm").getByTestId("bank-link-state")).toHaveText(/Đã kết nối|Đang hoạt động/);
});

test("SePay's signed notification pays the order; a duplicate changes nothing", async ({ page }) => {
  const payload = await vietqrOrder(page, "sepay-paid");
  const code = paymentCodeIn(payload);
  await payAtBank(page, payload);
  await expectPaid(page);
  await expect(page.getByTestId("payment-channel")).toHaveText("Không dùng tiền mặt (chuyển khoản trực tiếp)");

  // SePay recognised the payment code; the app acknowledged as SePay expects.
  const [booked] = await sepayTransactions(page, `.${code}.`);
  expect(booked!.code).toBe(code);
  await expect.poll(async () => (await deliveriesFor(page, `.${code}.`)).some((d) => d.status === 200 && JSON.parse(d.body).success === true)).toBe(true);

  // SePay sends it again (its retry, or a manual replay): accepted, and nothing changes.
  const before = (await deliveriesFor(page, `.${code}.`)).length;
  expect((await page.request.post(`${SANDBOX}/__sandbox/sepay/resend`, { data: { id: booked!.id } })).ok()).toBe(true);
  await expect.poll(async () => (await deliveriesFor(page, `.${code}.`)).length).toBeGreaterThan(before);
  expect((await deliveriesFor(page, `.${code}.`)).slice(before).every((d) => d.status === 200)).toBe(true);
  await page.reload();
  await expect(page.getByText("Đã nhận thanh toán. Cảm ơn bạn!")).toBeVisible();
});

test("forged and stale notifications are refused; with the webhook dropped, the reconciliation pass pays the order", async ({ page, browser, baseURL }) => {
  const payload = await vietqrOrder(page, "sepay-dropped");
  const code = paymentCodeIn(payload);
  // SePay's notification of this transfer never arrives.
  expect((await page.request.post(`${SANDBOX}/__sandbox/behaviour`, { data: { drop: true, match: `.${code}.` } })).ok()).toBe(true);
  await payAtBank(page, payload);
  const [booked] = await sepayTransactions(page, `.${code}.`);
  expect(booked).toBeDefined();

  // Someone replays it with a stale timestamp, or signed with another key: refused (401), nothing paid.
  expect((await page.request.post(`${SANDBOX}/__sandbox/behaviour`, { data: { drop: false, match: `.${code}.` } })).ok()).toBe(true);
  for (const kind of ["stale", "bad-signature"] as const) {
    expect((await page.request.post(`${SANDBOX}/__sandbox/sepay/forge`, { data: { id: booked!.id, kind } })).ok()).toBe(true);
  }
  await expect.poll(async () => (await deliveriesFor(page, `.${code}.`)).filter((d) => d.status === 401).length).toBeGreaterThanOrEqual(2);
  expect((await deliveriesFor(page, `.${code}.`)).every((d) => d.status === 401)).toBe(true);
  await page.reload();
  await expect(page.getByTestId("payment-state")).toContainText(WAITING);

  // The producer sees the link refused something, and reads SePay's statement now.
  const producer = await (await browser.newContext({ baseURL })).newPage();
  await logIn(producer, producerLoginOf(PRODUCTS.tanThuan.slug));
  await producer.goto("/kenh-nguoi-ban/chuyen-khoan");
  const card = producer.getByTestId("bank-link").filter({ has: producer.locator(`input[value="${link.url}"]`) });
  await expect(card.getByTestId("bank-link-state")).toHaveText("Lỗi");
  await expect(card.getByText(/Từ chối thông báo/)).toBeVisible();
  await producer.getByRole("button", { name: "Đối chiếu sao kê ngay" }).click();
  await expect(producer.getByTestId("reconciled")).toContainText(/[1-9]\d* đơn được xác nhận thanh toán/);
  await expectPaid(page, true);
  await producer.context().close();
});
