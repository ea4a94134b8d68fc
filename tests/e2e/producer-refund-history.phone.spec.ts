import { devices, expect, test, type Page } from "@playwright/test";
import { addToCart, expectPaid, placeOrder, PRODUCTS, SANDBOX, signUpShopper } from "./checkout-helpers";
import { logIn } from "./helpers";

// The producer's part of issue 13 at phone size (Pixel 7, 412 px wide): a refund needs a confirmation
// step with the amount and a reason (without JavaScript too), and the shopper reads the reason; an
// order's history is told in sentences, each event once, the provider's references only in a small
// details line; the marketplace page opens on what needs action, the publish button above the list,
// each problem said once.

async function fitsTheScreen(page: Page) {
  const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  expect(scroll, page.url()).toBeLessThanOrEqual(inner);
}

/** The history's sentences: readable, none a provider's raw string, none said twice. */
async function sentences(page: Page): Promise<string[]> {
  const list = await page.getByTestId("order-history").first().locator(".history-sentence").allTextContents();
  for (const s of list) {
    expect(s).not.toMatch(/vnpay:|momo:|stripe:|\bevt_|Nhà sản xuất Nhà sản xuất/);
    expect(s).toMatch(/[.!]$/);
  }
  expect(new Set(list).size, list.join(" | ")).toBe(list.length);
  return list;
}

test("a refund asks for its amount and reason before anything moves, and the shopper reads why", async ({ page, browser, baseURL }) => {
  test.setTimeout(90_000);
  // A new shopper pays an order of HTX Tân Thuận through VNPay.
  await signUpShopper(page, "hoan-tien");
  await addToCart(page, PRODUCTS.tanThuan.slug);
  await placeOrder(page, "vnpay");
  await expect(page).toHaveURL(new RegExp(`^${SANDBOX}/paymentv2/`));
  await page.getByRole("button", { name: "Thanh toán", exact: true }).click();
  await expectPaid(page);
  const checkoutUrl = new URL(page.url()).pathname;
  const code = (await page.getByTestId("order-part").first().textContent())!.match(/OC\d+/)![0];

  // The shopper's history: placed, then paid once, in sentences; the VNPay reference in the details line.
  const before = await sentences(page);
  expect(before.filter((s) => s.startsWith("Đã thanh toán"))).toHaveLength(1);
  expect(before.find((s) => s.startsWith("Đã thanh toán"))).toMatch(/^Đã thanh toán [\d.]+\s₫ qua VNPay\.$/);
  await expect(page.getByTestId("order-history").first().locator(".history-details")).toContainText(/Mã tham chiếu: vnpay:/);
  await fitsTheScreen(page);

  // The producer, without JavaScript: the button leads to a confirmation step, nothing moves before it.
  const producer = await browser.newContext({ ...devices["Pixel 7"], javaScriptEnabled: false, baseURL });
  const seller = await producer.newPage();
  await logIn(seller, "htx@ocop.vn");
  await seller.goto(`/kenh-nguoi-ban/don-hang/${code}`);
  const sellerHistory = await sentences(seller);
  expect(sellerHistory.filter((s) => s.startsWith("Đã thanh toán"))).toHaveLength(1);
  await seller.getByRole("link", { name: "Hoàn tiền…" }).click();
  await expect(seller).toHaveURL(new RegExp(`/kenh-nguoi-ban/don-hang/${code}/hoan-tien$`));
  await expect(seller.getByRole("heading", { level: 1 })).toHaveText(`Hoàn tiền đơn ${code}`);
  await expect(seller.getByLabel("Số tiền hoàn (₫)")).toHaveValue(/^\d{1,3}(\.\d{3})+$/); // all of it by default
  await fitsTheScreen(seller);
  await seller.getByRole("button", { name: "Xác nhận hoàn tiền" }).click();
  await expect(seller.getByText("Chọn lý do hoàn tiền.")).toBeVisible();
  await seller.getByLabel("Lý do khác").check();
  await seller.getByRole("button", { name: "Xác nhận hoàn tiền" }).click();
  await expect(seller.getByText("Ghi rõ lý do khi chọn “Lý do khác”.")).toBeVisible();
  await seller.goto(`/kenh-nguoi-ban/don-hang/${code}`);
  await expect(seller.locator(".part-head .status-badge")).toHaveText("Chờ xác nhận"); // still paid, not refunded

  await seller.getByRole("link", { name: "Hoàn tiền…" }).click();
  await seller.getByLabel("Hàng hư hỏng hoặc giao sai").check();
  await seller.getByLabel(/Ghi chú cho khách/).fill("Hũ bị nứt khi giao");
  await seller.getByRole("button", { name: "Xác nhận hoàn tiền" }).click();
  await expect(seller).toHaveURL(new RegExp(`/kenh-nguoi-ban/don-hang/${code}\\?hoan-tien=`));
  const reason = "Lý do: Hàng hư hỏng hoặc giao sai (Hũ bị nứt khi giao).";
  const after = await sentences(seller);
  expect(after.filter((s) => s.includes(reason))).toHaveLength(1);
  await fitsTheScreen(seller);
  await producer.close();

  // The shopper reads the refund and its reason on their order page, and in the history once.
  await page.goto(checkoutUrl);
  await expect(page.getByTestId("refund-notice")).toContainText(reason);
  const shopperAfter = await sentences(page);
  expect(shopperAfter.filter((s) => s.includes(reason))).toHaveLength(1);
  expect(shopperAfter.filter((s) => s.startsWith("Đã thanh toán"))).toHaveLength(1);
});

test("the marketplace page opens on what needs action, the publish button above the list, each problem once", async ({ page }) => {
  await logIn(page, "htx@ocop.vn");
  await page.goto("/kenh-nguoi-ban/san-tmdt");
  const needs = page.getByRole("link", { name: /^Cần xử lý \([\d.]+\)$/ });
  await expect(needs).toHaveAttribute("aria-current", "page");
  const count = Number((await needs.textContent())!.replace(/\D/g, ""));
  expect(count).toBeGreaterThan(0);
  const rows = page.locator(".listing-row");
  await expect(rows).toHaveCount(Math.min(count, 50));
  // Every row listed needs something done, and says it in Vietnamese, each problem once per cell.
  for (const row of await rows.all()) await expect(row.locator(".listing-problem").first()).toBeVisible();
  for (const cell of await page.locator(".listing-cell").all()) {
    const problems = await cell.locator(".listing-problem").allTextContents();
    expect(new Set(problems).size).toBe(problems.length);
    for (const p of problems) expect(p).not.toMatch(/ApiCallLimit|credentials|Sàn cho biết/);
  }
  // The publish action comes before the list.
  const publish = (await page.getByRole("button", { name: "Đăng lên các sàn đã chọn" }).boundingBox())!;
  expect(publish.y).toBeLessThan((await rows.first().boundingBox())!.y);
  await fitsTheScreen(page);
  // All products are one tap away.
  await page.getByRole("link", { name: /^Tất cả \([\d.]+\)$/ }).click();
  await expect(page.getByRole("link", { name: /^Tất cả/ })).toHaveAttribute("aria-current", "page");
  expect(await rows.count()).toBeGreaterThanOrEqual(Math.min(count, 50));

  // Prices and stock as the rest of the app writes them.
  await page.goto("/kenh-nguoi-ban/san-tmdt/gia-ton-kho");
  const prices = await page.getByLabel("Giá bán (₫)").evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  expect(prices.length).toBeGreaterThan(0);
  for (const v of prices) expect(v).toMatch(/^\d{1,3}(\.\d{3})+$/);
  await fitsTheScreen(page);
});
