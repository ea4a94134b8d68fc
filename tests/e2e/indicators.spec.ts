import AxeBuilder from "@axe-core/playwright";
import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { logIn } from "./helpers";

test("an official follows the province's indicators, drills down and exports", async ({ page }) => {
  await logIn(page, "canbo.dongthap@ocop.vn");
  await page.getByRole("link", { name: "Chỉ số" }).click();
  await expect(page).toHaveURL(/\/chi-so\/dong-thap$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Đồng Tháp");
  const listing = page.locator('[data-indicator="ocop_listing_share"]');
  await expect(listing).toContainText("Mục tiêu 2026: 80%");
  await expect(page.locator('[data-indicator="cashless_rate_count"]')).toContainText("Mục tiêu 2026: 50%");
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  // Another period: last month, figures as of its last day.
  await page.getByLabel("Kỳ báo cáo").selectOption("2026-10");
  await page.getByRole("button", { name: "Xem", exact: true }).click();
  await expect(page).toHaveURL(/ky=2026-10/);
  await expect(page.getByText("Số liệu tính đến hết ngày 31/10/2026")).toBeVisible();
  await page.waitForLoadState("load");
  const shown = (await page.getByTestId("value-ocop_listing_share").innerText()).trim();
  const cashlessShown = (await page.getByTestId("value-cashless_rate_count").innerText()).trim();

  // The download holds the same numbers as the page.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Excel (.xlsx)" }).click()]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await download.path());
  const sheet = book.getWorksheet("Chỉ số")!;
  const rowOf = (name: string) => sheet.getRows(3, sheet.rowCount)!.find((r) => r.getCell(1).value === name)!;
  const asPercent = (v: unknown) => `${(Math.round(Number(v) * 1000) / 10).toString().replace(".", ",")}%`;
  expect(asPercent(rowOf("Tỷ lệ sản phẩm OCOP trên sàn TMĐT").getCell(4).value)).toBe(shown);
  expect(asPercent(rowOf("Tỷ lệ thanh toán không dùng tiền mặt (số đơn)").getCell(4).value)).toBe(cashlessShown);

  // Drill down to the products still offline, with what they lack.
  await page.getByRole("link", { name: "Sản phẩm chưa lên sàn" }).click();
  await expect(page).toHaveURL(/\/chi-so\/dong-thap\/chua-len-san\?ky=2026-10/);
  await expect(page.getByTestId("unlisted-table").locator("tbody tr").first()).toBeVisible();
});

test("an official cannot reach another province, nor the country, by URL or API", async ({ page }) => {
  await logIn(page, "canbo.dongthap@ocop.vn");
  for (const path of ["/chi-so/vinh-long", "/chi-so/vinh-long/chua-len-san", "/chi-so/toan-quoc", "/chi-so/vinh-long/xuat?bang=tong-quan&dinh-dang=xlsx"]) {
    expect((await page.goto(path))?.status(), path).toBe(403);
  }
  expect((await page.request.get("/api/chi-so/vinh-long")).status()).toBe(403);
  const own = await page.request.get("/api/chi-so/dong-thap?ky=2026-10");
  expect(own.status()).toBe(200);
  expect((await own.json()).indicators.ocop_listing_share.denominator).toBeGreaterThan(0);
  // A shopper is no official at all.
  await page.context().clearCookies();
  await logIn(page, "khach@ocop.vn");
  expect((await page.goto("/chi-so/dong-thap"))?.status()).toBe(403);
});
