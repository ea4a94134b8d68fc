// The marketplace connector as a producer uses it: connect Shopee and Lazada (their sandboxes,
// through the real OAuth round trip), publish 21 products everywhere, watch the progress bar
// finish, read why one product was refused, then change a price and see it reach both.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { CLAIM_NAME, createConnectorProducer, SANDBOX, sandboxItems } from "./connector-fixture";
import { logIn } from "./helpers";

test("a producer connects two marketplaces, publishes everywhere, sees a refusal's reason and a price change arrive", async ({ page }, info) => {
  test.setTimeout(120_000);
  const tag = `${info.project.name}-${Date.now()}`;
  const producer = createConnectorProducer(tag);
  await logIn(page, producer.email);
  await page.goto("/kenh-nguoi-ban");
  await page.getByRole("link", { name: "Sàn TMĐT" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bán trên sàn thương mại điện tử");

  // Connect each marketplace through its consent page; each project uses shops of its own.
  for (const [i, marketplace] of ["Shopee", "Lazada"].entries()) {
    await page.getByRole("button", { name: `Kết nối ${marketplace}` }).click();
    await expect(page.getByRole("heading", { name: new RegExp(`${marketplace} · môi trường thử nghiệm`) })).toBeVisible();
    await page.getByLabel("Mã gian hàng").fill(`${info.project.name === "desktop" ? 1 : 2}${Date.now() % 100_000}${i}`);
    await page.getByRole("button", { name: "Đồng ý cấp quyền" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Đã kết nối ${marketplace}` })).toBeVisible();
  }
  const accounts = page.locator(".market-account");
  await expect(accounts.filter({ hasText: "Shopee" })).toContainText("Đã kết nối");
  await expect(accounts.filter({ hasText: "Lazada" })).toContainText("Đã kết nối");

  // Publish all 21 products on both.
  await expect(page.getByLabel("Shopee", { exact: true })).toBeChecked();
  await expect(page.getByLabel("Lazada", { exact: true })).toBeChecked();
  await page.getByLabel("Chọn tất cả sản phẩm").check();
  await page.getByRole("button", { name: "Đăng lên các sàn đã chọn" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã xếp 42 lượt đăng vào hàng đợi." })).toBeVisible();
  const progress = page.locator(".publish-progress");
  await expect(progress.getByRole("progressbar", { name: "Tiến độ đăng sản phẩm" })).toBeVisible();
  await expect(progress).toContainText("Hoàn tất. 42/42 đã xử lý · 40 đang bán", { timeout: 60_000 });
  await expect(page.getByRole("progressbar")).toHaveAttribute("value", "42");

  // Live on both, and the refused product says why and what to do.
  const row = (name: string) => page.locator(".listing-row").filter({ hasText: name });
  for (const name of producer.names.slice(0, 20)) {
    await expect(row(name).locator(".listing-cell.status-live"), name).toHaveCount(2);
  }
  const refused = row(CLAIM_NAME);
  await expect(refused.locator(".listing-cell.status-rejected")).toHaveCount(2);
  await expect(refused.locator(".listing-cell").filter({ hasText: "Shopee" })).toContainText("tuyên bố công dụng chưa được kiểm chứng");
  await expect(refused.locator(".listing-cell").filter({ hasText: "Lazada" })).toContainText("Cách sửa: bỏ các cụm");
  for (const id of producer.productIds) {
    expect(await sandboxItems(SANDBOX.shopee, `OCOP-${id}`)).toHaveLength(1);
    expect(await sandboxItems(SANDBOX.lazada, `OCOP-${id}`)).toHaveLength(1);
  }

  // A new price reaches both marketplaces.
  await page.getByRole("link", { name: "Giá và tồn kho" }).click();
  const first = page.getByRole("form", { name: new RegExp(producer.names[0]!) });
  await first.getByLabel("Giá bán (₫)").fill("abc");
  await first.getByRole("button", { name: "Lưu" }).click();
  await expect(first.getByText("Giá là số nguyên từ 1.000 ₫ đến 1.000.000.000 ₫.")).toBeVisible();
  await first.getByLabel("Giá bán (₫)").fill("199.000");
  await first.getByRole("button", { name: "Lưu" }).click();
  await expect(page.getByRole("status")).toContainText(`Đã lưu “${producer.names[0]}”`);
  const sku = `OCOP-${producer.productIds[0]}`;
  await expect.poll(async () => (await sandboxItems(SANDBOX.shopee, sku)).map((i) => i.price), { timeout: 20_000 }).toEqual([199_000]);
  await expect.poll(async () => (await sandboxItems(SANDBOX.lazada, sku)).map((i) => i.price), { timeout: 20_000 }).toEqual([199_000]);
  await page.getByRole("link", { name: "← Về trang Sàn TMĐT" }).click();
  // The page opens on what needs action: the refused product alone, its problem said once.
  await expect(page.getByRole("link", { name: "Cần xử lý (1)" })).toHaveAttribute("aria-current", "page");
  await expect(page.locator(".listing-row")).toHaveCount(1);
  await expect(row(CLAIM_NAME)).toBeVisible();
  await page.getByRole("link", { name: "Tất cả (21)" }).click();
  await expect(row(producer.names[0]!)).toContainText("199.000");
  await expect(row(producer.names[0]!).locator(".listing-cell.status-live")).toHaveCount(2);

  const axe = await new AxeBuilder({ page }).analyze();
  const serious = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
});
