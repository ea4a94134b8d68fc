// What the four marketplace sandboxes share: shops with their items and orders (kept so a
// duplicate create shows up as a duplicate), tokens, a per-shop rate limit, the failure
// settings, call statistics and optional persistence to a JSON file. The HTTP side is http.ts.
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync, renameSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { MarketplaceEnv, SandboxCode } from "#db/reference/marketplaces";

/**
 * How one marketplace's sandbox starts: where its item ids begin (above the ranges the demo seed
 * uses, so they never collide with seeded listings), and its handler, given the marketplace's
 * environment variables (the app's, with the same defaults: it checks what the app signs with).
 */
export type SandboxDefinition<C extends SandboxCode> = {
  idBase: number;
  handler: (market: Market, env: MarketplaceEnv<C>) => (req: IncomingMessage, res: ServerResponse) => Promise<void>;
};

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
   * Items with the same seller SKU shown more than once (live or in review): what the connector
   * must never produce. A refused or hidden item is not a listing a buyer sees.
   */
  duplicates(): { shopId: string; sku: string; count: number }[] {
    const out: { shopId: string; sku: string; count: number }[] = [];
    for (const shop of Object.values(this.state.shops)) {
      const seen = new Map<string, number>();
      for (const item of Object.values(shop.items)) if (item.status === "live" || item.status === "in_review") seen.set(item.sku, (seen.get(item.sku) ?? 0) + 1);
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
