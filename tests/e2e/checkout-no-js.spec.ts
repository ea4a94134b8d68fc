import { expect, test } from "@playwright/test";
import { PRODUCTS, addToCart, expectPaid, payVietQrAtBank, placeOrder, signUpShopper } from "./checkout-helpers";

// The cart and the checkout are plain forms: they work with JavaScript off.
test.use({ javaScriptEnabled: false });

test("adds to the cart, checks out and pays on delivery without JavaScript", async ({ page }, info) => {
  await signUpShopper(page, `nojs-cod-${info.project.name}`);
  await addToCart(page, PRODUCTS.tanThuan.slug);
  await expect(page).toHaveURL(/\/gio-hang$/);
  await addToCart(page, PRODUCTS.bayHoa.slug);
  await page.getByLabel(`Số lượng ${PRODUCTS.bayHoa.name}`).fill("0");
  await page.getByRole("listitem").filter({ hasText: PRODUCTS.bayHoa.name }).getByRole("button", { name: "Cập nhật" }).click();
  await expect(page.getByRole("alert")).toHaveText("Số lượng phải là số nguyên từ 1 đến 999.");
  await page.getByLabel(`Số lượng ${PRODUCTS.bayHoa.name}`).fill("2");
  await page.getByRole("listitem").filter({ hasText: PRODUCTS.bayHoa.name }).getByRole("button", { name: "Cập nhật" }).click();
  await expect(page.getByRole("link", { name: /Giỏ hàng, 3 sản phẩm/ })).toBeVisible();

  // A bad phone number is explained next to its field; what was typed stays.
  await page.getByRole("link", { name: "Tiến hành thanh toán" }).click();
  await page.getByLabel("Số điện thoại").fill("12345");
  await page.getByLabel("Xã, phường, đặc khu").fill("Xã Tân Thuận");
  await page.getByRole("button", { name: /^Đặt hàng/ }).click();
  await expect(page.getByText("Nhập số điện thoại Việt Nam, ví dụ 0912 345 678.")).toBeVisible();
  await expect(page.getByText("Chọn tỉnh, thành phố nhận hàng trong danh sách 34 tỉnh, thành phố.")).toBeVisible();
  await expect(page.getByLabel("Xã, phường, đặc khu")).toHaveValue("Xã Tân Thuận");

  await placeOrder(page, "cod");
  await expect(page).toHaveURL(/\/don-hang\/CK\d+$/);
  await expect(page.getByTestId("payment-state")).toContainText("Bạn thanh toán khi nhận hàng");
  await expect(page.getByTestId("order-part")).toHaveCount(2);
  await expect(page.getByTestId("payment-channel").first()).toHaveText("Tiền mặt");
});

test("pays by VietQR without JavaScript, refreshing the order page by hand", async ({ page }, info) => {
  await signUpShopper(page, `nojs-qr-${info.project.name}`);
  await addToCart(page, PRODUCTS.tanThuan.slug);
  await placeOrder(page, "vietqr");
  await expect(page.getByRole("img", { name: /^Mã VietQR chuyển/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "Cập nhật trạng thái" })).toBeVisible();
  await payVietQrAtBank(page);
  await expectPaid(page, true);
  await expect(page.getByTestId("payment-channel")).toHaveText("Không dùng tiền mặt (chuyển khoản trực tiếp)");
});
