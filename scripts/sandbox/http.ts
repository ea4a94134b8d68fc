// The sandboxes' HTTP side: reading requests (JSON, urlencoded, multipart), answering, the
// consent page, the gate every API call passes (rate limit, injected faults) and the
// /__sandbox admin routes.
import type { IncomingMessage, ServerResponse } from "node:http";
import { Market, newStats, type SandboxOptions } from "./core";

export type Req = { method: string; path: string; query: URLSearchParams; headers: IncomingMessage["headers"]; raw: Buffer; contentType: string };

export async function readRequest(req: IncomingMessage): Promise<Req> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const url = new URL(req.url ?? "/", "http://sandbox");
  return { method: req.method ?? "GET", path: url.pathname, query: url.searchParams, headers: req.headers, raw: Buffer.concat(chunks), contentType: String(req.headers["content-type"] ?? "") };
}

/** The urlencoded or multipart fields of a body (files left out). */
export async function formFields(req: Req): Promise<Record<string, string>> {
  if (req.contentType.startsWith("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(req.raw.toString("utf8")));
  if (req.contentType.startsWith("multipart/form-data")) {
    const form = await new Request("http://sandbox/", { method: "POST", headers: { "content-type": req.contentType }, body: new Uint8Array(req.raw) }).formData();
    const out: Record<string, string> = {};
    for (const [k, v] of form) if (typeof v === "string") out[k] = v;
    return out;
  }
  return {};
}

export async function multipartFile(req: Req, field: string): Promise<Blob | null> {
  if (!req.contentType.startsWith("multipart/form-data")) return null;
  const form = await new Request("http://sandbox/", { method: "POST", headers: { "content-type": req.contentType }, body: new Uint8Array(req.raw) }).formData();
  const v = form.get(field);
  return v instanceof Blob ? v : null;
}

export function jsonBody<T = Record<string, unknown>>(req: Req): T | null {
  try {
    return JSON.parse(req.raw.toString("utf8")) as T;
  } catch {
    return null;
  }
}

export function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  const text = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, { "content-type": typeof body === "string" ? "text/html; charset=utf-8" : "application/json", ...headers });
  res.end(text);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The seller pressed "Đồng ý cấp quyền": back to the app's redirect URL with a one-time code for the
 * chosen shop, and the OAuth state (or, as Shopee does, the shop id) echoed.
 */
export async function grantConsent(req: Req, res: ServerResponse, market: Market, shop: { defaultId: string; namePrefix: string; echo: "state" | "shop_id" }): Promise<void> {
  const f = await formFields(req);
  const shopId = f.shop_id || shop.defaultId;
  const target = new URL(f.redirect!);
  target.searchParams.set("code", market.issueCode(shopId, `${shop.namePrefix} ${f.shop_id}`));
  if (shop.echo === "state") target.searchParams.set("state", f.state ?? "");
  else target.searchParams.set("shop_id", shopId);
  send(res, 302, "", { location: target.toString() });
}

/** The consent page a seller sees when the app asks for access (one button, works without JS). */
export function consentPage(marketplace: string, action: string, hidden: Record<string, string>): string {
  const fields = Object.entries(hidden)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join("");
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(marketplace)} (sandbox): cấp quyền</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}button{font-size:1.1rem;padding:.6rem 1.2rem}label{display:block;margin:1rem 0}</style></head>
<body><h1>${escapeHtml(marketplace)} · môi trường thử nghiệm</h1>
<p>Ứng dụng <strong>OCOP Connect</strong> xin quyền quản lý sản phẩm và đơn hàng của gian hàng.</p>
<form method="post" action="${escapeHtml(action)}">${fields}
<label>Mã gian hàng <input name="shop_id" value="${escapeHtml(hidden.default_shop ?? "")}" required></label>
<button type="submit">Đồng ý cấp quyền</button></form></body></html>`;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

// ---------------------------------------------------------------- the gate every API call passes

export type Reply = { status: number; body: unknown; headers?: Record<string, string> };

/** How one marketplace says "slow down" and "server error". */
export type Refusals = { throttle: (market: Market) => Reply; serverError: () => Reply };

/**
 * Rate limit, then injected faults, then the handler. A timed-out call is held open and never
 * answered; half of those run the handler first (the change happens, the answer is lost).
 */
export async function gate(market: Market, res: ServerResponse, shopId: string, refusals: Refusals, handler: () => Reply | Promise<Reply>): Promise<void> {
  const now = Date.now();
  if (!market.allow(shopId, now)) {
    market.stats.throttled++;
    return reply(res, refusals.throttle(market));
  }
  market.count(now);
  const f = market.options.faults;
  const r = Math.random();
  if (r < f.throttle) {
    market.stats.throttled++;
    return reply(res, refusals.throttle(market));
  }
  if (r < f.throttle + f.error5xx) {
    market.stats.injected5xx++;
    return reply(res, refusals.serverError());
  }
  if (r < f.throttle + f.error5xx + f.timeout) {
    market.stats.injectedTimeouts++;
    if (Math.random() < 0.5) await handler();
    return hang(res, market.options.hangMs);
  }
  if (market.options.latencyMs) await sleep(market.options.latencyMs);
  reply(res, await handler());
}

export function reply(res: ServerResponse, r: Reply): void {
  send(res, r.status, r.body, r.headers);
}

function hang(res: ServerResponse, ms: number): void {
  const timer = setTimeout(() => res.destroy(), ms);
  res.on("close", () => clearTimeout(timer));
}

/** Seconds-based timestamp window check (Shopee, TikTok: 5 minutes). */
export function fresh(timestampSeconds: string | null, windowSeconds = 300): boolean {
  const t = Number(timestampSeconds);
  return Number.isFinite(t) && Math.abs(Date.now() / 1000 - t) <= windowSeconds;
}

/** Admin routes shared by all sandboxes: look inside, change faults, add orders, expire tokens. */
export async function admin(market: Market, req: Req, res: ServerResponse): Promise<boolean> {
  if (!req.path.startsWith("/__sandbox/")) return false;
  const route = `${req.method} ${req.path}`;
  if (route === "GET /__sandbox/state") return send(res, 200, { shops: Object.values(market.state.shops), duplicates: market.duplicates() }), true;
  if (route === "GET /__sandbox/stats") return send(res, 200, market.stats), true;
  if (route === "POST /__sandbox/stats/reset") return (market.stats = newStats()), send(res, 200, market.stats), true;
  if (route === "POST /__sandbox/config") {
    const patch = jsonBody<Partial<SandboxOptions>>(req) ?? {};
    market.options = { ...market.options, ...patch, faults: { ...market.options.faults, ...(patch.faults ?? {}) } };
    return send(res, 200, market.options), true;
  }
  if (route === "POST /__sandbox/expire-tokens") return send(res, 200, { expired: market.expireTokens() }), true;
  if (route === "POST /__sandbox/code") {
    const body = jsonBody<{ shopId: string; shopName?: string }>(req);
    if (!body?.shopId) return send(res, 400, { error: "shopId required" }), true;
    return send(res, 200, { code: market.issueCode(body.shopId, body.shopName), shopId: body.shopId }), true;
  }
  if (route === "POST /__sandbox/orders") {
    const body = jsonBody<{ shopId: string; sku: string; quantity?: number; cod?: boolean; status?: string }>(req);
    const shop = body ? market.state.shops[body.shopId] : undefined;
    if (!body || !shop) return send(res, 404, { error: "unknown shop" }), true;
    const order = market.addOrder(shop, { sku: body.sku, quantity: body.quantity ?? 1, cod: body.cod ?? true, status: body.status ?? market.defaultOrderStatus });
    return send(res, order ? 200 : 404, order ?? { error: "unknown sku" }), true;
  }
  if (route === "POST /__sandbox/order-status") {
    const body = jsonBody<{ shopId: string; orderId: string; status: string }>(req);
    const order = body ? market.state.shops[body.shopId]?.orders.find((o) => o.id === body.orderId) : undefined;
    if (!body || !order) return send(res, 404, { error: "unknown order" }), true;
    order.status = body.status;
    order.updatedAt = Date.now();
    market.changed();
    return send(res, 200, order), true;
  }
  send(res, 404, { error: "unknown sandbox route" });
  return true;
}
