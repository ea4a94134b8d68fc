import { expect, test, type Page } from "@playwright/test";
import { addToCart, placeOrder, PRODUCTS } from "./checkout-helpers";
import { cardTexts, logIn, logOut } from "./helpers";

// The journeys of issue 13 at phone size (Pixel 7, 412 px wide): checkout remembers the address and
// the method, the producer lands in the seller centre and sees the orders waiting, the template import creates nothing, a product without a
// photo is not public, the catalogue's filter panel and the product page fit the first screen, and
// no page a role can reach overflows the screen sideways.

/** Pages whose content is wider than the screen (the page scrolls sideways). */
async function overflowing(page: Page, paths: string[]): Promise<string[]> {
  const wide: string[] = [];
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(400);
    // clientWidth, not innerWidth: a phone zooms out to fit a wide page, and innerWidth grows with it.
    const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: document.documentElement.clientWidth }));
    if (scroll > inner) wide.push(`${path}: ${scroll} > ${inner}`);
  }
  return wide;
}

test("a producer logs in from the storefront, lands in the seller centre and sees the orders waiting", async ({ page }) => {
  // A shopper orders from HTX Tân Thuận, cash on delivery: an order waiting for the producer.
  await logIn(page, "khach@ocop.vn");
  await addToCart(page, PRODUCTS.tanThuan.slug);
  await placeOrder(page, "cod");
  await expect(page).toHaveURL(/\/don-hang\/CK\d+$/);
  // The next checkout starts from this one: the address filled in, cash on delivery first and ticked.
  await addToCart(page, PRODUCTS.tanThuan.slug);
  await page.goto("/thanh-toan");
  await expect(page.getByLabel("Số nhà, tên đường hoặc thôn, ấp")).toHaveValue("Số 12 phố Kim Mã");
  await expect(page.getByLabel("Tỉnh, thành phố")).toHaveValue("ha-noi");
  await expect(page.locator(".method-choice input").first()).toHaveAttribute("value", "cod");
  await expect(page.getByRole("radio", { name: /^Thanh toán khi nhận hàng/ })).toBeChecked();
  await logOut(page);

  await page.goto("/");
  await page.getByRole("link", { name: "Đăng nhập" }).click();
  await page.getByLabel("Email").fill("htx@ocop.vn");
  await page.getByLabel("Mật khẩu").fill("ocop-demo-2026");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/kenh-nguoi-ban$/);
  const todo = page.getByTestId("todo");
  await expect(todo.locator("li").first()).toHaveText(/^[1-9][\d.]* đơn chờ xác nhận$/);
  await expect(todo.locator("li").nth(1)).toHaveText(/^[\d.]+ sản phẩm cần sửa để lên sàn$/);
  await expect(todo.locator("li").nth(2)).toHaveText(/^[\d.]+ sàn sắp hết hạn kết nối$/);
  await todo.getByRole("link", { name: /đơn chờ xác nhận/ }).click();
  await expect(page).toHaveURL(/\/kenh-nguoi-ban\/don-hang\?status=placed$/);
  // The tabs count each status; the waiting orders are listed with their status next to the code.
  await expect(page.getByRole("link", { name: /^Chờ xác nhận \([1-9][\d.]*\)$/ })).toHaveAttribute("aria-current", "page");
  const first = page.locator(".order-table tbody tr").first().locator("td.order-head");
  await expect(first.locator(".status-badge")).toHaveText("Chờ xác nhận");
  await expect(first.locator(".status-badge")).toBeVisible();
  // The seller centre's tab bar wraps: every tab is on the screen, none cut off.
  const width = page.viewportSize()!.width;
  for (const tab of await page.getByRole("navigation", { name: "Điều hướng kênh người bán" }).getByRole("link").all()) {
    const box = (await tab.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(width);
  }

  // A page asked for is still honoured.
  await logOut(page);
  await page.goto("/dang-nhap?redirectTo=%2Fgio-hang");
  await page.getByLabel("Email").fill("htx@ocop.vn");
  await page.getByLabel("Mật khẩu").fill("ocop-demo-2026");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/gio-hang$/);
});

test("uploading the unedited template creates nothing: its sample rows are marked and skipped", async ({ page }) => {
  await logIn(page, "htx@ocop.vn");
  const template = await page.request.get("/kenh-nguoi-ban/nhap-xuat/tai-ve?noi-dung=mau&dinh-dang=xlsx");
  expect(template.ok()).toBe(true);
  await page.goto("/kenh-nguoi-ban/nhap-xuat");
  await page.getByLabel("Chọn tệp").setInputFiles({
    name: "mau-nhap-san-pham.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: await template.body(),
  });
  await page.getByRole("button", { name: "Kiểm tra tệp" }).click();
  await expect(page.getByRole("note")).toContainText("2 dòng mẫu của tệp mẫu (mã VÍ-DỤ) được bỏ qua, không tạo sản phẩm nào.");
  await expect(page.locator(".import-plan tbody tr")).toHaveCount(2);
  await expect(page.locator(".import-plan")).not.toContainText("Tạo mới");
  await expect(page.getByRole("button", { name: "Nhập cả 0 dòng" })).toBeDisabled();
});

