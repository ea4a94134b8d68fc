// Catalogue pages any cache may keep: a visitor without session or cart gets no cookie and a
// validator, 304 on revalidation, and a price change on the very next request (the catalogue
// version moves with it); forms of such pages still refuse a missing or foreign CSRF token.
import compression from "compression";
import express from "express";
import type { AddressInfo } from "node:net";
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from "node:http";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANONYMOUS_TOKEN, csrfToken } from "~/auth/csrf.server";
import { catalogueVersion } from "~/catalog/version.server";
import { contentSecurityPolicy, newNonce, securityHeaders } from "~/http/content-security.server";
import { pageCache } from "~/http/page-cache.server";
import { catalogueCacheHeaders, catalogueHeaders } from "~/http/public-cache";
import { loader as productLoader } from "~/routes/storefront/san-pham.$slug";
import { action as cartAction } from "~/routes/storefront/gio-hang";
import { action as loginAction } from "~/routes/storefront/dang-nhap";
import { updatePriceStock } from "~/seller/seller-products.server";
import { hashPassword } from "~/auth/password.server";
import { db } from "~/db.server";
import { users } from "#db/schema";
import { eq } from "drizzle-orm";
import { call, ORIGIN, seedShop, sessionCookie, statusOf, type Shop } from "../../scripts/fixtures/shop";
import * as guards from "../../scripts/http-guards";

let shop: Shop;
let server: Server;
let base = "";
let renders = 0;
/** What each render was asked to take: the page is kept as text, so always nothing. */
const renderedAcceptEncodings: (string | null)[] = [];
/** A render that takes a while (a real page's does), so that requests arrive during it. */
let slowRender: Promise<void> | null = null;

type LoaderReply = { data: { product: { name: string; price: number } }; init: { headers?: HeadersInit } | null };

/** Stands for Remix: the real root CSRF token and product loader, a page that shows the price. */
async function handle(request: Request): Promise<Response> {
  renders++;
  renderedAcceptEncodings.push(request.headers.get("Accept-Encoding"));
  await slowRender;
  const csrf = await csrfToken(request);
  const slug = new URL(request.url).pathname.split("/").pop()!;
  const reply = (await call(productLoader, request, { slug })) as LoaderReply;
  const headers = new Headers(catalogueHeaders({ loaderHeaders: new Headers(reply.init?.headers), parentHeaders: new Headers(), actionHeaders: new Headers(), errorHeaders: undefined }));
  if (csrf.setCookie) headers.append("Set-Cookie", csrf.setCookie);
  headers.set("Content-Type", "text/html");
  const nonce = newNonce(); // as app/entry.server.tsx does for every document
  headers.set("Content-Security-Policy", contentSecurityPolicy(nonce));
  const { name, price } = reply.data.product;
  return new Response(`<h1>${name}</h1><p>${price}</p><input name="csrf" value="${csrf.token}"><script nonce="${nonce}">1</script>`, { status: 200, headers });
}

beforeAll(async () => {
  shop = seedShop();
  const app = express();
  app.use(pageCache({ handle, buildId: "test", maxBytes: 1024 * 1024 }));
  app.use((_req, res) => res.status(418).end()); // what the cache passes on
  server = app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** The answer as sent: status, headers and the body's bytes, not decoded (fetch would gunzip it). */
function raw(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on("error", reject)
      .end();
  });
}

const policyNonce = (headers: IncomingHttpHeaders) => /'nonce-([^']+)'/.exec(String(headers["content-security-policy"]))?.[1];

const page = (cookie?: string, etag?: string) =>
  fetch(`${base}/san-pham/hat-sen-say`, { headers: { ...(cookie ? { Cookie: cookie } : {}), ...(etag ? { "If-None-Match": etag } : {}) } });

