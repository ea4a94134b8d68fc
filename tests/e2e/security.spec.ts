// Issue 11 as a browser sees it: the sandbox ribbon, a nonce-based Content-Security-Policy that
// breaks nothing (no violation, pages hydrate), signed-in pages never cached by a shared cache,
// the Postmart upload file downloads, "log out everywhere", and bad input answered with a 4xx.
import { expect, test, type Page } from "@playwright/test";
import { signUpShopper } from "./checkout-helpers";
import { logIn } from "./helpers";

/** Collects CSP violations and console errors from the moment the page opens. */
async function watch(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`)),
  );
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`${page.url()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`${page.url()}: ${e.message}`));
  return problems;
}

/** Hydrated: Remix's router is running (a module script carrying the nonce ran). */
const hydrated = (page: Page) => page.waitForFunction(() => "__remixRouter" in window);

test("every page wears the sandbox ribbon, in Vietnamese and English", async ({ page }) => {
  for (const path of ["/", "/san-pham", "/khong-co-trang-nay"]) {
    await page.goto(path);
    const ribbon = page.getByTestId("sandbox-ribbon");
    await expect(ribbon).toBeVisible();
    await expect(ribbon).toContainText("Bản chạy thử (sandbox)");
    await expect(ribbon).toContainText("no real money moves");
  }
});

test("the CSP carries a fresh nonce, and the storefront, checkout and seller centre run under it without a violation", async ({ page }) => {
  test.setTimeout(60_000);
  const problems = await watch(page);
  const first = await page.goto("/");
  const second = await page.request.get("/");
  const csp = first!.headers()["content-security-policy"]!;
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'/);
  expect(csp.match(/script-src [^;]*/)![0]).not.toContain("unsafe");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(second.headers()["content-security-policy"]).not.toBe(csp);
  await hydrated(page);
  await page.goto("/san-pham");
  await hydrated(page);
  await page.locator(".product-card a").first().click(); // a client-side navigation
  await expect(page).toHaveURL(/\/san-pham\/[^/]+$/);
  await page.getByRole("button", { name: "Thêm vào giỏ" }).click();
  await expect(page.getByText("Đã thêm vào giỏ hàng.")).toBeVisible(); // the fetcher ran: JavaScript works
  await logIn(page, "htx@ocop.vn");
  for (const path of ["/gio-hang", "/thanh-toan", "/kenh-nguoi-ban", "/kenh-nguoi-ban/san-pham", "/kenh-nguoi-ban/san-tmdt", "/tai-khoan"]) {
    const r = await page.goto(path);
    expect(r!.headers()["cache-control"], path).toBe("private, no-store");
    await hydrated(page);
  }
  expect(problems).toEqual([]);
});

test("the Postmart upload file downloads", async ({ page }) => {
  await logIn(page, "htx@ocop.vn");
  await page.goto("/kenh-nguoi-ban/san-tmdt/xuat/postmart");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Tải tệp" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^postmart-san-pham-\d{4}-\d{2}-\d{2}\.xlsx$/);
});

test("log out everywhere ends the sessions of every browser", async ({ page, browser }, info) => {
  await signUpShopper(page, `everywhere-${info.project.name}`);
  await page.goto("/tai-khoan");
  const email = (await page.locator("dl.facts dd").first().innerText()).trim();
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await logIn(otherPage, email, "mat-khau-mua-hang");
  await otherPage.goto("/tai-khoan");
  await expect(otherPage.getByText(/đăng nhập ở 2 nơi/)).toBeVisible();

  await page.getByRole("button", { name: "Đăng xuất khỏi mọi thiết bị" }).click();
  await expect(page).toHaveURL(/\/dang-nhap/);
  await otherPage.goto("/tai-khoan");
  await expect(otherPage).toHaveURL(/\/dang-nhap\?redirectTo=%2Ftai-khoan/);
  await other.close();
});

test("bad input is a 4xx: open redirects go home, TRACE and foreign forms are refused, masters are never served", async ({ page, request }) => {
  await page.goto("/dang-nhap?redirectTo=/%09/evil.example");
  await page.getByLabel("Email").fill("khach@ocop.vn");
  await page.getByLabel("Mật khẩu").fill("ocop-demo-2026");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("button", { name: "Đăng xuất", exact: true })).toBeVisible();
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/$/); // home, not evil.example

  expect((await request.fetch("/", { method: "TRACE" })).status()).toBe(405);
  for (const origin of ["https://evil.example", "null", "garbage"]) {
    const r = await request.post("/dang-nhap", { headers: { Origin: origin }, form: { email: "a@b.vn", password: "x" } });
    expect(r.status(), origin).toBe(403);
  }
  expect((await request.get("/media/.masters/anything.jpg")).status()).toBe(404);
});
