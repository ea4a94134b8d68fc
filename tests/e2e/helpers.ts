import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "ocop-demo-2026";

/** On phones the filters fold into a <details>; open it if its fields are hidden. */
export async function openFilters(page: Page) {
  if (!(await page.getByLabel("Tỉnh, thành phố").isVisible())) {
    await page.locator("details.filters summary").click();
  }
}

/** Submits the log-in form; waits until the app has answered (left the page, or said why not). */
export async function logIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/dang-nhap");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("alert").or(page.getByRole("button", { name: "Đăng xuất", exact: true }))).toBeVisible();
}

export async function logOut(page: Page) {
  await page.getByRole("button", { name: "Đăng xuất", exact: true }).click();
  await expect(page.getByRole("link", { name: "Đăng nhập" })).toBeVisible();
}

/**
 * Every product card's text, for assertions over a whole result page. Waits for the document to finish
 * loading first: right after a navigation the URL has changed while the HTML is still streaming, and a
 * half-parsed card reads as "".
 */
export async function cardTexts(page: Page): Promise<string[]> {
  await page.waitForLoadState("load");
  return page.locator(".product-card").allInnerTexts();
}

/** Every <img> on the page has decoded (no broken photos). */
export async function expectImagesLoaded(page: Page) {
  const broken = await page.locator("img").evaluateAll((imgs) =>
    (imgs as HTMLImageElement[]).filter((i) => i.complete && i.naturalWidth === 0).map((i) => i.currentSrc || i.src),
  );
  expect(broken).toEqual([]);
}
