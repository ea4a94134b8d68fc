// Lazada Open Platform (api.lazada.vn/rest). System parameters app_key, timestamp (ms, within
// 7200 s), sign_method=sha256, access_token and sign go in the query string; business
// parameters (the product `payload` JSON) in an urlencoded body; the signature covers both.
// Answers are {"code": "0", "data": …} or an error code; the throttle code is ApiCallLimit.
import { createHmac } from "node:crypto";
import { jpegBlob, orderStatusFrom, toIso } from "./adapter-kit";
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
 * Parameters (all but `sign`) sorted by name, each name followed by its value, the API path in
 * front and the raw body (if any) after; HMAC-SHA256 with the app secret, uppercase hex.
 */
export function sign(apiPath: string, params: Record<string, string>, appSecret: string, body?: string): string {
  const keys = Object.keys(params).filter((k) => k !== "sign").sort();
  let base = apiPath;
  for (const k of keys) base += k + params[k];
  if (body) base += body;
  return createHmac("sha256", appSecret).update(base, "utf8").digest("hex").toUpperCase();
}

function config() {
  const e = marketplaceEnv("lazada");
  return { api: e.LAZADA_API_URL.replace(/\/$/, ""), auth: e.LAZADA_AUTH_URL.replace(/\/$/, ""), appKey: e.LAZADA_APP_KEY, secret: e.LAZADA_APP_SECRET };
}

type Call = { path: string; method?: "GET" | "POST"; params?: Record<string, string>; file?: FormData; accessToken?: string; base?: string };

function request({ path, method = "GET", params = {}, accessToken, base }: Call) {
  const { api, appKey, secret } = config();
  const system: Record<string, string> = { app_key: appKey, timestamp: String(Date.now()), sign_method: "sha256" };
  if (accessToken) system.access_token = accessToken;
  const signature = sign(path, { ...system, ...params }, secret);
  const query = new URLSearchParams({ ...system, ...(method === "GET" ? params : {}), sign: signature });
  return { url: `${base ?? api}${path}?${query}`, body: method === "POST" ? new URLSearchParams(params).toString() : undefined };
}

type Envelope<T> = { code: string; type?: string; message?: string; data?: T; detail?: { field?: string; code?: string; message?: string; seller_sku?: string }[] };

const FIELD_REASONS: Record<string, RejectionReason> = {
  brand: "attribute_missing",
  PrimaryCategory: "category_invalid",
  Images: "photo_invalid",
  name: "name_invalid",
  description: "description_invalid",
  price: "price_invalid",
  package_weight: "weight_invalid",
  SellerSku: "duplicate",
};

function unwrap<T>(res: HttpResponse): Envelope<T> & { data: T } {
  const body = json<Envelope<T>>(res);
  if (body.code === "0") return body as Envelope<T> & { data: T };
  const detail = `${body.code}: ${body.message ?? ""}${body.detail?.length ? " · " + body.detail.map((d) => `${d.field ?? d.seller_sku ?? ""} ${d.message ?? ""}`).join("; ") : ""}`;
  switch (body.code) {
    case "ApiCallLimit":
      throw new MarketplaceError("rate_limited", detail);
    case "IllegalAccessToken":
    case "IllegalRefreshToken":
      throw new MarketplaceError("auth_expired", detail);
    case "IncompleteSignature":
    case "InvalidAppKey":
    case "InvalidTimestamp":
    case "AppWhiteIpLimit":
      throw new MarketplaceError("misconfigured", detail);
    case "ServiceTimeout":
    case "InternalError":
      throw new MarketplaceError("retryable", detail);
    case "ItemNotFound":
      throw new MarketplaceError("not_found", detail);
    case "501":
      throw new MarketplaceError("retryable", `partly failed: ${detail}`);
  }
  const first = body.detail?.[0];
  const reason: RejectionReason = first?.code === "PROHIBITED_WORDS" ? "prohibited_claim" : (FIELD_REASONS[first?.field ?? ""] ?? "other");
  throw new MarketplaceError("rejected", detail, { reason });
}

async function call<T>(http: HttpClient, c: Call) {
  const { url, body } = request(c);
  const res = await http({
    method: c.method ?? "GET",
    url,
    headers: !c.file && body !== undefined ? { "content-type": "application/x-www-form-urlencoded;charset=utf-8" } : undefined,
    body: c.file ?? body,
  });
  return unwrap<T>(res);
}

const token = (ctx: ShopContext) => ctx.credentials.accessToken;

type TokenBody = { access_token: string; refresh_token: string; expires_in: number; refresh_expires_in: number; country_user_info?: { seller_id: string }[]; account?: string };

