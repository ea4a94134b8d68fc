import { expect, type Page } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3310);
/** The payment sandbox started by playwright.config.ts. */
export const SANDBOX = `http://127.0.0.1:${Number(process.env.E2E_SANDBOX_PORT ?? PORT + 800)}`;

/** Two producers' products with plenty of stock, both producers with a bank account for VietQR. */
export const PRODUCTS = {
  tanThuan: { slug: "tra-tim-sen-dong-thap", name: "Trà tim sen Đồng Tháp" },
  bayHoa: { slug: "mam-ca-linh-chau-doc", name: "Mắm cá linh Châu Đốc" },
};

export const METHOD_LABELS = {
  stripe: "Thẻ quốc tế (Visa, Mastercard)",
  vnpay: "VNPay",
  momo: "Ví MoMo",
  vietqr: "Chuyển khoản VietQR",
  cod: "Thanh toán khi nhận hàng (COD)",
} as const;

/** Opens a product page and adds one to the cart (with JavaScript: stays; without: lands on the cart). */
export async function addToCart(page: Page, slug: string) {
  await page.goto(`/san-pham/${slug}`);
  await page.getByRole("button", { name: "Thêm vào giỏ" }).click();
  await expect(page.getByText("Đã thêm vào giỏ hàng.").or(page.getByRole("heading", { name: "Giỏ hàng", level: 1 }))).toBeVisible();
}

/** Signs up a new shopper (the guest cart, if any, joins the new account). */
export async function signUpShopper(page: Page, tag: string) {
  await page.goto("/dang-ky");
  await page.getByLabel("Người mua").check();
  await page.getByLabel("Họ và tên").fill("Lê Thị Mua Hàng");
  await page.getByLabel("Email").fill(`mua.${tag}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.vn`);
  await page.getByLabel("Số điện thoại").fill("0903 123 456");
  await page.getByLabel("Mật khẩu").fill("mat-khau-mua-hang");
  await page.getByRole("button", { name: "Tạo tài khoản" }).click();
  await expect(page.getByRole("button", { name: "Đăng xuất", exact: true })).toBeVisible();
}

/** Fills the delivery address and picks the payment method on /thanh-toan, then places the order. */
export async function placeOrder(page: Page, method: keyof typeof METHOD_LABELS) {
  await page.goto("/thanh-toan");
  // A shopper with an address book delivers to a new address through "Địa chỉ khác".
  const other = page.getByRole("radio", { name: /^Địa chỉ khác/ });
  if ((await other.count()) > 0) await other.check();
  await page.getByLabel("Tỉnh, thành phố").selectOption({ label: "Hà Nội" });
  await page.getByLabel("Xã, phường, đặc khu").fill("Phường Ba Đình");
  await page.getByLabel("Số nhà, tên đường hoặc thôn, ấp").fill("Số 12 phố Kim Mã");
  await page.getByRole("radio", { name: new RegExp(`^${METHOD_LABELS[method].replace(/[()]/g, "\\$&")}`) }).check();
  await page.getByRole("button", { name: /^Đặt hàng/ }).click();
}

/** Pays every VietQR of the order page at the sandbox bank, as a banking app that scanned it would; SePay (its stand-in) notifies each producer's link. */
export async function payVietQrAtBank(page: Page, amountOverride?: number) {
  await expect(page.getByTestId("vietqr-payload").first()).toBeAttached();
  await page.waitForLoadState("load"); // every producer's code, not only those parsed so far
  const payloads = await page.getByTestId("vietqr-payload").allTextContents();
  expect(payloads.length).toBeGreaterThan(0);
  const orderPage = page.url();
  for (const payload of payloads) {
    await page.goto(`${SANDBOX}/bank`);
    await page.getByLabel(/Mã VietQR/).fill(payload);
    if (amountOverride) await page.getByLabel(/Số tiền chuyển/).fill(String(amountOverride));
    await page.getByRole("button", { name: "Chuyển khoản" }).click();
    await expect(page.getByText(/Đã chuyển/)).toBeVisible();
  }
  await page.goto(orderPage);
}

/** Waits (reloading, for pages without JavaScript) until the order page reports the payment received. */
export async function expectPaid(page: Page, reload = false) {
  const paid = page.getByText("Đã nhận thanh toán. Cảm ơn bạn!");
  if (!reload) return expect(paid).toBeVisible({ timeout: 15_000 });
  await expect(async () => {
    await page.reload();
    await expect(paid).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 15_000 });
}
