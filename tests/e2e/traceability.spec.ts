import { expect, test } from "@playwright/test";
import { logIn } from "./helpers";

test("a shopper checks a product's OCOP stars from its page, as the label's QR code would", async ({ page, request }) => {
  await page.goto("/san-pham/quyt-hong-lai-vung");
  const labels = page.getByTestId("label-links");
  await labels.getByRole("link", { name: "Kiểm tra chứng nhận" }).click();
  await expect(page).toHaveURL(/\/chung-nhan\/[^/?]+%2F[^?]+\?sp=quyt-hong-lai-vung$/);
  const card = page.getByTestId("certified-product");
  await expect(card).toHaveCount(1);
  await expect(card.getByTestId("validity")).toContainText("Còn hiệu lực đến");
  await expect(card.getByTestId("registry")).toContainText("Có trong danh sách OCOP của Đồng Tháp");
  await expect(card.getByTestId("where-sold").getByRole("link", { name: "Cửa hàng OCOP Connect" })).toBeVisible();
  const certificatePage = page.url();

  // The label's QR code points at that very page.
  await page.goBack();
  const svg = await request.get((await labels.getByRole("link", { name: "SVG" }).getAttribute("href"))!);
  expect(svg.headers()["content-type"]).toBe("image/svg+xml; charset=utf-8");
  expect(await svg.text()).toContain(`<desc>${certificatePage}</desc>`);

  // An unknown decision number is a 404 that says what to check.
  expect((await page.goto("/chung-nhan/9999%2FKHONG-CO"))?.status()).toBe(404);
  await expect(page.getByTestId("certificate-not-found")).toContainText("Không tìm thấy quyết định OCOP");
});

test("a producer prints the QR label of a product from the seller centre", async ({ page }) => {
  await logIn(page, "htx@ocop.vn");
  await page.goto("/kenh-nguoi-ban/san-pham?q=Qu%C3%BDt%20h%E1%BB%93ng");
  await page.getByRole("link", { name: /Quýt hồng Lai Vung/ }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Quýt hồng Lai Vung");
  const print = page.getByRole("link", { name: "In nhãn QR" });
  await expect(print).toHaveAttribute("href", /\/nhan-qr\/quyt-hong-lai-vung\?dinh-dang=pdf$/);
  const pdf = await page.request.get((await print.getAttribute("href"))!);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const body = (await pdf.body()).toString("latin1");
  expect(body.startsWith("%PDF-1.4")).toBe(true);
  expect(body).toContain("/URI (http://127.0.0.1:");
});
