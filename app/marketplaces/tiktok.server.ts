// TikTok Shop Partner API, version 202309. Query: app_key, timestamp (seconds, 5 min window),
// shop_cipher for shop calls, sign; the token travels in the x-tts-access-token header.
// Answers are {"code": 0, "message", "data"}. New products are audited: they start PENDING
// and become ACTIVATE or FAILED (with reasons), so publishing polls like Tiki's review.
import { createHmac } from "node:crypto";
import { jpegBlob, orderStatusFrom, seconds, toIso } from "./adapter-kit";
import { marketplaceEnv } from "./config.server";
import { json } from "./http.server";
import {
  MarketplaceError,
  type ApiAdapter,
  type HttpClient,
  type HttpResponse,
  type ListingSnapshot,
  type MarketOrder,
  type RejectionReason,
  type ShopContext,
  type ShopCredentials,
} from "./types";

/**
 * Query parameters except `sign` and `access_token`, sorted, each as name+value, the path in
 * front, the raw body after (not for multipart), wrapped as secret + s + secret;
 * HMAC-SHA256 with the app secret, lowercase hex.
 */
export function sign(input: { path: string; query: Record<string, string>; body?: string; appSecret: string }): string {
  const keys = Object.keys(input.query).filter((k) => k !== "sign" && k !== "access_token").sort();
  let s = input.path;
  for (const k of keys) s += k + input.query[k];
  if (input.body) s += input.body;
  return createHmac("sha256", input.appSecret).update(input.appSecret + s + input.appSecret, "utf8").digest("hex");
}

function config() {
  const e = marketplaceEnv("tiktok");
  return {
    api: e.TIKTOK_API_URL.replace(/\/$/, ""),
    auth: e.TIKTOK_AUTH_URL.replace(/\/$/, ""),
    appKey: e.TIKTOK_APP_KEY,
    secret: e.TIKTOK_APP_SECRET,
    serviceId: e.TIKTOK_SERVICE_ID,
  };
}

type Envelope<T> = { code: number; message?: string; data?: T };

const REASONS: Record<number, RejectionReason> = {
  12019001: "prohibited_claim",
  12019002: "category_invalid",
  12019003: "attribute_missing",
  12019004: "photo_invalid",
  12019005: "name_invalid",
  12019006: "description_invalid",
};

function unwrap<T>(res: HttpResponse): T {
  const body = json<Envelope<T>>(res);
  if (body.code === 0) {
    if (body.data === undefined) throw new MarketplaceError("retryable", "no data field");
    return body.data;
  }
  const detail = `${body.code}: ${body.message ?? ""}`;
  if (body.code === 105001 || body.code === 105002) throw new MarketplaceError("auth_expired", detail);
  if (body.code === 106001 || body.code === 106002 || body.code === 106004) throw new MarketplaceError("misconfigured", detail);
  if (body.code === 36009004) throw new MarketplaceError("rate_limited", detail);
  if (body.code === 12052048) throw new MarketplaceError("not_found", detail);
  if (body.code >= 36009000 && body.code < 36010000) throw new MarketplaceError("retryable", detail);
  throw new MarketplaceError("rejected", detail, { reason: REASONS[body.code] ?? "other" });
}

type Call = { path: string; method?: "GET" | "POST" | "PUT"; query?: Record<string, string>; body?: unknown; form?: FormData; shop?: boolean };

async function call<T>(ctx: ShopContext, c: Call): Promise<T> {
  const { api, appKey, secret } = config();
  const query: Record<string, string> = { app_key: appKey, timestamp: String(seconds(Date.now())), ...(c.query ?? {}) };
  if (c.shop !== false && ctx.credentials.shopCipher) query.shop_cipher = ctx.credentials.shopCipher;
  const body = c.body === undefined ? undefined : JSON.stringify(c.body);
  query.sign = sign({ path: c.path, query, body, appSecret: secret });
  const headers: Record<string, string> = { "x-tts-access-token": ctx.credentials.accessToken };
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await ctx.http({ method: c.method ?? "GET", url: `${api}${c.path}?${new URLSearchParams(query)}`, headers, body: c.form ?? body });
  return unwrap<T>(res);
}

type TokenData = { access_token: string; access_token_expire_in: number; refresh_token: string; refresh_token_expire_in: number; seller_name?: string };

const tokens = (d: TokenData): ShopCredentials => ({
  accessToken: d.access_token,
  refreshToken: d.refresh_token,
  accessExpiresAt: toIso(d.access_token_expire_in * 1000),
  refreshExpiresAt: toIso(d.refresh_token_expire_in * 1000),
});