test("a new product without a photo is a draft saying what it lacks, and is not public", async ({ page }) => {
  const name = `Bánh tráng phơi sương ${Date.now()}`;
  await logIn(page, "htx@ocop.vn");
  await page.goto("/kenh-nguoi-ban/san-pham/moi");
  await page.getByLabel("Tên sản phẩm").fill(name);
  await page.getByLabel("Danh mục").selectOption({ index: 1 });
  await page.getByLabel("Giá bán (đồng)").fill("45k");
  await page.getByLabel("Tồn kho").fill("30");
  await page.getByLabel("Đơn vị", { exact: true }).fill("gói 500 g");
  await page.getByRole("button", { name: "Lưu và thêm ảnh" }).click();
  await expect(page.getByTestId("go-live")).toHaveText("Nháp · còn thiếu: ảnh");
  await page.goto("/kenh-nguoi-ban/san-pham?status=fix");
  await expect(page.locator(".seller-product").filter({ hasText: name })).toContainText("Nháp · còn thiếu: ảnh");

  await logOut(page);
  await page.goto(`/san-pham?q=${encodeURIComponent(name)}`);
  expect((await cardTexts(page)).filter((t) => t.includes(name))).toEqual([]);
  // The storefront never shows a blank tile: every product card has its photo.
  await page.goto("/");
  const cards = page.locator(".product-card");
  expect(await cards.count()).toBeGreaterThan(0);
  expect(await cards.locator("img").count()).toBe(await cards.count());
});

test("after 'Áp dụng' the filter panel closes and the results start on the first screen", async ({ page }) => {
  await page.goto("/san-pham");
  await page.locator("details.filters summary").click();
  await page.getByLabel("Tỉnh, thành phố").selectOption({ label: "Đồng Tháp" });
  await page.getByRole("button", { name: "Áp dụng" }).click();
  await expect(page).toHaveURL(/province=dong-thap/);
  await expect(page.locator("details.filters")).not.toHaveAttribute("open", /.*/);
  const box = await page.locator(".product-card").first().boundingBox();
  expect(box!.y).toBeLessThan(page.viewportSize()!.height);
});

test("on a product page 'Thêm vào giỏ' is on the first screen", async ({ page }) => {
  await page.goto(`/san-pham/${PRODUCTS.tanThuan.slug}`);
  const box = await page.getByRole("button", { name: "Thêm vào giỏ" }).boundingBox();
  expect(box!.y + box!.height).toBeLessThanOrEqual(page.viewportSize()!.height);
});

test("nothing overflows the 412 px screen sideways, on every page each role reaches", async ({ page }) => {
  test.setTimeout(120_000);
  const product = `/san-pham/${PRODUCTS.tanThuan.slug}`;
  const storefront = ["/", "/san-pham", "/san-pham?province=dong-thap&stars=4", product, "/nha-san-xuat/htx-nong-nghiep-tan-thuan", "/gio-hang", "/dang-nhap", "/dang-ky"];
  expect(await overflowing(page, storefront)).toEqual([]);

  await logIn(page, "khach@ocop.vn");
  await addToCart(page, PRODUCTS.tanThuan.slug);
  expect(await overflowing(page, [...storefront.slice(0, 6), "/thanh-toan", "/don-hang", "/tai-khoan"])).toEqual([]);
  await logOut(page);

  await logIn(page, "htx@ocop.vn");
  await page.goto("/kenh-nguoi-ban/san-pham");
  const item = (await page.locator(".seller-product-main").first().getAttribute("href"))!;
  await page.goto("/kenh-nguoi-ban/don-hang");
  const order = await page.locator(".order-table tbody a").first().getAttribute("href");
  const seller = [
    "/kenh-nguoi-ban",
    "/kenh-nguoi-ban/don-hang",
    ...(order ? [order] : []),
    "/kenh-nguoi-ban/san-pham",
    "/kenh-nguoi-ban/san-pham?status=fix",
    "/kenh-nguoi-ban/san-pham/moi",
    item,
    `${item}/anh`,
    `${item}/chung-nhan`,
    `${item}/san-sang`,
    "/kenh-nguoi-ban/nhap-xuat",
    "/kenh-nguoi-ban/san-tmdt",
    "/kenh-nguoi-ban/san-tmdt/gia-ton-kho",
    "/kenh-nguoi-ban/ho-so",
    "/kenh-nguoi-ban/thanh-vien",
    "/tai-khoan",
  ];
  expect(await overflowing(page, seller)).toEqual([]);
});
