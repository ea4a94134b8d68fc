// Shopee Open Platform v2. Every call carries partner_id, timestamp (seconds, valid 5 min) and
// sign; shop calls add access_token and shop_id. Tokens: access 4 h, refresh 30 days, single
// use. Errors come as {"error": code, "message": …}; the codes below are the ones the platform
// documents for auth and parameters; product-rule codes are mapped by family (unverified).
import { createHmac } from "node:crypto";
import { marketplaceEnv } from "./config.server";
import { json } from "./http.server";
import {
  MarketplaceError,
  type ApiAdapter,
  type CreateResult,
  type HttpClient,
  type HttpResponse,
  type MarketOrder,
  type RejectionReason,
  type ShopContext,
  type ShopCredentials,
} from "./types";
import { jpegBlob, orderStatusFrom, seconds, toIso } from "./adapter-kit";

/** HMAC-SHA256 (partner key), lowercase hex, over partner_id + path + timestamp (+ access_token + shop_id). */
export function sign(input: { partnerId: number | string; path: string; timestamp: number; accessToken?: string; shopId?: number | string; partnerKey: string }): string {
  const base = `${input.partnerId}${input.path}${input.timestamp}${input.accessToken ?? ""}${input.shopId ?? ""}`;
  return createHmac("sha256", input.partnerKey).update(base).digest("hex");
}

/** A logistics channel every demo shop has enabled (unverified: a real shop lists its own with get_channel_list). */
const DEFAULT_LOGISTIC_ID = 50018;

function config() {
  const e = marketplaceEnv("shopee");
  return { base: e.SHOPEE_API_URL.replace(/\/$/, ""), partnerId: e.SHOPEE_PARTNER_ID, partnerKey: e.SHOPEE_PARTNER_KEY };
}

function signedUrl(path: string, query: Record<string, string | number> = {}, shop?: { shopId: string; accessToken: string }): string {
  const { base, partnerId, partnerKey } = config();
  const timestamp = seconds(Date.now());
  const params = new URLSearchParams({ partner_id: String(partnerId), timestamp: String(timestamp) });
  if (shop) {
    params.set("access_token", shop.accessToken);
    params.set("shop_id", shop.shopId);
  }
  for (const [k, v] of Object.entries(query)) params.set(k, String(v));
  params.set("sign", sign({ partnerId, path, timestamp, accessToken: shop?.accessToken, shopId: shop?.shopId, partnerKey }));
  return `${base}${path}?${params}`;
}

const REASONS: Record<string, RejectionReason> = {
  error_item_prohibited: "prohibited_claim",
  error_category: "category_invalid",
  error_attribute: "attribute_missing",
  error_image: "photo_invalid",
  error_item_name: "name_invalid",
  error_description: "description_invalid",
  error_price: "price_invalid",
  error_weight: "weight_invalid",
};

type Envelope<T> = { error?: string; message?: string; response?: T };

/** Throws the connector's error for a Shopee error envelope; returns `response` otherwise. */
function unwrap<T>(res: HttpResponse): T {
  const body = json<Envelope<T>>(res);
  const code = body.error ?? "";
  if (!code) {
    if (body.response === undefined) throw new MarketplaceError("retryable", `no response field (HTTP ${res.status})`);
    return body.response;
  }
  const detail = `${code}: ${body.message ?? ""}`;
  if (code === "error_auth" || code === "invalid_access_token" || code === "invalid_acceess_token") throw new MarketplaceError("auth_expired", detail);
  if (code === "error_too_many_request") throw new MarketplaceError("rate_limited", detail);
  if (code === "error_sign" || code === "error_partner" || code === "error_permission") throw new MarketplaceError("misconfigured", detail);
  if (code === "error_item_not_found") throw new MarketplaceError("not_found", detail);
  if (code === "error_server" || code === "error_busy") throw new MarketplaceError("retryable", detail);
  throw new MarketplaceError("rejected", detail, { reason: REASONS[code] ?? "other" });
}

/** For the few calls that answer at the top level (get_shop_info): the same error mapping, the whole body. */
function topLevel<T>(res: HttpResponse): T {
  const body = json<T & Envelope<unknown>>(res);
  if (body.error) unwrap(res);
  return body;
}

