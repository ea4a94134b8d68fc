import { expect, test } from "@playwright/test";
import { cardTexts, logIn, logOut, openFilters } from "./helpers";

// The storefront is plain HTML forms and links underneath: all of it works with JavaScript off.
test.use({ javaScriptEnabled: false });

test("browse, filter, search and open a product without JavaScript", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator(".product-card").first()).toBeVisible();

  await page.goto("/san-pham");
  await openFilters(page);
  await page.getByLabel("Tỉnh, thành phố").selectOption({ label: "Đồng Tháp" });
  await page.getByLabel("Hạng sao OCOP").selectOption("4");
  await page.getByRole("button", { name: "Áp dụng" }).click();
  await expect(page).toHaveURL(/province=dong-thap.*stars=4|stars=4.*province=dong-thap/);
  for (const card of await cardTexts(page)) expect(card).toMatch(/Đồng Tháp/);

  const search = page.getByRole("searchbox", { name: "Tìm sản phẩm" });
  await search.fill("nuoc mam");
  await search.press("Enter");
  await expect(page.locator(".product-card .product-name").first()).toContainText(/Nước mắm/i);

  await page.locator(".product-card a").first().click();
  await expect(page.getByRole("heading", { name: "Chứng nhận" })).toBeVisible();
});

test("log in and out without JavaScript", async ({ page }) => {
  await logIn(page, "khach@ocop.vn");
  await expect(page.getByRole("button", { name: "Đăng xuất", exact: true })).toBeVisible();
  await logOut(page);
});
