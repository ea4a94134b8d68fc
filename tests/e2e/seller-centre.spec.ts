import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { logIn } from "./helpers";

test("the seller centre's pages have no serious accessibility violations", async ({ page }) => {
  test.setTimeout(60_000);
  await logIn(page, "htx@ocop.vn");
  await page.goto("/kenh-nguoi-ban/san-pham");
  const first = page.locator(".seller-product-main").first();
  const href = await first.getAttribute("href");
  for (const path of ["/kenh-nguoi-ban/san-pham", `${href}/anh`, `${href}/chung-nhan`, "/kenh-nguoi-ban/nhap-xuat"]) {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
  }
});

test("a file over 10 MB is refused next to the field before it is sent, and nothing is posted", async ({ page }) => {
  await logIn(page, "htx@ocop.vn");
  await page.goto("/kenh-nguoi-ban/nhap-xuat");
  const posted: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST") posted.push(r.url());
  });
  const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x41);
  // The check runs once the page is hydrated: choose the file again until it has.
  await expect(async () => {
    await page.getByLabel("Chọn tệp").setInputFiles({ name: "lon.csv", mimeType: "text/csv", buffer: big });
    await expect(page.getByRole("alert").filter({ hasText: "Tệp lớn hơn 10 MB. Hãy chia thành nhiều tệp." })).toBeVisible({ timeout: 1000 });
  }).toPass();
  await page.getByRole("button", { name: "Kiểm tra tệp" }).click();
  await expect(page.getByLabel("Chọn tệp")).toHaveAttribute("aria-invalid", "true");
  expect(posted).toEqual([]);
});

test("a spreadsheet is checked, its bad rows explained, and only the good rows imported", async ({ page }, info) => {
  await logIn(page, "htx@ocop.vn");
  await page.goto("/kenh-nguoi-ban/nhap-xuat");
  const run = `${info.project.name}-${Date.now()}`;
  const csv = [
    "Mã sản phẩm,Tên sản phẩm,Danh mục,Đơn vị tính,Giá bán (đồng),Trạng thái,Loại chứng nhận,Hạng sao OCOP,Số quyết định / chứng nhận,Ngày cấp",
    `E2E-${run}-1,Bánh pía sầu riêng ${run},"Bánh kẹo, đặc sản",hộp 400 g,85k,Bản nháp,OCOP,3,12/QĐ-UBND,01/06/2025`,
    `E2E-${run}-2,Kẹo dừa ${run},"Bánh kẹo, đặc sản",gói 250 g,150k,Bản nháp,OCOP,6,13/QĐ-UBND,01/06/2025`,
  ].join("\r\n");
  await page.getByLabel("Chọn tệp").setInputFiles({ name: "thu.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Kiểm tra tệp" }).click();
  await expect(page.getByRole("heading", { name: "1 dòng có lỗi (1 ô cần sửa)" })).toBeVisible();
  await expect(page.locator(".import-errors")).toContainText("Hạng sao “6” không hợp lệ: OCOP chỉ có 3, 4 hoặc 5 sao.");
  await expect(page.locator(".import-errors td").first()).toHaveText("3");
  await page.getByRole("button", { name: "Nhập 1 dòng hợp lệ, bỏ qua 1 dòng lỗi" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã nhập 1 dòng: 1 sản phẩm mới" })).toBeVisible();
  await page.goto(`/kenh-nguoi-ban/san-pham?q=${encodeURIComponent(run)}`);
  await expect(page.locator(".seller-product")).toHaveCount(1);
  await expect(page.locator(".seller-product")).toContainText(`Bánh pía sầu riêng ${run}`);
});
