import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { addToCart, placeOrder, PRODUCTS, signUpShopper } from "./checkout-helpers";

// The shopper's journey of issue 13 at phone size (Pixel 7): the address is remembered (an account's
// address book; a guest's address kept with their cart), the shipping fee and total are shown without
// JavaScript ("Tính phí"), the VietQR code can be saved as a PNG and its details copied.

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** What a banking app reads from the saved image (zbarimg, as an independent QR reader). */
function decodeQr(png: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), "ocop-qr-")), "qr.png");
  writeFileSync(file, png);
  return execFileSync("zbarimg", ["--raw", "-q", file], { encoding: "utf8" }).trim();
}

async function orderWithVietQr(page: Page, tag: string) {
  await signUpShopper(page, tag);
  await addToCart(page, PRODUCTS.tanThuan.slug);
  await placeOrder(page, "vietqr");
  await expect(page).toHaveURL(/\/don-hang\/CK\d+$/);
}

test.describe("with JavaScript", () => {
  test("a signed-in shopper's addresses are kept in a book, chosen at checkout and edited on the account page", async ({ page }) => {
    await signUpShopper(page, "so-dia-chi");
    await addToCart(page, PRODUCTS.tanThuan.slug);
    await placeOrder(page, "cod");
    await expect(page).toHaveURL(/\/don-hang\/CK\d+$/);

    // The next checkout delivers to the saved address, ticked; the fields show only for another one.
    await addToCart(page, PRODUCTS.tanThuan.slug);
    await page.goto("/thanh-toan");
    const saved = page.getByRole("radio", { name: /Số 12 phố Kim Mã, Phường Ba Đình, Hà Nội/ });
    await expect(saved).toBeChecked();
    await expect(page.getByLabel("Số nhà, tên đường hoặc thôn, ấp")).toBeHidden();
    await expect(page.getByTestId("shipping-fee")).not.toHaveText("Chọn tỉnh để tính");
    await page.getByRole("radio", { name: /^Địa chỉ khác/ }).check();
    await page.getByLabel("Tỉnh, thành phố").selectOption({ label: "Huế" });
    await page.getByLabel("Xã, phường, đặc khu").fill("Phường Thuận Hóa");
    await page.getByLabel("Số nhà, tên đường hoặc thôn, ấp").fill("15 Lê Lợi");
    await page.getByRole("radio", { name: /^Thanh toán khi nhận hàng/ }).check();
    await page.getByRole("button", { name: /^Đặt hàng/ }).click();
    await expect(page).toHaveURL(/\/don-hang\/CK\d+$/);
    await expect(page.getByText(/Giao đến: .*15 Lê Lợi, Phường Thuận Hóa, Huế/)).toBeVisible();

    // The account page lists both, the first the default; Huế becomes the default.
    await page.goto("/tai-khoan");
    const entries = page.getByTestId("saved-address");
    await expect(entries).toHaveCount(2);
    await expect(entries.first()).toContainText("Mặc định");
    await expect(entries.first()).toContainText("Số 12 phố Kim Mã");
    await entries.filter({ hasText: "15 Lê Lợi" }).getByRole("button", { name: "Đặt làm mặc định" }).click();
    await expect(entries.first()).toContainText("15 Lê Lợi");
    await expect(entries.first()).toContainText("Mặc định");
    // Edited there: a wrong phone is explained next to its field.
    const hue = entries.first();
    await hue.getByText("Sửa").click();
    await hue.getByLabel("Số điện thoại").fill("123");
    await hue.getByRole("button", { name: "Lưu địa chỉ" }).click();
    await expect(page.getByTestId("saved-address").first().getByText("Nhập số điện thoại Việt Nam, ví dụ 0912 345 678.")).toBeVisible();

    await addToCart(page, PRODUCTS.tanThuan.slug);
    await page.goto("/thanh-toan");
    await expect(page.getByRole("radio", { name: /15 Lê Lợi, Phường Thuận Hóa, Huế/ })).toBeChecked();
  });

  test("the VietQR page saves the code as OC….png that a banking app reads, and copies each detail", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await orderWithVietQr(page, "luu-qr-js");
    const payload = (await page.getByTestId("vietqr-payload").textContent())!.trim();
    for (const what of ["số tài khoản", "số tiền", "nội dung chuyển khoản"]) {
      await expect(page.getByRole("button", { name: `Sao chép ${what}` })).toBeVisible();
    }
    const purpose = page.getByRole("button", { name: "Sao chép nội dung chuyển khoản" });
    await purpose.click();
    await expect(purpose).toContainText("Đã sao chép");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^OC\d+$/);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Lưu mã QR" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^OC\d+\.png$/);
    const png = readFileSync((await download.path())!);
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(decodeQr(png)).toBe(payload);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("'Tính phí' shows the shipping fee and the total before the order is placed", async ({ page }) => {
    await signUpShopper(page, "tinh-phi");
    await addToCart(page, PRODUCTS.tanThuan.slug);
    await page.goto("/thanh-toan");
    await expect(page.getByTestId("shipping-fee")).toHaveText("Chọn tỉnh để tính");
    await page.getByLabel("Tỉnh, thành phố").selectOption({ label: "Hà Nội" });
    await page.getByRole("button", { name: "Tính phí" }).click();
    await expect(page).toHaveURL(/\/thanh-toan$/);
    await expect(page.getByTestId("shipping-fee")).toHaveText(/^(\d{1,3}(\.\d{3})*\s₫|Miễn phí)$/);
    await expect(page.getByTestId("checkout-total")).toHaveText(/^\d{1,3}(\.\d{3})*\s₫$/);
    await expect(page.getByLabel("Tỉnh, thành phố")).toHaveValue("ha-noi");
    await expect(page.getByRole("link", { name: /Giỏ hàng, 1 sản phẩm/ })).toBeVisible(); // nothing was ordered
  });

  test("a guest's address is kept with the cart, gives the fee there, and fills the checkout after sign-up", async ({ page, context }) => {
    await page.goto("/");
    expect(await context.cookies()).toEqual([]); // the catalogue sets no cookie
    await addToCart(page, PRODUCTS.tanThuan.slug);
    await expect(page).toHaveURL(/\/gio-hang$/);
    await page.getByLabel("Tỉnh, thành phố").selectOption({ label: "Hà Nội" });
    await page.getByLabel("Xã, phường, đặc khu").fill("Phường Ba Đình");
    await page.getByLabel("Số nhà, tên đường hoặc thôn, ấp").fill("Số 12 phố Kim Mã");
    await page.getByRole("button", { name: "Tính phí" }).click();
    await expect(page.getByTestId("shipping-fee")).toHaveText(/^(\d{1,3}(\.\d{3})*\s₫|Miễn phí)$/);
    await expect(page.getByTestId("cart-total")).toHaveText(/^\d{1,3}(\.\d{3})*\s₫$/);
    // Remembered: the cart page shows it again; the cookie still holds only the cart's random token.
    await page.goto("/gio-hang");
    await expect(page.getByLabel("Số nhà, tên đường hoặc thôn, ấp")).toHaveValue("Số 12 phố Kim Mã");
    const cart = (await context.cookies()).find((c) => c.name === "ocop_cart")!;
    expect(Buffer.from(decodeURIComponent(cart.value), "base64").toString()).toMatch(/^"[A-Za-z0-9_-]{43}"$/);

    await signUpShopper(page, "khach-vang-lai");
    await page.goto("/thanh-toan");
    await expect(page.getByRole("radio", { name: /Số 12 phố Kim Mã, Phường Ba Đình, Hà Nội/ })).toBeChecked();
    await expect(page.getByTestId("shipping-fee")).toHaveText(/^(\d{1,3}(\.\d{3})*\s₫|Miễn phí)$/);
  });

  test("the VietQR page's 'Lưu mã QR' is a plain link to the PNG; the details stay as text", async ({ page }) => {
    await orderWithVietQr(page, "luu-qr-nojs");
    const payload = (await page.getByTestId("vietqr-payload").textContent())!.trim();
    const link = page.getByRole("link", { name: "Lưu mã QR" });
    const href = (await link.getAttribute("href"))!;
    expect(await link.getAttribute("download")).toMatch(/^OC\d+\.png$/);
    const answer = await page.request.get(href);
    expect(answer.status()).toBe(200);
    expect(answer.headers()["content-type"]).toBe("image/png");
    expect(answer.headers()["content-disposition"]).toMatch(/^attachment; filename="OC\d+\.png"$/);
    const png = await answer.body();
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(decodeQr(png)).toBe(payload);
    // Without JavaScript there is nothing to press, and the account number, amount and memo are there to select.
    await expect(page.getByRole("button", { name: /^Sao chép/ })).toHaveCount(0);
    await expect(page.locator(".copyable strong")).toHaveText([/^\d+$/, /^\d{1,3}(\.\d{3})*\s₫$/, /^OC\d+$/]);
  });
});