function tokens(body: TokenBody, now = Date.now()): ShopCredentials {
  return {
    accessToken: body.access_token,
    refreshToken: body.refresh_token,
    accessExpiresAt: toIso(now + body.expires_in * 1000),
    refreshExpiresAt: toIso(now + body.refresh_expires_in * 1000),
  };
}

function productPayload(listing: ListingSnapshot, images: string[], itemId?: string): string {
  const attributes = listing.category?.attributes ?? {};
  const sku: Record<string, unknown> = {
    SellerSku: listing.sellerSku,
    quantity: listing.stock,
    price: listing.price,
    package_weight: ((listing.weightGrams ?? 0) / 1000).toFixed(3),
    package_length: "20",
    package_width: "15",
    package_height: "10",
  };
  const product: Record<string, unknown> = {
    PrimaryCategory: listing.category?.externalId ?? "",
    Attributes: { name: listing.name, description: listing.description, brand: attributes.brand ?? "", ...attributes },
    Skus: { Sku: [sku] },
  };
  // An update without photos leaves the listing's photos as they are (an empty list would clear them).
  if (images.length > 0) product.Images = { Image: images };
  if (itemId) product.ItemId = itemId;
  return JSON.stringify({ Request: { Product: product } });
}

const productUrl = (itemId: string) => `https://www.lazada.vn/products/i${itemId}.html`;

const LAZADA_STATUSES: Record<string, MarketOrder["status"]> = {
  unpaid: "pending_payment",
  pending: "placed",
  packed: "confirmed",
  ready_to_ship: "confirmed",
  shipped: "shipped",
  delivered: "delivered",
  confirmed: "completed",
  canceled: "cancelled",
  returned: "refunded",
};

type LazadaOrder = {
  order_id: number;
  created_at: string;
  updated_at: string;
  statuses: string[];
  payment_method: string;
  shipping_fee: number;
  address_shipping?: { first_name?: string; phone?: string };
};

