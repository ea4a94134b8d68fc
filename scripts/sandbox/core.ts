// What the four marketplace sandboxes share: shops with their items and orders (kept so a
// duplicate create shows up as a duplicate), tokens, a per-shop rate limit, failure injection,
// call statistics, optional persistence to a JSON file, and the /__sandbox admin routes tests
// and the demo use to look inside and to change the weather.
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync, renameSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";

export type Faults = {
  /** Share of API calls answered with a 5xx. */
  error5xx: number;
  /** Share answered with the marketplace's throttle answer (on top of the real rate limit). */
  throttle: number;
  /** Share that never answer; half of them after doing the work (the dangerous kind). */
  timeout: number;
  /** Share of batch price/stock updates where the item lands in the failure list. */
  partial: number;
};

export type SandboxOptions = {
  faults: Faults;
  /** Calls per second per shop (token bucket); 0 = unlimited. */
  ratePerSecond: number;
  /** Bucket size; default one second's worth. */
  burst?: number;
  /** Added to every API answer. */
  latencyMs: number;
  /** How long a hung call is held before the socket is closed. */
  hangMs: number;
  /** Tiki requests and TikTok products are reviewed after this long. */
  reviewMs: number;
  /** Names/descriptions containing one of these are refused (unverified health claims). */
  prohibited: string[];
  /** Access token lifetime in seconds. */
  tokenTtl: number;
  /** Retry-After (seconds) sent with throttle answers by marketplaces that send one (Tiki). */
  retryAfterSeconds: number;
};

export const DEFAULT_OPTIONS: SandboxOptions = {
  faults: { error5xx: 0, throttle: 0, timeout: 0, partial: 0 },
  ratePerSecond: 0,
  latencyMs: 0,
  hangMs: 30_000,
  reviewMs: 2_000,
  prohibited: ["chữa bách bệnh", "chữa khỏi", "trị dứt điểm", "thần dược"],
  tokenTtl: 4 * 3600,
  retryAfterSeconds: 1,
};

export type Item = {
  id: string;
  skuId: string;
  sku: string;
  name: string;
  description: string;
  price: number;
  stock: number;
  categoryId: string;
  attributes: Record<string, string>;
  images: string[];
  weightKg: number;
  status: "live" | "in_review" | "rejected" | "delisted";
  rejectReason?: string;
  rejectCode?: string;
  reviewAt?: number;
  createdAt: number;
  updatedAt: number;
};

export type Order = {
  id: string;
  status: string;
  cod: boolean;
  createdAt: number;
  updatedAt: number;
  buyerName: string;
  buyerPhone: string;
  shippingFee: number;
  lines: { itemId: string; sku: string; name: string; price: number; quantity: number }[];
};

export type Shop = { id: string; name: string; items: Record<string, Item>; orders: Order[] };

type Token = { shopId: string; expiresAt: number };

export type MarketState = {
  shops: Record<string, Shop>;
  tokens: Record<string, Token>;
  refreshTokens: Record<string, string>;
  codes: Record<string, { shopId: string; expiresAt: number }>;
  nextId: number;
};

export type Stats = { calls: number; throttled: number; injected5xx: number; injectedTimeouts: number; signatureErrors: number; firstAt: number; lastAt: number };

export const newStats = (): Stats => ({ calls: 0, throttled: 0, injected5xx: 0, injectedTimeouts: 0, signatureErrors: 0, firstAt: 0, lastAt: 0 });

