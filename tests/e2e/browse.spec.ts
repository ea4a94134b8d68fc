import { expect, test } from "@playwright/test";
import { cardTexts, expectImagesLoaded, openFilters } from "./helpers";

test("home page shows the catalogue with photos", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Đặc sản OCOP");
  await expect(page.getByRole("heading", { name: "Nhóm sản phẩm OCOP" })).toBeVisible();
  await expect(page.locator(".product-card").first()).toBeVisible();
  const prices = await page.locator(".product-card .price").allInnerTexts();
  expect(prices.length).toBeGreaterThan(4);
  for (const price of prices) expect(price.replace(/\s/g, " ")).toMatch(/^\d{1,3}(\.\d{3})+ ₫$/);
  // Scroll through so lazy photos load, then check none is broken.
  await page.locator(".product-card").last().scrollIntoViewIfNeeded();
  await page.waitForLoadState("networkidle");
  await expectImagesLoaded(page);
  const served = await page.locator(".product-card img").first().evaluate((i) => (i as HTMLImageElement).currentSrc);
  expect(served).toMatch(/\/media\/[0-9a-f]+-\d+\.(avif|webp)$/);
});

test("filters by province", async ({ page }) => {
  await page.goto("/san-pham");
  await openFilters(page);
  await page.getByLabel("Tỉnh, thành phố").selectOption({ label: "Đồng Tháp" });
  await page.getByRole("button", { name: "Áp dụng" }).click();
  await expect(page).toHaveURL(/province=dong-thap/);
  // The URL can change a moment before the new cards render: wait for them.
  await expect(page.locator(".product-card").first()).toContainText("Đồng Tháp");
  const cards = await cardTexts(page);
  expect(cards.length).toBeGreaterThan(0);
  for (const card of cards) expect(card).toContain("Đồng Tháp");
});

test("filters by OCOP stars", async ({ page }) => {
  await page.goto("/san-pham");
  await openFilters(page);
  await page.getByLabel("Hạng sao OCOP").selectOption("5");
  await page.getByRole("button", { name: "Áp dụng" }).click();
  await expect(page).toHaveURL(/stars=5/);
  await expect(page.locator(".product-card").first()).toContainText("OCOP 5 sao");
  const cards = await cardTexts(page);
  expect(cards.length).toBeGreaterThan(0);
  for (const card of cards) expect(card).toContain("OCOP 5 sao");
});

test("search without diacritics finds the Vietnamese product", async ({ page }) => {
  await page.goto("/");
  const search = page.getByRole("searchbox", { name: "Tìm sản phẩm" });
  await search.fill("nuoc mam");
  await search.press("Enter");
  await expect(page).toHaveURL(/\/san-pham\?q=nuoc\+mam/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kết quả cho “nuoc mam”");
  const first = page.locator(".product-card .product-name").first();
  await expect(first).toContainText(/Nước mắm/i);

  await page.goto("/san-pham?q=dac+san");
  const names = await page.locator(".product-card .product-name").allInnerTexts();
  expect(names.some((n) => /Đặc sản/i.test(n))).toBe(true);
});

test("a product page shows price, producer, province and the certificate", async ({ page }) => {
  await page.goto("/san-pham?stars=4");
  await page.locator(".product-card a").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator(".buy-box .price")).toHaveText(/₫/);
  await expect(page.locator(".facts")).toContainText("Nhà sản xuất");
  await expect(page.getByRole("heading", { name: "Chứng nhận" })).toBeVisible();
  const certRow = page.locator("table.data tbody tr").filter({ hasText: "OCOP" }).first();
  await expect(certRow).toContainText(/\/QĐ-/);
  await expect(certRow).toContainText(/\d{2}\/\d{2}\/\d{4} – \d{2}\/\d{2}\/\d{4}/);
  await expect(certRow).toContainText("Còn hiệu lực");
  await expectImagesLoaded(page);

  await page.locator(".facts a").first().click();
  await expect(page.locator(".badge.ok")).toHaveText("Đã xác minh");
  await expect(page.locator(".product-card").first()).toBeVisible();
});

test("bad input gets a normal page or a 404, never a 500", async ({ page }) => {
  const res = await page.goto(`/san-pham?page=-1&stars=abc&q=${"nước mắm ".repeat(1100)}`);
  expect(res?.status()).toBe(200);
  await expect(page.getByRole("status").first()).toContainText("bộ lọc không hợp lệ");

  const missing = await page.goto("/san-pham/khong-co-san-pham-nay");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Không tìm thấy trang");

  const weird = await page.goto("/san-pham/%E0%A4%A");
  expect(weird?.status()).toBeLessThan(500);
});

test("switches to English and back", async ({ page }) => {
  await page.goto("/san-pham");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Products");
  await expect(page).toHaveURL(/\/san-pham$/);
  await page.getByRole("button", { name: "Tiếng Việt" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sản phẩm");
});