/** GET /api/v2/token/get (grant_type=authorized_code) or /api/v2/token/refresh (grant_type=refresh_token). */
async function tokenCall(http: HttpClient, path: "/api/v2/token/get" | "/api/v2/token/refresh", params: Record<string, string>): Promise<TokenData> {
  const { auth, appKey, secret } = config();
  const q = new URLSearchParams({ app_key: appKey, app_secret: secret, ...params });
  const body = json<Envelope<TokenData>>(await http({ method: "GET", url: `${auth}${path}?${q}` }));
  if (body.code !== 0 || !body.data) throw new MarketplaceError("auth_expired", `${body.code}: ${body.message ?? ""}`);
  return body.data;
}

function productBody(listing: ListingSnapshot, imageUris: string[], warehouseId: string | undefined) {
  const attributes = listing.category?.attributes ?? {};
  return {
    title: listing.name,
    description: listing.description,
    category_id: listing.category?.externalId ?? "",
    brand_name: attributes.brand ?? "",
    main_images: imageUris.map((uri) => ({ uri })),
    package_weight: { value: ((listing.weightGrams ?? 0) / 1000).toFixed(3), unit: "KILOGRAM" },
    product_attributes: Object.entries(attributes).filter(([k]) => k !== "brand").map(([name, value]) => ({ name, values: [{ name: value }] })),
    skus: [
      {
        seller_sku: listing.sellerSku,
        price: { amount: String(listing.price), currency: "VND" },
        inventory: [{ warehouse_id: warehouseId ?? "", quantity: listing.stock }],
      },
    ],
  };
}

/** Audit failures come as text: the family of the first reason. */
function auditReason(text: string): RejectionReason {
  if (/prohibit|claim/i.test(text)) return "prohibited_claim";
  if (/category/i.test(text)) return "category_invalid";
  if (/attribute|brand/i.test(text)) return "attribute_missing";
  if (/image|photo/i.test(text)) return "photo_invalid";
  return "other";
}

const productUrl = (id: string) => `https://shop.tiktok.com/view/product/${id}`;

type Product = { id: string; status: string; skus?: { id: string; seller_sku: string }[]; audit_failed_reasons?: { reasons?: string[] }[] };

const TIKTOK_STATUSES: Record<string, MarketOrder["status"]> = {
  UNPAID: "pending_payment",
  ON_HOLD: "placed",
  AWAITING_SHIPMENT: "confirmed",
  AWAITING_COLLECTION: "confirmed",
  IN_TRANSIT: "shipped",
  DELIVERED: "delivered",
  COMPLETED: "completed",
  CANCELLED: "cancelled",
};

type TikTokOrder = {
  id: string;
  status: string;
  create_time: number;
  update_time: number;
  is_cod: boolean;
  payment: { shipping_fee: string };
  recipient_address?: { name?: string; phone_number?: string };
  line_items: { seller_sku: string; product_id: string; product_name: string; sale_price: string }[];
};

