import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { pngBomb } from "../../scripts/fixtures/photos";
import { expectImagesLoaded, logIn, logOut } from "./helpers";

// On a phone: a new producer signs up, fills its profile, lists a product with two photos and an
// OCOP 4★ certificate; the province's official verifies it; the product is then public with its
// photos (WebP, and AVIF once the background encode is done) and its certificate. Once with
// JavaScript, once without: underneath, everything is plain forms.

async function photo(hue: string, width: number, height: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="${hue}"/><circle cx="${width / 2}" cy="${height / 2}" r="${height / 3}" fill="#f2b705"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).withExif({ IFD3: { GPSLatitudeRef: "N", GPSLatitude: "10/1 27/1 36/1" } }).toBuffer();
}

async function listAProduct(page: Page, run: string, opts: { bombFirst?: boolean } = {}) {
  const producer = `HTX Mật ong Tràm ${run}`;
  const product = `Mật ong hoa tràm U Minh ${run}`;

  await page.goto("/dang-ky");
  await page.getByLabel("Nhà sản xuất (HTX, doanh nghiệp, hộ kinh doanh)").check();
  await page.getByLabel("Họ và tên").fill("Lê Thị Hồng");
  await page.getByLabel("Email").fill(`htx.${run}@example.vn`);
  await page.getByLabel("Số điện thoại").fill("0912 345 678");
  await page.getByLabel("Mật khẩu").fill("mat-khau-that-dai");
  await page.getByLabel("Tên hợp tác xã / doanh nghiệp / hộ kinh doanh").fill(producer);
  await page.getByLabel("Loại hình").selectOption({ label: "Hợp tác xã" });
  await page.getByLabel("Tỉnh, thành phố nơi sản xuất").selectOption({ label: "Đồng Tháp" });
  await page.getByRole("button", { name: "Tạo tài khoản" }).click();
  await expect(page).toHaveURL(/\/tai-khoan$/);

  await page.goto("/kenh-nguoi-ban/ho-so");
  await expect(page.getByText("Để cán bộ xác minh đơn vị, hồ sơ còn thiếu:")).toBeVisible();
  await page.getByLabel("Mã số thuế").fill(`14${run.slice(-8).padStart(8, "0")}`);
  await page.getByLabel("Xã, phường, đặc khu").fill("Xã Tháp Mười");
  await page.getByLabel("Địa chỉ", { exact: true }).fill("Ấp 3, đường Nguyễn Huệ");
  await page.getByLabel("Ngân hàng").selectOption({ label: "Agribank (970405)" });
  await page.getByLabel("Số tài khoản").fill("1234 5678 9012");
  await page.getByLabel("Tên chủ tài khoản").fill("HTX Mật ong Tràm");
  await page.getByRole("button", { name: "Lưu hồ sơ" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã lưu hồ sơ." })).toBeVisible();
  await expect(page.getByText("Hồ sơ đã đủ thông tin.")).toBeVisible();

  await page.getByRole("navigation", { name: "Điều hướng kênh người bán" }).getByRole("link", { name: "Sản phẩm" }).click();
  await page.getByRole("link", { name: "Thêm sản phẩm" }).click();
  await page.getByLabel("Tên sản phẩm").fill(product);
  await page.getByLabel("Danh mục").selectOption({ label: "Mật ong" });
  await page.getByLabel("Giá bán (đồng)").fill("185k");
  await page.getByLabel("Tồn kho").fill("40");
  await page.getByLabel("Đơn vị", { exact: true }).fill("chai 500 ml");
  await page.getByLabel("Khối lượng khi gửi hàng (gam)").fill("750");
  await page.getByLabel("Mô tả").fill("Mật ong nguyên chất từ rừng tràm U Minh, thu hoạch theo mùa, không pha đường, đóng chai thủy tinh 500 ml, bảo quản nơi khô ráo.");
  await page.getByRole("button", { name: "Lưu và thêm ảnh" }).click();
  await expect(page.getByText("Đã tạo sản phẩm. Bước tiếp theo: thêm ảnh.")).toBeVisible();

  if (opts.bombFirst) {
    // A 20000×20000 PNG of a few kB: refused from its header, with a message; the server carries on.
    await page.getByLabel("Chọn ảnh (có thể chọn nhiều)").setInputFiles([{ name: "bom.png", mimeType: "image/png", buffer: pngBomb() }]);
    await page.getByRole("button", { name: "Tải ảnh lên" }).click();
    await expect(page.getByRole("alert")).toContainText("bom.png: ảnh lớn hơn 40 megapixel.");
  }
  await page.getByLabel("Chọn ảnh (có thể chọn nhiều)").setInputFiles([
    { name: "chai.jpg", mimeType: "image/jpeg", buffer: await photo("#9a4a1c", 1600, 1200) },
    { name: "ruong-tram.jpg", mimeType: "image/jpeg", buffer: await photo("#2f6f3e", 1200, 1200) },
  ]);
  await page.getByRole("button", { name: "Tải ảnh lên" }).click();
  await expect(page.getByText("Đã thêm 2 ảnh.")).toBeVisible();
  await expect(page.locator(".photo-item")).toHaveCount(2);
  // A product goes on sale only once it has a photo (and a price and stock): now it may.
  await page.getByRole("button", { name: "Đăng bán" }).click();

  await page.getByRole("link", { name: "Chứng nhận", exact: true }).click();
  await page.getByLabel("Loại chứng nhận").selectOption("ocop");
  await page.getByLabel("Hạng sao OCOP").selectOption("4");
  await page.getByLabel("Số quyết định / số chứng nhận").fill("1234/QĐ-UBND");
  await page.getByLabel("Cơ quan cấp").fill("UBND tỉnh Đồng Tháp");
  await page.getByLabel("Ngày cấp").fill("15/03/2025");
  await page.getByRole("button", { name: "Lưu chứng nhận" }).click();
  await expect(page.getByText("Đã thêm chứng nhận.")).toBeVisible();
  await expect(page.locator(".plain-list")).toContainText("OCOP 4 sao · 1234/QĐ-UBND Còn hiệu lực");
  await expect(page.locator(".plain-list")).toContainText("15/03/2025 – 14/03/2028");

  // Not public before verification.
  await page.getByRole("link", { name: "Thông tin", exact: true }).click();
  await expect(page.getByText("Đang bán · chờ xác minh đơn vị")).toBeVisible();
  await expect(page.getByLabel("Tên sản phẩm")).toHaveValue(product);
  await logOut(page);
  return { producer, product };
}

async function verifyAndSee(page: Page, producer: string, product: string) {
  await logIn(page, "canbo.dongthap@ocop.vn");
  await page.getByRole("link", { name: "Xác minh đơn vị" }).first().click();
  await page.getByRole("link", { name: producer }).click();
  await expect(page.getByText("Agribank · 123456789012 · HTX MAT ONG TRAM")).toBeVisible();
  await page.getByRole("button", { name: "Xác minh đơn vị" }).click();
  await expect(page.getByText(`Đã xác minh ${producer}.`)).toBeVisible();
  await logOut(page);

  await page.goto("/san-pham?q=" + encodeURIComponent(product));
  await page.getByRole("link", { name: new RegExp(product) }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(product);
  await expect(page.getByText("185.000 ₫").first()).toBeVisible();
  await expect(page.locator("table")).toContainText("OCOP ★★★★");
  await expect(page.locator("table")).toContainText("Còn hiệu lực");
  await expect(page.locator(".gallery picture")).toHaveCount(2);
  await expect(page.locator('.gallery source[type="image/webp"]').first()).toHaveAttribute("srcset", /\.webp 320w/);
  // AVIF is encoded in the background after the upload: it shows up without anyone waiting for it.
  await expect(async () => {
    await page.reload();
    await expect(page.locator('.gallery source[type="image/avif"]')).toHaveCount(2, { timeout: 500 });
  }).toPass({ timeout: 30_000 });
  await expectImagesLoaded(page);
}

test("a new producer lists a product with photos and an OCOP 4★ certificate; after verification it is public", async ({ page }) => {
  const run = `${Date.now()}`;
  const { producer, product } = await listAProduct(page, run);
  await verifyAndSee(page, producer, product);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the same, with plain forms only", async ({ page }) => {
    const run = `${Date.now() + 1}`;
    const { producer, product } = await listAProduct(page, run, { bombFirst: true });
    await verifyAndSee(page, producer, product);
  });
});