describe("an anonymous catalogue page", () => {
  it("kept in memory, still gets a nonce of its own on every answer, the same in its policy and its scripts", async () => {
    await page(); // kept
    const before = renders;
    const nonces = [];
    for (let i = 0; i < 2; i++) {
      const r = await page();
      const policy = /'nonce-([^']+)'/.exec(r.headers.get("Content-Security-Policy") ?? "")?.[1];
      const inPage = /<script nonce="([^"]+)">/.exec(await r.text())?.[1];
      expect(policy).toBeTruthy();
      expect(inPage).toBe(policy);
      nonces.push(policy);
    }
    expect(renders).toBe(before); // both from memory
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it("is kept gzipped: each answer has a nonce of its own and decompresses to the page with that nonce", async () => {
    await page(); // kept
    const answers = [];
    for (let i = 0; i < 2; i++) {
      const r = await raw(`${base}/san-pham/hat-sen-say`, { "Accept-Encoding": "gzip, deflate, br" });
      expect(r.headers["content-encoding"]).toBe("gzip");
      expect(Number(r.headers["content-length"])).toBe(r.body.length);
      const html = gunzipSync(r.body).toString();
      const nonce = policyNonce(r.headers)!;
      expect(html).toBe(`<h1>Hạt sen sấy Đồng Tháp</h1><p>120000</p><input name="csrf" value="${ANONYMOUS_TOKEN}"><script nonce="${nonce}">1</script>`);
      answers.push(nonce);
    }
    expect(answers[0]).not.toBe(answers[1]);
    // A client that takes no gzip gets the page as it is, with its own nonce too.
    const plain = await raw(`${base}/san-pham/hat-sen-say`, { "Accept-Encoding": "gzip;q=0, identity" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toContain(`<script nonce="${policyNonce(plain.headers)}">`);
    expect(answers).not.toContain(policyNonce(plain.headers));
  });

  it("asks the render for the page as text, whatever the visitor takes (it is gzipped around its nonce here)", async () => {
    expect(updatePriceStock(shop.tanThuan, shop.sen, 97_000, 10)).toBe(true); // a new version: the next request renders
    renderedAcceptEncodings.length = 0;
    const r = await raw(`${base}/san-pham/hat-sen-say`, { "Accept-Encoding": "gzip, deflate, br" });
    expect(r.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(r.body).toString()).toContain("<p>97000</p>");
    expect(renderedAcceptEncodings).toEqual([null]);
    expect(updatePriceStock(shop.tanThuan, shop.sen, 120_000, 10)).toBe(true); // as the tests below expect
  });

  it("answers 304 without a Content-Security-Policy, so the browser keeps the one that came with its page's nonce", async () => {
    const first = await page();
    const again = await raw(`${base}/san-pham/hat-sen-say`, { "If-None-Match": first.headers.get("ETag")! });
    expect(again.status).toBe(304);
    expect(again.headers["content-security-policy"]).toBeUndefined();
    expect(again.headers.etag).toBe(first.headers.get("ETag"));
    expect(again.headers["cache-control"]).toBe(first.headers.get("Cache-Control"));
  });

  it("sets no cookie, may be kept by any cache, and has a validator", async () => {
    const r = await page();
    expect(r.status).toBe(200);
    expect(r.headers.get("Set-Cookie")).toBeNull();
    expect(r.headers.get("Cache-Control")).toMatch(/^public, max-age=\d+, stale-while-revalidate=\d+$/);
    expect(r.headers.get("ETag")).toMatch(/^W\/".+"$/);
    expect(r.headers.get("Last-Modified")).toBeTruthy();
    expect(await r.text()).toContain(`value="${ANONYMOUS_TOKEN}"`);
  });

  it("answers 304 to a matching If-None-Match, and is rendered once for many visitors", async () => {
    const first = await page();
    const etag = first.headers.get("ETag")!;
    const before = renders;
    const again = await page(undefined, etag);
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect((await page()).status).toBe(200);
    expect(renders).toBe(before); // both from memory
    expect((await page(undefined, 'W/"something-else"')).status).toBe(200);
  });

  it("shows a price change on the very next request, with a new validator", async () => {
    const before = await page();
    const etag = before.headers.get("ETag")!;
    expect(await before.text()).toContain("<p>120000</p>");
    const version = catalogueVersion();
    expect(updatePriceStock(shop.tanThuan, shop.sen, 99_000, 10)).toBe(true);
    expect(catalogueVersion()).toBeGreaterThan(version);
    const after = await page(undefined, etag);
    expect(after.status).toBe(200);
    expect(after.headers.get("ETag")).not.toBe(etag);
    expect(await after.text()).toContain("<p>99000</p>");
  });

  it("is rendered once when many visitors ask for it at once right after a change", async () => {
    expect(updatePriceStock(shop.tanThuan, shop.sen, 98_000, 10)).toBe(true);
    const before = renders;
    let finish = () => {};
    slowRender = new Promise<void>((r) => (finish = r));
    const pending = Array.from({ length: 10 }, () => page());
    while (renders === before) await new Promise((r) => setTimeout(r, 5)); // the first request is rendering
    await new Promise((r) => setTimeout(r, 50)); // the others arrive meanwhile
    slowRender = null;
    finish();
    const answers = await Promise.all(pending);
    expect(renders - before).toBe(1);
    const bodies = await Promise.all(answers.map((r) => r.text()));
    expect(answers.map((r) => r.status)).toEqual(Array(10).fill(200));
    for (const body of bodies) expect(body).toContain("<p>98000</p>");
    expect(new Set(answers.map((r) => r.headers.get("Content-Security-Policy"))).size).toBe(10); // a nonce each still
  });

  it("tells every cache that it differs by cookie, data requests included, and says nothing for a visitor with state", () => {
    const args = (request: Request) => ({ loaderHeaders: new Headers(catalogueCacheHeaders(request)), parentHeaders: new Headers(), actionHeaders: new Headers(), errorHeaders: undefined });
    const anonymous = new Headers(catalogueHeaders(args(new Request(`${ORIGIN}/san-pham.data`))));
    expect(anonymous.get("Cache-Control")).toMatch(/^public/);
    expect(anonymous.get("Vary")).toBe("Cookie");
    const withCart = new Headers(catalogueHeaders(args(new Request(`${ORIGIN}/san-pham`, { headers: { Cookie: "ocop_cart=abc" } }))));
    expect(withCart.get("Cache-Control")).toBeNull();
  });

  it("is not served from memory to a visitor with a session or a cart", async () => {
    expect((await page(await sessionCookie(shop.shopper))).status).toBe(418);
    expect((await page("ocop_cart=abc")).status).toBe(418);
    // A language cookie alone is still anonymous: a page per language.
    const en = await page(`ocop_lang=${Buffer.from(JSON.stringify("en")).toString("base64")}`);
    expect(en.status).toBe(200);
    expect(en.headers.get("ETag")).toMatch(/\.en"$/);
  });
});

describe("a page in memory, answered ahead of Express", () => {
  it("skips Express's middleware chain, and carries every header the chain set when the page was rendered", async () => {
    // As scripts/serve.ts mounts them: compression, the security guards, the cache, Remix behind.
    let throughExpress = 0;
    const app = express();
    app.disable("x-powered-by");
    app.use((_req, _res, next) => (throughExpress++, next()));
    app.use(compression());
    app.use(guards.headers(ORIGIN), guards.methods, guards.sameOrigin(ORIGIN));
    const cache = pageCache({ handle, buildId: "ahead", maxBytes: 1024 * 1024 });
    app.use(cache);
    const front = createServer((req, res) => cache.hit(req, res) || app(req, res));
    front.listen(0, "127.0.0.1");
    await new Promise((r) => front.once("listening", r));
    try {
      const url = `http://127.0.0.1:${(front.address() as AddressInfo).port}/san-pham/hat-sen-say`;
      const browser = { "Accept-Encoding": "gzip, deflate, br" };
      const rendered = await raw(url, browser); // a miss: rendered through Express
      expect(throughExpress).toBe(1);
      const hit = await raw(url, browser);
      expect(throughExpress).toBe(1); // from memory, Express never saw it
      const comparable = (r: typeof hit) => {
        const { date: _date, ...headers } = r.headers;
        return { ...headers, "content-security-policy": String(headers["content-security-policy"]).replace(/'nonce-[^']+'/, "'nonce-…'") };
      };
      expect(comparable(hit)).toEqual(comparable(rendered));
      for (const [name, value] of Object.entries(securityHeaders(ORIGIN))) expect(hit.headers[name.toLowerCase()]).toBe(value);
      expect(gunzipSync(hit.body).toString()).toContain(`<script nonce="${policyNonce(hit.headers)}">`);
      // A visitor with state, a page not kept and anything else go through Express as before.
      await raw(url, { Cookie: "ocop_cart=abc" });
      await raw(url.replace("hat-sen-say", "xoai-say-deo"));
      expect(throughExpress).toBe(3);
    } finally {
      await new Promise<void>((r) => front.close(() => r()));
    }
  });
});

describe("CSRF on forms of pages without a cookie", () => {
  const add = (headers: Record<string, string>, csrf: string | null = ANONYMOUS_TOKEN) => {
    const body = new URLSearchParams({ intent: "add", productId: String(shop.xoai), quantity: "1" });
    if (csrf !== null) body.set("csrf", csrf);
    return call(cartAction, new Request(`${ORIGIN}/gio-hang`, { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers } }));
  };

  it("accepts the anonymous token when the browser says the form is ours", async () => {
    expect(statusOf(await add({ Origin: ORIGIN }))).toBe(302);
    expect(statusOf(await add({ "Sec-Fetch-Site": "same-origin" }))).toBe(302);
  });

  it("refuses a missing token, a made-up one, a foreign or unknown origin, and the anonymous token with a session", async () => {
    expect(statusOf(await add({ Origin: ORIGIN }, null))).toBe(403);
    expect(statusOf(await add({ Origin: ORIGIN }, ""))).toBe(403);
    expect(statusOf(await add({ Origin: ORIGIN }, "x".repeat(43)))).toBe(403);
    expect(statusOf(await add({ Origin: "https://evil.example" }))).toBe(403);
    expect(statusOf(await add({ "Sec-Fetch-Site": "cross-site" }))).toBe(403);
    expect(statusOf(await add({}))).toBe(403);
    expect(statusOf(await add({ Origin: ORIGIN, Cookie: await sessionCookie(shop.shopper) }))).toBe(403);
  });

  it("refuses another visitor's secret", async () => {
    const mine = `ocop_csrf=${Buffer.from(JSON.stringify("m".repeat(43))).toString("base64")}`;
    expect(statusOf(await add({ Origin: ORIGIN, Cookie: mine }, "o".repeat(43)))).toBe(403);
    expect(statusOf(await add({ Origin: ORIGIN, Cookie: mine }, "m".repeat(43)))).toBe(302);
  });

  it("mints the secret in the answer that creates the guest's cart, so no two later requests race to mint two", async () => {
    const first = (await add({ Origin: ORIGIN })) as Response;
    const cookies = first.headers.getSetCookie();
    expect(cookies.some((c) => c.startsWith("ocop_cart="))).toBe(true);
    expect(cookies.some((c) => /^ocop_csrf=[^;]{20,}/.test(c))).toBe(true);
    const mine = `ocop_csrf=${Buffer.from(JSON.stringify("m".repeat(43))).toString("base64")}`;
    const kept = (await add({ Origin: ORIGIN, Cookie: mine }, "m".repeat(43))) as Response;
    expect(kept.headers.getSetCookie().some((c) => c.startsWith("ocop_cart="))).toBe(true);
    expect(kept.headers.getSetCookie().some((c) => c.startsWith("ocop_csrf="))).toBe(false); // a secret already held stays
  });

  it("gives a new secret at log-in", async () => {
    db().update(users).set({ passwordHash: await hashPassword("mat-khau-du-dai") }).where(eq(users.id, shop.shopper)).run();
    const body = new URLSearchParams({ csrf: ANONYMOUS_TOKEN, email: "khach@example.vn", password: "mat-khau-du-dai" });
    const r = (await call(loginAction, new Request(`${ORIGIN}/dang-nhap`, { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGIN } }))) as Response;
    expect(r.status).toBe(302);
    const cookies = r.headers.getSetCookie();
    expect(cookies.some((c) => c.startsWith("ocop_session="))).toBe(true);
    expect(cookies.some((c) => /^ocop_csrf=[^;]{20,}/.test(c))).toBe(true);
  });
});
