// A producer connects SePay as the README says: creates the link in the seller centre, then does
// on SePay (here its stand-in in the payment sandbox) what my.sepay.vn asks: "Thêm webhooks" with
// the URL and secret the seller centre showed once, the payment-code structure, an API token.
import Database from "better-sqlite3";
import { expect, type Page } from "@playwright/test";
import { SANDBOX } from "./checkout-helpers";

export type SepayLink = { url: string; secret: string; account: string; apiToken: string };

/** The seller-centre login of the producer selling this product (every demo login shares the password). */
export function producerLoginOf(productSlug: string): string {
  const db = new Database("test-results/e2e.sqlite", { readonly: true });
  try {
    const row = db
      .prepare("SELECT u.email FROM users u JOIN products p ON p.producer_id = u.producer_id WHERE p.slug = ? AND u.role = 'producer' ORDER BY u.id LIMIT 1")
      .get(productSlug) as { email: string } | undefined;
    if (!row) throw new Error(`no producer login for ${productSlug}`);
    return row.email;
  } finally {
    db.close();
  }
}

/** On /kenh-nguoi-ban/chuyen-khoan: creates a link for the profile's account and reads what is shown once. */
export async function createLinkInSellerCentre(page: Page, apiToken: string): Promise<SepayLink> {
  await page.goto("/kenh-nguoi-ban/chuyen-khoan");
  const create = page.locator("form").filter({ has: page.locator('input[name=intent][value="create"]') });
  const profileAccount = await create.getByText(/Tài khoản VietQR trong hồ sơ:/).textContent();
  const account = /(\w+)\s*$/.exec(profileAccount ?? "")![1]!;
  await create.getByLabel("Chữ ký HMAC-SHA256 (khuyên dùng)").check();
  await create.getByLabel("API Token của SePay (không bắt buộc)").fill(apiToken);
  await create.getByRole("button", { name: "Tạo liên kết" }).click();
  const shown = page.getByTestId("secret-shown-once");
  await expect(shown).toBeVisible();
  const url = await shown.getByRole("textbox", { name: "Địa chỉ webhook (URL nhận thông báo)" }).inputValue();
  const secret = await shown.getByRole("textbox", { name: "Khóa bí mật (chỉ hiện một lần)" }).inputValue();
  expect(url).toMatch(/\/api\/ngan-hang\/sepay\/[\w-]{16,}$/);
  expect(secret.length).toBeGreaterThanOrEqual(16);
  return { url, secret, account, apiToken };
}

/** What the producer does on my.sepay.vn: the webhook (money in, HMAC), the payment-code structure, the API token. */
export async function registerAtSepay(page: Page, link: SepayLink) {
  const hook = await page.request.post(`${SANDBOX}/__sandbox/sepay/webhooks`, {
    data: { url: link.url, accountNumbers: [link.account], auth: "hmac", secret: link.secret, apiToken: link.apiToken },
  });
  expect(hook.ok()).toBe(true);
  const paycode = await page.request.post(`${SANDBOX}/__sandbox/sepay/paycode`, { data: { prefix: "OC", suffixFrom: 2, suffixTo: 13 } });
  expect(paycode.ok()).toBe(true);
}

/** The sandbox's log of notifications it sent whose transaction content holds `text`, with the app's answers. */
export async function deliveriesFor(page: Page, text: string): Promise<{ status: number | null; body: string }[]> {
  const all = (await (await page.request.get(`${SANDBOX}/__sandbox/deliveries`)).json()) as { provider: string; key: string | null; status: number | null; body: string }[];
  return all.filter((d) => d.provider === "sepay" && d.key?.includes(text));
}

/** The SePay transactions booked into an account whose content holds `text`. */
export async function sepayTransactions(page: Page, text: string): Promise<{ id: number; content: string; code: string | null; transferAmount: number }[]> {
  const all = (await (await page.request.get(`${SANDBOX}/__sandbox/sepay/transactions`)).json()) as { id: number; content: string; code: string | null; transferAmount: number }[];
  return all.filter((t) => t.content.includes(text));
}

/** The payment code an order's VietQR payload carries as its purpose (the last field before the CRC). */
export function paymentCodeIn(payload: string): string {
  const code = /08\d{2}(OC\d+)6304[0-9A-F]{4}$/.exec(payload)?.[1];
  if (!code) throw new Error(`no payment code in ${payload}`);
  return code;
}