/**
 * The category's attributes as Shopee wants them: by attribute_id, values by value_id (0 with
 * original_value_name for a free-text value). The mapping's keys carry the id after the name
 * (`origin_100037`), values optionally a value id before a colon (`123:Việt Nam`).
 */
export function attributeList(attributes: Record<string, string>) {
  return Object.entries(attributes)
    .filter(([name]) => name !== "brand")
    .map(([name, value]) => {
      const id = /_(\d+)$/.exec(name)?.[1];
      if (!id) throw new MarketplaceError("misconfigured", `Shopee attribute "${name}" has no attribute_id (write it as ${name}_<attribute_id> in the category mapping)`);
      const byId = /^(\d+):(.*)$/.exec(value);
      const valueId = byId ? Number(byId[1]) : 0;
      const valueName = byId ? byId[2]!.trim() : value;
      return { attribute_id: Number(id), attribute_value_list: [valueName ? { value_id: valueId, original_value_name: valueName } : { value_id: valueId }] };
    });
}

/** Shopee ends an authorisation at `expire_time` (get_shop_info); no refresh token outlives it. */
function withAuthorisationEnd(credentials: ShopCredentials, expireTime: number | undefined): ShopCredentials {
  if (!expireTime) return credentials;
  return capRefresh({ ...credentials, authorisedUntil: toIso(expireTime * 1000) });
}

function capRefresh(c: ShopCredentials): ShopCredentials {
  if (!c.authorisedUntil || !c.refreshExpiresAt || Date.parse(c.authorisedUntil) >= Date.parse(c.refreshExpiresAt)) return c;
  return { ...c, refreshExpiresAt: c.authorisedUntil };
}

const shopOf = (ctx: ShopContext) => ({ shopId: ctx.shopId, accessToken: ctx.credentials.accessToken });

