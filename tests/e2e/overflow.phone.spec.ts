import { existsSync, readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import type { Actor } from "../../scripts/fixtures/route-world";
import { allowed, RULES, urlOf } from "../integration/route-rules";
import { addToCart, PRODUCTS } from "./checkout-helpers";
import { DEMO_PASSWORD } from "./helpers";

// Issue 13: on a 412 px phone (Pixel 7), no page any role can reach scrolls sideways
// (document.documentElement.scrollWidth ≤ the screen's 412 px) and none answers a 5xx. Not ≤ innerWidth:
// a phone zooms out to fit a page wider than the screen, and innerWidth then grows with the page. The pages are not listed
// by hand: every route module with a component (a page, not a download, redirect or JSON answer) that
// the authorization matrix's rules (tests/integration/route-rules.ts) let a role reach is visited by
// that role, its ids taken from the seeded demo data. A new page is walked by the roles its rule names;
// one whose URL takes an id this file does not know fails until PARAMS says where to find one.

// Another province's official (the authorization matrix's "official_b") sees the same pages as "official".
type Walker = Exclude<Actor, "official_b">;

const WHO: Record<Walker, string> = {
  anonymous: "a visitor",
  shopper: "a shopper",
  producer: "a producer",
  official: "an official",
  national_official: "a national official",
  admin: "an admin",
};
const ACCOUNTS: Record<Walker, string | null> = {
  anonymous: null,
  shopper: "khach@ocop.vn",
  producer: "htx@ocop.vn",
  official: "canbo.dongthap@ocop.vn",
  national_official: "canbo.trunguong@ocop.vn",
  admin: "admin@ocop.vn",
};

/** The seeded rows whose ids the pages take (the app's database, as playwright.config.ts seeds it). */
type Seeded = {
  decision: string;
  productSlug: string;
  productId: string;
  checkoutCode: string;
  orderCode: string;
  paidOrderCode: string;
  producerToVerify: string;
};

function readSeeded(): Seeded {
  const db = new Database("test-results/e2e.sqlite", { readonly: true });
  db.pragma("busy_timeout = 5000");
  const one = (sql: string) => {
    const row = db.prepare(sql).get() as { v: string | number } | undefined;
    if (!row) throw new Error(`the seeded data has no row for: ${sql}`);
    return String(row.v);
  };
  try {
    const htx = `(SELECT producer_id FROM users WHERE email = '${ACCOUNTS.producer}')`;
    // The longest names and the orders with the most lines: the rows most likely to push a page wide.
    return {
      decision: one(
        `SELECT c.number AS v FROM certifications c JOIN products p ON p.id = c.product_id
         WHERE c.kind = 'ocop' AND p.status = 'active' AND c.expires_on >= date('now') ORDER BY length(p.name) DESC LIMIT 1`,
      ),
      productSlug: one(`SELECT slug AS v FROM products WHERE producer_id = ${htx} AND status = 'active' ORDER BY length(name) DESC LIMIT 1`),
      productId: one(`SELECT id AS v FROM products WHERE producer_id = ${htx} ORDER BY length(name) DESC LIMIT 1`),
      checkoutCode: one(
        `SELECT o.checkout_code AS v FROM orders o JOIN users u ON u.id = o.buyer_user_id
         WHERE u.email = '${ACCOUNTS.shopper}' AND o.checkout_code IS NOT NULL
         ORDER BY (SELECT count(*) FROM order_items i WHERE i.order_id = o.id) DESC, o.id LIMIT 1`,
      ),
      // The order whose history carries the longest payment event (a provider's event type and id).
      orderCode: one(
        `SELECT code AS v FROM orders o WHERE producer_id = ${htx}
         ORDER BY coalesce((SELECT max(length(e.type) + length(e.event_id)) FROM payment_events e JOIN payments p ON p.id = e.payment_id WHERE p.order_id = o.id), 0) DESC,
           (SELECT count(*) FROM order_items i WHERE i.order_id = o.id) DESC, o.id LIMIT 1`,
      ),
      // A paid order: the refund step opens only on one.
      paidOrderCode: one(
        `SELECT o.code AS v FROM orders o JOIN payments p ON p.order_id = o.id
         WHERE o.producer_id = ${htx} AND p.status = 'paid' ORDER BY o.id LIMIT 1`,
      ),
      producerToVerify: one(
        `SELECT p.id AS v FROM producers p JOIN provinces v ON v.id = p.province_id
         WHERE v.slug = 'dong-thap' ORDER BY p.status = 'pending' DESC, p.id LIMIT 1`,
      ),
    };
  } finally {
    db.close();
  }
}

type Params = Record<string, string>;
/** Where each page's ids come from. An import's page needs an import: the role checks the template first. */
const PARAMS: Record<string, (s: Seeded, page: Page) => Params | Promise<Params>> = {
  "storefront/$": () => ({ "*": "khong-co-trang-nay" }), // the "not found" page
  "storefront/chung-nhan.$": (s) => ({ "*": s.decision }),
  "storefront/don-hang.$code": (s) => ({ code: s.checkoutCode }),
  "storefront/moi.$token": () => ({ token: "khong-co-loi-moi-nay" }), // the "this invitation is not valid" page
  "storefront/nha-san-xuat.$slug": () => ({ slug: "htx-nong-nghiep-tan-thuan" }),
  "storefront/san-pham.$slug": (s) => ({ slug: s.productSlug }),
  "seller/kenh-nguoi-ban.don-hang.$code": (s) => ({ code: s.orderCode }),
  "seller/kenh-nguoi-ban.don-hang.$code_.hoan-tien": (s) => ({ code: s.paidOrderCode }),
  "seller/kenh-nguoi-ban.nhap-xuat.$importId": async (_s, page) => ({
    importId: await checkTemplate(page, "/kenh-nguoi-ban/nhap-xuat", "/kenh-nguoi-ban/nhap-xuat/tai-ve?noi-dung=mau&dinh-dang=csv"),
  }),
  "seller/kenh-nguoi-ban.san-pham.$id": (s) => ({ id: s.productId }),
  "seller/kenh-nguoi-ban.san-pham.$id._index": (s) => ({ id: s.productId }),
  "seller/kenh-nguoi-ban.san-pham.$id.anh": (s) => ({ id: s.productId }),
  "seller/kenh-nguoi-ban.san-pham.$id.chung-nhan": (s) => ({ id: s.productId }),
  "seller/kenh-nguoi-ban.san-pham.$id.san-sang": (s) => ({ id: s.productId }),
  "seller/kenh-nguoi-ban.san-tmdt.xuat.$code": () => ({ code: "postmart" }), // a marketplace fed by file
  "officials/can-bo.so-bo-ocop.$importId": async (_s, page) => ({
    importId: await checkTemplate(page, "/can-bo/so-bo-ocop", "/can-bo/so-bo-ocop/tai-ve?dinh-dang=csv"),
  }),
  "officials/can-bo.xac-minh.$id": (s) => ({ id: s.producerToVerify }),
  ...Object.fromEntries(
    Object.keys(RULES)
      .filter((id) => id.startsWith("indicators/chi-so.$province"))
      .map((id) => [id, () => ({ province: "dong-thap" })]),
  ),
};

/** Uploads the unedited template (its sample rows are skipped: nothing is created); the import's id. */
async function checkTemplate(page: Page, form: string, template: string): Promise<string> {
  const file = await page.request.get(template);
  expect(file.ok(), template).toBe(true);
  await page.goto(form);
  const province = page.locator('select[name="province"]'); // an admin says which province
  if ((await province.count()) > 0) await province.selectOption("dong-thap");
  const upload = page.locator("form:has(input[type=file][name=file])");
  await upload.locator("input[type=file]").setInputFiles({ name: "mau.csv", mimeType: "text/csv", buffer: await file.body() });
  await upload.locator("button[type=submit]").click();
  await expect(page).toHaveURL(new RegExp(`${form}/\\d+$`));
  return new URL(page.url()).pathname.split("/").pop()!;
}

/** A route module that renders a page (it has a component), by its route id. */
function isPage(routeId: string): boolean {
  const file = `app/routes/${routeId}.tsx`;
  return !routeId.endsWith("/layout") && existsSync(file) && /^export default /m.test(readFileSync(file, "utf8"));
}

/** The routes a role walks: every page its rule lets it reach; the public ones by the anonymous visitor alone. */
function routesOf(actor: Actor): string[] {
  return Object.entries(RULES)
    .filter(([id, rule]) => isPage(id) && allowed(rule, actor) && (rule.who !== "public" || actor === "anonymous"))
    .map(([id]) => id);
}

/** Logs in by the form's field names, in either language. */
async function logIn(page: Page, email: string) {
  await page.goto("/dang-nhap");
  const form = page.locator("form:has(input[name=password])");
  await form.locator("input[name=email]").fill(email);
  await form.locator("input[name=password]").fill(DEMO_PASSWORD);
  await form.locator("button[type=submit]").click();
  await expect(page.locator('form[action="/dang-xuat"]')).toBeVisible();
}

for (const actor of Object.keys(ACCOUNTS) as Walker[]) {
  test(`no page ${WHO[actor]} reaches scrolls sideways at 412 px or fails`, async ({ page }) => {
    test.setTimeout(60_000);
    const email = ACCOUNTS[actor];
    if (email) await logIn(page, email);
    const seeded = readSeeded();
    // Those who buy have something in the cart, so that the cart and checkout show their lines.
    if (actor === "anonymous" || actor === "shopper") await addToCart(page, PRODUCTS.tanThuan.slug);
    const urls = new Set<string>(["/", "/gio-hang"]); // every role's header, on the home page and the cart
    for (const routeId of routesOf(actor)) {
      const params = RULES[routeId]!.params ? PARAMS[routeId] : () => ({});
      if (!params) throw new Error(`${routeId} takes ids: say in PARAMS where the seeded data has one`);
      urls.add(urlOf(routeId, await params(seeded, page)));
    }
    const inner = page.viewportSize()!.width;
    const problems: string[] = [];
    for (const url of urls) {
      const response = await page.goto(url);
      const status = response?.status() ?? 0;
      const landed = new URL(page.url()).pathname;
      if (status >= 500 || status === 0) problems.push(`${url}: HTTP ${status}`);
      if (email && landed === "/dang-nhap") problems.push(`${url}: sent to log in`);
      const { scroll, widest } = await page.evaluate((inner) => {
        // The outermost element sticking out on the right that no scrolling box holds, to say what to fix.
        const held = (e: Element) => {
          for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== "visible") return true;
          return false;
        };
        const all = [...document.body.querySelectorAll("*")];
        // Else the first whose text runs out of its own box (a long unbreakable word in a narrow cell).
        const out =
          all.find((e) => e.getBoundingClientRect().right > inner + 0.5 && !held(e)) ??
          all.find((e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === "visible" && !held(e));
        const name = out ? `${out.tagName.toLowerCase()}${out.id ? `#${out.id}` : ""}${[...out.classList].map((c) => `.${c}`).join("")}` : "";
        return { scroll: document.documentElement.scrollWidth, widest: name };
      }, inner);
      if (scroll > inner) problems.push(`${url}: ${scroll - inner} px too wide (${scroll} > ${inner}), first at ${widest}`);
    }
    console.info(`${actor}: ${urls.size} pages at ${inner} px`);
    expect(problems, `pages of ${actor}`).toEqual([]);
  });
}
