import { expect, test } from "@playwright/test";
import { logIn, logOut } from "./helpers";

test("a shopper signs up, is logged in, and logs out", async ({ page }, info) => {
  const email = `khach.${info.project.name}.${Date.now()}@example.vn`;
  await page.goto("/dang-ky");
  await page.getByLabel("Người mua").check();
  await page.getByLabel("Họ và tên").fill("Trần Văn Bình");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Số điện thoại").fill("0987 654 321");
  await page.getByLabel("Mật khẩu").fill("ngan");
  await page.getByRole("button", { name: "Tạo tài khoản" }).click();
  // The short password is explained next to its field; what was typed is still there.
  await expect(page.getByText("Mật khẩu cần ít nhất 10 ký tự.")).toBeVisible();
  await expect(page.getByLabel("Họ và tên")).toHaveValue("Trần Văn Bình");
  await page.getByLabel("Mật khẩu").fill("mat-khau-that-dai");
  await page.getByRole("button", { name: "Tạo tài khoản" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("link", { name: "Trần Văn Bình" })).toBeVisible();
  await logOut(page);
});

test("a producer logs in and sees their cooperative, then logs out", async ({ page }) => {
  await logIn(page, "htx@ocop.vn");
  await page.getByRole("link", { name: "Kênh người bán" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("HTX Nông nghiệp Tân Thuận");
  await expect(page.locator(".stat-grid").first().locator(".stat").filter({ hasText: "Đang bán" })).toContainText(/\d+/);
  await page.goto("/tai-khoan");
  await expect(page.getByTestId("role")).toContainText("Thành viên của");
  await logOut(page);
  await page.goto("/tai-khoan");
  await expect(page).toHaveURL(/\/dang-nhap\?redirectTo=%2Ftai-khoan/);
});

test("a wrong password gets a clear message", async ({ page }) => {
  await logIn(page, "htx@ocop.vn", "mat-khau-sai-roi");
  await expect(page.getByRole("alert")).toHaveText("Email hoặc mật khẩu không đúng.");
  await expect(page.getByLabel("Email")).toHaveValue("htx@ocop.vn");
});

test("a shopper cannot open the seller centre", async ({ page }) => {
  await logIn(page, "khach@ocop.vn");
  const res = await page.goto("/kenh-nguoi-ban");
  expect(res?.status()).toBe(403);
  await expect(page.getByText("Bạn không có quyền xem trang này.")).toBeVisible();
});