async function post<T>(ctx: ShopContext, path: string, body: unknown): Promise<T> {
  const res = await ctx.http({ method: "POST", url: signedUrl(path, {}, shopOf(ctx)), headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return unwrap<T>(res);
}

async function get<T>(ctx: ShopContext, path: string, query: Record<string, string | number>): Promise<T> {
  return unwrap<T>(await ctx.http({ method: "GET", url: signedUrl(path, query, shopOf(ctx)) }));
}

/** Batch endpoints answer 200 with success and failure lists: a failure is not a success. */
function requireNoFailures(result: { failure_list?: { model_id?: number; failed_reason?: string }[] }, what: string) {
  const failed = result.failure_list ?? [];
  if (failed.length > 0) throw new MarketplaceError("retryable", `${what} partly failed: ${failed.map((f) => f.failed_reason).join("; ")}`);
}

function tokens(body: { access_token: string; refresh_token: string; expire_in: number }, now = Date.now()): ShopCredentials {
  return {
    accessToken: body.access_token,
    refreshToken: body.refresh_token,
    accessExpiresAt: toIso(now + body.expire_in * 1000),
    refreshExpiresAt: toIso(now + 30 * 86_400_000),
  };
}

async function publicPost<T>(http: HttpClient, path: string, body: unknown): Promise<T> {
  const res = await http({ method: "POST", url: signedUrl(path), headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const parsed = json<T & { error?: string; message?: string }>(res);
  if (parsed.error) {
    if (parsed.error === "error_auth" || parsed.error === "error_param") throw new MarketplaceError("auth_expired", `${parsed.error}: ${parsed.message}`);
    throw new MarketplaceError("misconfigured", `${parsed.error}: ${parsed.message}`);
  }
  return parsed;
}

type ItemInfo = { item_id: number; item_status: string; item_sku?: string };

function itemStatus(status: string) {
  if (status === "NORMAL") return "live" as const;
  if (status === "REVIEWING") return "in_review" as const;
  if (status === "BANNED") return "rejected" as const;
  return "delisted" as const; // UNLIST, SELLER_DELETE, SHOPEE_DELETE
}

const itemUrl = (shopId: string, itemId: string) => `https://shopee.vn/product/${shopId}/${itemId}`;

export const shopee: ApiAdapter = {
  kind: "api",
  code: "shopee",
  maxOrderWindowDays: 15,

  authorizeUrl(state, redirectUri) {
    const redirect = new URL(redirectUri);
    redirect.searchParams.set("state", state);
    return signedUrl("/api/v2/shop/auth_partner", { redirect: redirect.toString() });
  },

  async exchangeCode(http, query) {
    const code = query.get("code");
    const shopId = query.get("shop_id");
    if (!code || !shopId) throw new MarketplaceError("misconfigured", "callback without code or shop_id");
    const { partnerId } = config();
    const body = await publicPost<{ access_token: string; refresh_token: string; expire_in: number }>(http, "/api/v2/auth/token/get", {
      code,
      shop_id: Number(shopId),
      partner_id: partnerId,
    });
    const credentials = tokens(body);
    const ctx: ShopContext = { shopId, credentials, http };
    // get_shop_info answers at the top level (shop_name, region, status, expire_time), not under `response`.
    const info = await topLevel<{ shop_name: string; expire_time?: number }>(await ctx.http({ method: "GET", url: signedUrl("/api/v2/shop/get_shop_info", {}, shopOf(ctx)) }));
    return { shopId, shopName: info.shop_name, credentials: withAuthorisationEnd(credentials, info.expire_time) };
  },

  async refresh(http, shop) {
    if (!shop.credentials.refreshToken) throw new MarketplaceError("auth_expired", "no refresh token");
    const body = await publicPost<{ access_token: string; refresh_token: string; expire_in: number }>(http, "/api/v2/auth/access_token/get", {
      refresh_token: shop.credentials.refreshToken,
      shop_id: Number(shop.shopId),
      partner_id: config().partnerId,
    });
    return capRefresh({ ...tokens(body), authorisedUntil: shop.credentials.authorisedUntil });
  },

  async findBySku(ctx, sellerSku) {
    const found = await get<{ item_id_list?: number[] }>(ctx, "/api/v2/product/search_item", { item_sku: sellerSku, page_size: 10 });
    const id = found.item_id_list?.[0];
    return id === undefined ? null : { status: "live", externalId: String(id), externalSkuId: null, externalUrl: itemUrl(ctx.shopId, String(id)) };
  },

  async create(ctx, listing): Promise<CreateResult> {
    const imageIds: string[] = [];
    for (const image of listing.images.slice(0, 9)) {
      const form = new FormData();
      form.set("image", await jpegBlob(image.file), "image.jpg");
      const uploaded = unwrap<{ image_info: { image_id: string } }>(
        await ctx.http({ method: "POST", url: signedUrl("/api/v2/media_space/upload_image", {}, shopOf(ctx)), body: form }),
      );
      imageIds.push(uploaded.image_info.image_id);
    }
    const created = await post<{ item_id: number }>(ctx, "/api/v2/product/add_item", {
      item_name: listing.name,
      item_sku: listing.sellerSku,
      description: listing.description,
      original_price: listing.price,
      seller_stock: [{ stock: listing.stock }],
      weight: (listing.weightGrams ?? 0) / 1000,
      category_id: Number(listing.category?.externalId ?? 0),
      image: { image_id_list: imageIds },
      brand: { brand_id: 0, original_brand_name: listing.category?.attributes.brand ?? "" },
      attribute_list: attributeList(listing.category?.attributes ?? {}),
      logistic_info: [{ logistic_id: DEFAULT_LOGISTIC_ID, enabled: true }],
      condition: "NEW",
    });
    const externalId = String(created.item_id);
    return { status: "live", externalId, externalSkuId: null, externalUrl: itemUrl(ctx.shopId, externalId) };
  },

  async reviewStatus() {
    return { status: "in_review" };
  },

  async updatePriceStock(ctx, { externalId }, change) {
    if (change.price !== undefined) {
      const r = await post<{ failure_list?: { failed_reason?: string }[] }>(ctx, "/api/v2/product/update_price", {
        item_id: Number(externalId),
        price_list: [{ model_id: 0, original_price: change.price }],
      });
      requireNoFailures(r, "update_price");
    }
    if (change.stock !== undefined) {
      const r = await post<{ failure_list?: { failed_reason?: string }[] }>(ctx, "/api/v2/product/update_stock", {
        item_id: Number(externalId),
        stock_list: [{ model_id: 0, seller_stock: [{ stock: change.stock }] }],
      });
      requireNoFailures(r, "update_stock");
    }
  },

  async updateContent(ctx, { externalId }, listing) {
    await post(ctx, "/api/v2/product/update_item", {
      item_id: Number(externalId),
      item_name: listing.name,
      description: listing.description,
      weight: (listing.weightGrams ?? 0) / 1000,
      category_id: Number(listing.category?.externalId ?? 0),
    });
  },

  async delist(ctx, { externalId }) {
    const r = await post<{ failure_list?: { failed_reason?: string }[] }>(ctx, "/api/v2/product/unlist_item", {
      item_list: [{ item_id: Number(externalId), unlist: true }],
    });
    requireNoFailures(r, "unlist_item");
  },

  async fetchStatus(ctx, { externalId }) {
    const r = await get<{ item_list: ItemInfo[] }>(ctx, "/api/v2/product/get_item_base_info", { item_id_list: externalId });
    const item = r.item_list[0];
    if (!item) throw new MarketplaceError("not_found", `item ${externalId}`);
    return { status: itemStatus(item.item_status) };
  },

  async listOrders(ctx, window, cursor) {
    const list = await get<{ more: boolean; next_cursor: string; order_list: { order_sn: string }[] }>(ctx, "/api/v2/order/get_order_list", {
      time_range_field: "update_time",
      time_from: seconds(window.from.getTime()),
      time_to: Math.ceil(window.to.getTime() / 1000), // rounded up: the window never loses its last partial second
      page_size: 100,
      cursor: cursor ?? "",
    });
    const orders: MarketOrder[] = [];
    for (let i = 0; i < list.order_list.length; i += 50) {
      const sns = list.order_list.slice(i, i + 50).map((o) => o.order_sn);
      const detail = await get<{ order_list: ShopeeOrder[] }>(ctx, "/api/v2/order/get_order_detail", {
        order_sn_list: sns.join(","),
        response_optional_fields: "item_list,recipient_address,payment_method,estimated_shipping_fee,total_amount",
      });
      orders.push(...detail.order_list.map(toOrder));
    }
    return { orders, next: list.more ? list.next_cursor : null };
  },
};

type ShopeeOrder = {
  order_sn: string;
  order_status: string;
  create_time: number;
  update_time: number;
  cod: boolean;
  estimated_shipping_fee?: number;
  recipient_address?: { name?: string; phone?: string };
  item_list: { item_id: number; item_name: string; item_sku: string; model_quantity_purchased: number; model_discounted_price: number }[];
};

const SHOPEE_STATUSES: Record<string, MarketOrder["status"]> = {
  UNPAID: "pending_payment",
  READY_TO_SHIP: "confirmed",
  PROCESSED: "confirmed",
  SHIPPED: "shipped",
  TO_CONFIRM_RECEIVE: "delivered",
  COMPLETED: "completed",
  IN_CANCEL: "placed",
  CANCELLED: "cancelled",
  TO_RETURN: "refunded",
};

function toOrder(o: ShopeeOrder): MarketOrder {
  return {
    externalId: o.order_sn,
    status: orderStatusFrom(SHOPEE_STATUSES, o.order_status),
    placedAt: toIso(o.create_time * 1000),
    updatedAt: toIso(o.update_time * 1000),
    cod: o.cod,
    buyerName: o.recipient_address?.name ?? "",
    buyerPhone: o.recipient_address?.phone ?? "",
    shippingFee: Math.round(o.estimated_shipping_fee ?? 0),
    lines: o.item_list.map((i) => ({
      sellerSku: i.item_sku || null,
      externalItemId: String(i.item_id),
      name: i.item_name,
      unitPrice: Math.round(i.model_discounted_price),
      quantity: i.model_quantity_purchased,
    })),
  };
}
