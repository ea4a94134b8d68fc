import AxeBuilder from "@axe-core/playwright";
import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { logIn } from "./helpers";

test("an official follows the province's indicators, drills down and exports", async ({ page }) => {
  test.setTimeout(60_000); // several pages, a download and the report, on a shared machine
  await logIn(page, "canbo.dongthap@ocop.vn");
  await page.getByRole("link", { name: "Chỉ số" }).click();
  await expect(page).toHaveURL(/\/chi-so\/dong-thap$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Đồng Tháp");
  const listing = page.locator('[data-indicator="ocop_listing_share"]');
  await expect(listing).toContainText("Mục tiêu 2026: 80%");
  await expect(page.locator('[data-indicator="cashless_rate_count"]')).toContainText("Mục tiêu 2026: 50%");
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  // It opens on the last complete month, figures as of its last day.
  const today = new Date(Date.now() + 7 * 3600_000);
  const last = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 0));
  const lastKey = last.toISOString().slice(0, 7);
  const lastDay = `${last.toISOString().slice(8, 10)}/${last.toISOString().slice(5, 7)}/${last.getUTCFullYear()}`;
  await expect(page.getByLabel("Kỳ báo cáo")).toHaveValue(lastKey);
  await expect(page.getByText(`Số liệu tính đến hết ngày ${lastDay}`)).toBeVisible();
  await expect(page.getByTestId("period-running")).toHaveCount(0);

  // The current month only when chosen, and then it says the month is not over.
  const currentKey = today.toISOString().slice(0, 7);
  await page.getByLabel("Kỳ báo cáo").selectOption(currentKey);
  await page.getByRole("button", { name: "Xem", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`ky=${currentKey}`));
  await expect(page.getByTestId("period-running")).toHaveText("chưa hết tháng");

  // A range that ends before it starts gets a message, and the range form keeps the dates.
  await page.goto("/chi-so/dong-thap?tu=2026-11-20&den=2026-09-01");
  await expect(page.getByTestId("period-problem")).toContainText("Ngày bắt đầu (20/11/2026) sau ngày kết thúc (01/09/2026)");
  await expect(page.getByLabel("Từ ngày", { exact: true })).toHaveValue("2026-11-20");

  // Another period: October, figures as of its last day.
  await page.goto("/chi-so/dong-thap?ky=2026-10");
  await expect(page.getByText("Số liệu tính đến hết ngày 31/10/2026")).toBeVisible();
  await page.waitForLoadState("load");
  const shown = (await page.getByTestId("value-ocop_listing_share").innerText()).trim();
  const cashlessShown = (await page.getByTestId("value-cashless_rate_count").innerText()).trim();

  // The download holds the same numbers as the page.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Excel (.xlsx)" }).click()]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await download.path());
  const sheet = book.getWorksheet("Chỉ số")!;
  expect(sheet.getCell("A2").value).toMatch(/^Tỉnh, thành phố: Đồng Tháp · Kỳ báo cáo: 10\/2026 · Số liệu tính đến hết ngày 31\/10\/2026/);
  const rowOf = (name: string) => sheet.getRows(4, sheet.rowCount - 3)!.find((r) => r.getCell(1).value === name)!;
  const asPercent = (v: unknown) => `${(Math.round(Number(v) * 1000) / 10).toString().replace(".", ",")}%`;
  expect(asPercent(rowOf("Tỷ lệ sản phẩm OCOP trên sàn TMĐT").getCell(2).value)).toBe(shown);
  expect(asPercent(rowOf("Tỷ lệ thanh toán không dùng tiền mặt (số đơn)").getCell(2).value)).toBe(cashlessShown);

  // The printed report of the same month holds the same figures, for the province, from its office.
  await page.getByRole("link", { name: "Báo cáo tháng (in)" }).click();
  await expect(page).toHaveURL(/\/chi-so\/dong-thap\/bao-cao\?ky=2026-10/);
  await expect(page.getByTestId("report-office")).toHaveText(/UBND TỈNH ĐỒNG THÁP\s*SỞ CÔNG THƯƠNG/);
  await expect(page.getByTestId("report-period")).toContainText("từ ngày 01/10/2026 đến ngày 31/10/2026");
  const reportRow = (name: string) => page.getByTestId("report-figures").locator("tr", { has: page.getByRole("rowheader", { name, exact: true }) });
  await expect(reportRow("Tỷ lệ sản phẩm OCOP trên sàn TMĐT").locator("td").nth(1)).toHaveText(shown);
  await expect(reportRow("Tỷ lệ thanh toán không dùng tiền mặt (số đơn)").locator("td").nth(1)).toHaveText(cashlessShown);
  await page.goBack();

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