export const lazada: ApiAdapter = {
  kind: "api",
  code: "lazada",
  maxOrderWindowDays: 30,

  authorizeUrl(state, redirectUri) {
    const { auth, appKey } = config();
    const q = new URLSearchParams({ response_type: "code", force_auth: "true", redirect_uri: redirectUri, client_id: appKey, state });
    return `${auth}/oauth/authorize?${q}`;
  },

  async exchangeCode(http, query) {
    const code = query.get("code");
    if (!code) throw new MarketplaceError("misconfigured", "callback without code");
    const body = json<TokenBody & { code: string; message?: string }>(
      await http({ method: "POST", ...requestFor("/auth/token/create", { code }) }),
    );
    if (body.code !== "0") throw new MarketplaceError("auth_expired", `${body.code}: ${body.message ?? ""}`);
    const credentials = tokens(body);
    const seller = await call<{ name: string; seller_id: string | number }>(http, { path: "/seller/get", accessToken: credentials.accessToken });
    return { shopId: String(seller.data.seller_id), shopName: seller.data.name, credentials };
  },

  async refresh(http, shop) {
    if (!shop.credentials.refreshToken) throw new MarketplaceError("auth_expired", "no refresh token");
    const body = json<TokenBody & { code: string; message?: string }>(
      await http({ method: "POST", ...requestFor("/auth/token/refresh", { refresh_token: shop.credentials.refreshToken }) }),
    );
    if (body.code !== "0") throw new MarketplaceError("auth_expired", `${body.code}: ${body.message ?? ""}`);
    return tokens(body);
  },

  async findBySku(ctx, sellerSku) {
    const r = await call<{ products?: { item_id: number }[] }>(ctx.http, {
      path: "/products/get",
      params: { filter: "all", sku_seller_list: JSON.stringify([sellerSku]), limit: "10", offset: "0" },
      accessToken: token(ctx),
    });
    const id = r.data.products?.[0]?.item_id;
    return id === undefined ? null : { status: "live", externalId: String(id), externalSkuId: null, externalUrl: productUrl(String(id)) };
  },

  async create(ctx, listing) {
    const images: string[] = [];
    for (const image of listing.images.slice(0, 8)) {
      const form = new FormData();
      form.set("image", await jpegBlob(image.file), "image.jpg");
      const up = await call<{ image: { url: string } }>(ctx.http, { path: "/image/upload", method: "POST", file: form, accessToken: token(ctx) });
      images.push(up.data.image.url);
    }
    const r = await call<{ item_id: number }>(ctx.http, {
      path: "/product/create",
      method: "POST",
      params: { payload: productPayload(listing, images) },
      accessToken: token(ctx),
    });
    const externalId = String(r.data.item_id);
    return { status: "live", externalId, externalSkuId: null, externalUrl: productUrl(externalId) };
  },

  async reviewStatus() {
    return { status: "in_review" };
  },

  async updatePriceStock(ctx, { externalId }, change) {
    const sku: Record<string, unknown> = { ItemId: externalId, SellerSku: change.sellerSku };
    if (change.price !== undefined) sku.Price = change.price;
    if (change.stock !== undefined) sku.Quantity = change.stock;
    await call(ctx.http, {
      path: "/product/price_quantity/update",
      method: "POST",
      params: { payload: JSON.stringify({ Request: { Product: { Skus: { Sku: [sku] } } } }) },
      accessToken: token(ctx),
    });
  },

  async updateContent(ctx, { externalId }, listing) {
    await call(ctx.http, { path: "/product/update", method: "POST", params: { payload: productPayload(listing, [], externalId) }, accessToken: token(ctx) });
  },

  async delist(ctx, { externalId }) {
    await call(ctx.http, {
      path: "/product/deactivate",
      method: "POST",
      params: { apiRequestBody: JSON.stringify({ Request: { Product: { ItemId: externalId } } }) },
      accessToken: token(ctx),
    });
  },

  async fetchStatus(ctx, { externalId }) {
    const r = await call<{ status: string }>(ctx.http, { path: "/product/item/get", params: { item_id: externalId }, accessToken: token(ctx) });
    const s = r.data.status;
    return { status: s === "Active" ? "live" : s === "Pending QC" ? "in_review" : s === "Rejected" ? "rejected" : "delisted" };
  },

  async listOrders(ctx, window, cursor) {
    const offset = Number(cursor ?? 0);
    // `count` is this page's size; `countTotal` the orders in the whole window (both may come as strings).
    const r = await call<{ count: number | string; countTotal: number | string; orders: LazadaOrder[] }>(ctx.http, {
      path: "/orders/get",
      params: {
        update_after: window.from.toISOString(),
        update_before: window.to.toISOString(),
        sort_by: "updated_at",
        sort_direction: "ASC",
        offset: String(offset),
        limit: "100",
      },
      accessToken: token(ctx),
    });
    const list = r.data.orders;
    if (list.length === 0) return { orders: [], next: null };
    const items = await call<{ order_id: number; order_items: { sku: string; product_id: number; name: string; item_price: number }[] }[]>(ctx.http, {
      path: "/orders/items/get",
      params: { order_ids: JSON.stringify(list.map((o) => o.order_id)) },
      accessToken: token(ctx),
    });
    const byOrder = new Map(items.data.map((i) => [i.order_id, i.order_items]));
    const orders = list.map((o): MarketOrder => {
      // Lazada lists one order item per unit: fold them into lines with quantities.
      const lines = new Map<string, MarketOrder["lines"][number]>();
      for (const it of byOrder.get(o.order_id) ?? []) {
        const line = lines.get(it.sku);
        if (line) line.quantity += 1;
        else lines.set(it.sku, { sellerSku: it.sku, externalItemId: String(it.product_id), name: it.name, unitPrice: Math.round(it.item_price), quantity: 1 });
      }
      return {
        externalId: String(o.order_id),
        status: orderStatusFrom(LAZADA_STATUSES, o.statuses[0] ?? ""),
        placedAt: lazadaTime(o.created_at),
        updatedAt: lazadaTime(o.updated_at),
        cod: o.payment_method === "COD",
        buyerName: o.address_shipping?.first_name ?? "",
        buyerPhone: o.address_shipping?.phone ?? "",
        shippingFee: Math.round(o.shipping_fee),
        lines: [...lines.values()],
      };
    });
    const next = offset + list.length < Number(r.data.countTotal) ? String(offset + list.length) : null;
    return { orders, next };
  },
};

/** Lazada's order times, "2014-10-11 20:00:21 +0800" (documented) or ISO 8601, as an ISO instant; never the host's zone. */
export function lazadaTime(text: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})$/.exec(text.trim());
  if (!m) throw new MarketplaceError("retryable", `unreadable Lazada time "${text}"`);
  const [, y, mo, d, h, mi, se, zone] = m;
  let offsetMin = 0;
  if (zone !== "Z") {
    const z = zone!.replace(":", "");
    offsetMin = (z[0] === "-" ? -1 : 1) * (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5)));
  }
  return toIso(Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +se!) - offsetMin * 60_000);
}

/** Token calls go to the authorisation host ({LAZADA_AUTH_URL}/rest), signed like any call. */
function requestFor(path: string, params: Record<string, string>) {
  const r = request({ path, method: "POST", params, base: `${config().auth}/rest` });
  return { url: r.url, headers: { "content-type": "application/x-www-form-urlencoded;charset=utf-8" }, body: r.body };
}