export class Market {
  state: MarketState = { shops: {}, tokens: {}, refreshTokens: {}, codes: {}, nextId: 1 };
  stats: Stats = newStats();
  /** The status a new order gets, in the marketplace's own words. */
  defaultOrderStatus = "new";
  private buckets = new Map<string, { tokens: number; at: number }>();
  private saveTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly code: string,
    public options: SandboxOptions,
    private readonly stateFile: string | null,
    readonly idBase: number,
  ) {
    if (stateFile) {
      try {
        this.state = JSON.parse(readFileSync(stateFile, "utf8")) as MarketState;
      } catch {
        // a new file
      }
    }
  }

  newId(): string {
    return String(this.idBase + this.state.nextId++);
  }

  shop(shopId: string, name?: string): Shop {
    return (this.state.shops[shopId] ??= { id: shopId, name: name ?? `Gian hàng thử nghiệm ${shopId}`, items: {}, orders: [] });
  }

  /** Issues an authorisation code for a shop (the consent page's "Đồng ý"). */
  issueCode(shopId: string, shopName?: string): string {
    this.shop(shopId, shopName);
    const code = randomBytes(12).toString("hex");
    this.state.codes[code] = { shopId, expiresAt: Date.now() + 10 * 60_000 };
    this.changed();
    return code;
  }

  /** Exchanges a code (single use) for tokens. */
  redeemCode(code: string): { shopId: string; accessToken: string; refreshToken: string; expiresIn: number } | null {
    const entry = this.state.codes[code];
    delete this.state.codes[code];
    if (!entry || entry.expiresAt < Date.now()) return null;
    return this.issueTokens(entry.shopId);
  }

  /** Refresh tokens are single use, as on Shopee. */
  redeemRefresh(refreshToken: string): { shopId: string; accessToken: string; refreshToken: string; expiresIn: number } | null {
    const shopId = this.state.refreshTokens[refreshToken];
    if (!shopId) return null;
    delete this.state.refreshTokens[refreshToken];
    return this.issueTokens(shopId);
  }

  private issueTokens(shopId: string) {
    const accessToken = randomBytes(16).toString("hex");
    const refreshToken = randomBytes(16).toString("hex");
    this.state.tokens[accessToken] = { shopId, expiresAt: Date.now() + this.options.tokenTtl * 1000 };
    this.state.refreshTokens[refreshToken] = shopId;
    this.changed();
    return { shopId, accessToken, refreshToken, expiresIn: this.options.tokenTtl };
  }

  /** The shop an access token opens, or null if unknown or expired. */
  shopForToken(accessToken: string | null | undefined): Shop | null {
    const t = accessToken ? this.state.tokens[accessToken] : undefined;
    if (!t || t.expiresAt < Date.now()) return null;
    return this.shop(t.shopId);
  }

  expireTokens(): number {
    let n = 0;
    for (const t of Object.values(this.state.tokens)) {
      t.expiresAt = 0;
      n++;
    }
    this.changed();
    return n;
  }

  /** Token bucket per shop: false when the call is over the limit. */
  allow(shopId: string, now = Date.now()): boolean {
    const rate = this.options.ratePerSecond;
    if (!rate) return true;
    const burst = this.options.burst ?? rate;
    const b = this.buckets.get(shopId) ?? { tokens: burst, at: now };
    b.tokens = Math.min(burst, b.tokens + ((now - b.at) / 1000) * rate);
    b.at = now;
    this.buckets.set(shopId, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  /**
   * Items with the same seller SKU more than once: what the connector must never produce. A
   * refused item (failed review) is not a listing and does not count.
   */
  duplicates(): { shopId: string; sku: string; count: number }[] {
    const out: { shopId: string; sku: string; count: number }[] = [];
    for (const shop of Object.values(this.state.shops)) {
      const seen = new Map<string, number>();
      for (const item of Object.values(shop.items)) if (item.status !== "rejected") seen.set(item.sku, (seen.get(item.sku) ?? 0) + 1);
      for (const [sku, count] of seen) if (count > 1) out.push({ shopId: shop.id, sku, count });
    }
    return out;
  }

  findBySku(shop: Shop, sku: string): Item[] {
    return Object.values(shop.items).filter((i) => i.sku === sku);
  }

  /** Why an item would be refused, if it would: [code, Vietnamese reason]. */
  contentProblem(item: Pick<Item, "name" | "description" | "categoryId" | "attributes">, validCategories: Set<string>): { field: string; code: string; reason: string } | null {
    const text = `${item.name}\n${item.description}`.toLowerCase();
    const phrase = this.options.prohibited.find((p) => text.includes(p.toLowerCase()));
    if (phrase) return { field: "description", code: "prohibited", reason: `Nội dung có tuyên bố công dụng chưa được kiểm chứng: "${phrase}"` };
    if (!validCategories.has(item.categoryId)) return { field: "category", code: "category", reason: `Danh mục ${item.categoryId} không tồn tại` };
    if (!item.attributes.brand) return { field: "brand", code: "attribute", reason: "Thiếu thuộc tính bắt buộc: thương hiệu (brand)" };
    return null;
  }

  /** Moves items whose review time has come to live or rejected. */
  settleReviews(shop: Shop, validCategories: Set<string>, now = Date.now()): void {
    for (const item of Object.values(shop.items)) {
      if (item.status !== "in_review" || (item.reviewAt ?? 0) > now) continue;
      const problem = this.contentProblem(item, validCategories);
      item.status = problem ? "rejected" : "live";
      if (problem) {
        item.rejectReason = problem.reason;
        item.rejectCode = problem.code;
      }
      item.updatedAt = now;
    }
  }

  addOrder(shop: Shop, input: { sku: string; quantity: number; cod: boolean; status: string; buyerName?: string }): Order | null {
    const item = this.findBySku(shop, input.sku)[0];
    if (!item) return null;
    const now = Date.now();
    const order: Order = {
      id: this.newId(),
      status: input.status,
      cod: input.cod,
      createdAt: now,
      updatedAt: now,
      buyerName: input.buyerName ?? "Nguyễn Văn A",
      buyerPhone: "0901234567",
      shippingFee: 15000,
      lines: [{ itemId: item.id, sku: item.sku, name: item.name, price: item.price, quantity: input.quantity }],
    };
    item.stock = Math.max(0, item.stock - input.quantity);
    shop.orders.push(order);
    this.changed();
    return order;
  }

  changed(): void {
    if (!this.stateFile || this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      this.save();
    }, 300);
  }

  save(): void {
    if (!this.stateFile) return;
    const tmp = `${this.stateFile}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.state));
    renameSync(tmp, this.stateFile);
  }

  /** Counts a call the marketplace handled (not throttled). */
  count(now = Date.now()): void {
    if (!this.stats.firstAt) this.stats.firstAt = now;
    this.stats.lastAt = now;
    this.stats.calls++;
  }
}

// ---------------------------------------------------------------- HTTP plumbing

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