export const tiktok: ApiAdapter = {
  kind: "api",
  code: "tiktok",
  maxOrderWindowDays: 30,

  // TikTok redirects to the URL registered for the app in Partner Center; redirect_uri is
  // sent as well for the sandbox, which has no registration (the real service ignores it).
  authorizeUrl(state, redirectUri) {
    const { auth, serviceId } = config();
    return `${auth}/open/authorize?${new URLSearchParams({ service_id: serviceId, state, redirect_uri: redirectUri })}`;
  },

  async exchangeCode(http, query) {
    const code = query.get("code");
    if (!code) throw new MarketplaceError("misconfigured", "callback without code");
    const credentials = tokens(await tokenCall(http, "/api/v2/token/get", { auth_code: code, grant_type: "authorized_code" }));
    const ctx: ShopContext = { shopId: "", credentials, http };
    const shops = await call<{ shops: { id: string; name: string; cipher: string }[] }>(ctx, { path: "/authorization/202309/shops", shop: false });
    const shop = shops.shops[0];
    if (!shop) throw new MarketplaceError("misconfigured", "no shop authorised");
    credentials.shopCipher = shop.cipher;
    const warehouses = await call<{ warehouses: { id: string; is_default: boolean }[] }>({ ...ctx, credentials }, { path: "/logistics/202309/warehouses" });
    credentials.warehouseId = (warehouses.warehouses.find((w) => w.is_default) ?? warehouses.warehouses[0])?.id;
    return { shopId: shop.id, shopName: shop.name, credentials };
  },

  async refresh(http, shop) {
    if (!shop.credentials.refreshToken) throw new MarketplaceError("auth_expired", "no refresh token");
    const fresh = tokens(await tokenCall(http, "/api/v2/token/refresh", { refresh_token: shop.credentials.refreshToken, grant_type: "refresh_token" }));
    return { ...fresh, shopCipher: shop.credentials.shopCipher, warehouseId: shop.credentials.warehouseId };
  },

  async findBySku(ctx, sellerSku) {
    const r = await call<{ products?: Product[] }>(ctx, {
      path: "/product/202309/products/search",
      method: "POST",
      query: { page_size: "10" },
      body: { seller_skus: [sellerSku] },
    });
    const p = r.products?.[0];
    if (!p) return null;
    if (p.status === "ACTIVATE") return { status: "live", externalId: p.id, externalSkuId: p.skus?.[0]?.id ?? null, externalUrl: productUrl(p.id) };
    return { status: "in_review", reviewRef: p.id };
  },

  async create(ctx, listing) {
    const uris: string[] = [];
    for (const image of listing.images.slice(0, 9)) {
      const form = new FormData();
      form.set("data", await jpegBlob(image.file), "image.jpg");
      form.set("use_case", "MAIN_IMAGE");
      const up = await call<{ uri: string }>(ctx, { path: "/product/202309/images/upload", method: "POST", form, shop: false });
      uris.push(up.uri);
    }
    const r = await call<{ product_id: string }>(ctx, {
      path: "/product/202309/products",
      method: "POST",
      body: productBody(listing, uris, ctx.credentials.warehouseId),
    });
    return { status: "in_review", reviewRef: r.product_id };
  },

  async reviewStatus(ctx, reviewRef) {
    const p = await call<Product>(ctx, { path: `/product/202309/products/${reviewRef}` });
    if (p.status === "ACTIVATE") return { status: "live", externalId: p.id, externalSkuId: p.skus?.[0]?.id ?? null, externalUrl: productUrl(p.id) };
    if (p.status === "FAILED") {
      const reasons = (p.audit_failed_reasons ?? []).flatMap((r) => r.reasons ?? []);
      return { status: "rejected", reason: auditReason(reasons.join(" ")), detail: reasons.join("; ") };
    }
    return { status: "in_review" };
  },

  async updatePriceStock(ctx, ref, change) {
    const skuId = ref.externalSkuId ?? "";
    if (change.price !== undefined) {
      await call(ctx, {
        path: `/product/202309/products/${ref.externalId}/prices/update`,
        method: "POST",
        body: { skus: [{ id: skuId, price: { amount: String(change.price), currency: "VND" } }] },
      });
    }
    if (change.stock !== undefined) {
      await call(ctx, {
        path: `/product/202309/products/${ref.externalId}/inventory/update`,
        method: "POST",
        body: { skus: [{ id: skuId, inventory: [{ warehouse_id: ctx.credentials.warehouseId ?? "", quantity: change.stock }] }] },
      });
    }
  },

  async updateContent(ctx, ref, listing) {
    await call(ctx, {
      path: `/product/202309/products/${ref.externalId}/partial_edit`,
      method: "POST",
      body: { title: listing.name, description: listing.description, package_weight: productBody(listing, [], undefined).package_weight },
    });
  },

  async delist(ctx, ref) {
    await call(ctx, { path: "/product/202309/products/deactivate", method: "POST", body: { product_ids: [ref.externalId] } });
  },

  async fetchStatus(ctx, ref) {
    const p = await call<Product>(ctx, { path: `/product/202309/products/${ref.externalId}` });
    const status = p.status === "ACTIVATE" ? "live" : p.status === "PENDING" ? "in_review" : p.status === "FAILED" ? "rejected" : "delisted";
    return { status };
  },

  async listOrders(ctx, window, cursor) {
    const query: Record<string, string> = { page_size: "50", sort_field: "update_time", sort_order: "ASC" };
    if (cursor) query.page_token = cursor;
    const r = await call<{ orders: TikTokOrder[]; next_page_token?: string }>(ctx, {
      path: "/order/202309/orders/search",
      method: "POST",
      query,
      body: { update_time_ge: seconds(window.from.getTime()), update_time_lt: Math.ceil(window.to.getTime() / 1000) },
    });
    const orders = r.orders.map((o): MarketOrder => {
      const lines = new Map<string, MarketOrder["lines"][number]>();
      for (const li of o.line_items) {
        const line = lines.get(li.seller_sku);
        if (line) line.quantity += 1;
        else lines.set(li.seller_sku, { sellerSku: li.seller_sku, externalItemId: li.product_id, name: li.product_name, unitPrice: Math.round(Number(li.sale_price)), quantity: 1 });
      }
      return {
        externalId: o.id,
        status: orderStatusFrom(TIKTOK_STATUSES, o.status),
        placedAt: toIso(o.create_time * 1000),
        updatedAt: toIso(o.update_time * 1000),
        cod: o.is_cod,
        buyerName: o.recipient_address?.name ?? "",
        buyerPhone: o.recipient_address?.phone_number ?? "",
        shippingFee: Math.round(Number(o.payment.shipping_fee)),
        lines: [...lines.values()],
      };
    });
    return { orders, next: r.next_page_token || null };
  },
};
