// Tiki Open API: OAuth2 (authorization code) and a bearer token on every call. A new product is
// a request Tiki reviews asynchronously: it is created "queuing", then "approved" (with the
// product id) or "rejected" with a reason; the connector polls the tracking endpoint. Images
// are fetched by Tiki from their public URL and must be at least 500×500.
import { orderStatusFrom, toIso } from "./adapter-kit";
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

function config() {
  const e = marketplaceEnv("tiki");
  return { api: e.TIKI_API_URL.replace(/\/$/, ""), auth: e.TIKI_AUTH_URL.replace(/\/$/, ""), clientId: e.TIKI_CLIENT_ID, secret: e.TIKI_CLIENT_SECRET };
}

const REASONS: Record<string, RejectionReason> = {
  PROHIBITED_CONTENT: "prohibited_claim",
  INVALID_IMAGE: "photo_invalid",
  INVALID_CATEGORY: "category_invalid",
  MISSING_ATTRIBUTE: "attribute_missing",
  DUPLICATE_PRODUCT: "duplicate",
};

function parse<T>(res: HttpResponse): T {
  if (res.status === 401) throw new MarketplaceError("auth_expired", `HTTP 401 ${res.text.slice(0, 200)}`);
  if (res.status === 403) throw new MarketplaceError("misconfigured", `HTTP 403 ${res.text.slice(0, 200)}`);
  if (res.status === 404) throw new MarketplaceError("not_found", `HTTP 404 ${res.text.slice(0, 200)}`);
  const body = json<T & { errors?: { code?: string; message?: string }[] }>(res);
  if (res.status >= 400) {
    const first = body.errors?.[0];
    throw new MarketplaceError("rejected", `HTTP ${res.status} ${first?.code ?? ""}: ${first?.message ?? res.text.slice(0, 200)}`, {
      reason: REASONS[first?.code ?? ""] ?? "other",
    });
  }
  return body;
}

async function call<T>(ctx: ShopContext, method: "GET" | "POST" | "PUT", path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { authorization: `Bearer ${ctx.credentials.accessToken}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await ctx.http({ method, url: `${config().api}${path}`, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return parse<T>(res);
}

type TokenBody = { access_token: string; expires_in: number; refresh_token?: string };

async function tokenCall(http: HttpClient, form: Record<string, string>): Promise<ShopCredentials> {
  const { auth, clientId, secret } = config();
  const res = await http({
    method: "POST",
    url: `${auth}/sc/oauth2/token`,
    headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString("base64")}` },
    body: new URLSearchParams(form).toString(),
  });
  if (res.status === 400 || res.status === 401) throw new MarketplaceError("auth_expired", `token: HTTP ${res.status} ${res.text.slice(0, 200)}`);
  const body = json<TokenBody>(res);
  return { accessToken: body.access_token, refreshToken: body.refresh_token, accessExpiresAt: toIso(Date.now() + body.expires_in * 1000) };
}

function requestBody(listing: ListingSnapshot) {
  const attributes = listing.category?.attributes ?? {};
  const images = listing.images.map((i) => i.url);
  return {
    category_id: Number(listing.category?.externalId ?? 0),
    name: listing.name,
    description: listing.description,
    market_price: listing.price,
    attributes: { ...attributes, product_weight_kg: (listing.weightGrams ?? 0) / 1000 },
    image: images[0] ?? "",
    images: images.slice(1),
    option_attributes: [],
    variants: [{ sku: listing.sellerSku, price: listing.price, inventory_type: "instock", seller_warehouse: "1", warehouse_stocks: [{ warehouseId: 1, qtyAvailable: listing.stock }] }],
  };
}

const productUrl = (id: string) => `https://tiki.vn/p${id}.html`;

/** GET tracking/{track_id}: documented fields track_id, request_id, state, reason (product_id is not documented). */
type Tracking = { track_id: string; request_id?: string | null; state: string; reason?: string | null; product_id?: number | null };

/** Vietnam has one offset all year (UTC+7, no summer time). */
const VN_OFFSET_MS = 7 * 3600_000;

/** An instant as Tiki writes dates: "yyyy-MM-dd HH:mm:ss" in Vietnam time. */
export function tikiTime(ms: number): string {
  const local = new Date(Math.floor(ms / 1000) * 1000 + VN_OFFSET_MS).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 19)}`;
}

/** Tiki's "yyyy-MM-dd HH:mm:ss" (Vietnam time) as an ISO instant, whatever the host's zone. */
export function fromTikiTime(text: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text.trim());
  if (!m) throw new MarketplaceError("retryable", `unreadable Tiki date "${text}"`);
  const [, y, mo, d, h, mi, se] = m;
  return toIso(Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +se!) - VN_OFFSET_MS);
}

/**
 * A rejected request's reason: documented as a JSON string `{"errors":[{code, msg, msg_eng}], "message"}`
 * (code 420: "Seller product code is not unique"), or plain text.
 */
export function readReason(reason: string | null | undefined): { reason: RejectionReason; detail: string } {
  let detail = reason ?? "";
  let codes: number[] = [];
  try {
    const parsed = JSON.parse(detail) as { errors?: { code?: number; msg?: string; msg_eng?: string }[]; message?: string };
    codes = (parsed.errors ?? []).map((e) => Number(e.code));
    detail = (parsed.errors ?? []).map((e) => [e.msg, e.msg_eng].filter(Boolean).join(" / ")).join("; ") || parsed.message || detail;
  } catch {
    // plain text
  }
  if (codes.includes(420)) return { reason: "duplicate", detail };
  if (/prohibit|claim|công dụng/i.test(detail)) return { reason: "prohibited_claim", detail };
  if (/category|danh mục/i.test(detail)) return { reason: "category_invalid", detail };
  if (/attribute|thuộc tính/i.test(detail)) return { reason: "attribute_missing", detail };
  if (/image|hình/i.test(detail)) return { reason: "photo_invalid", detail };
  return { reason: "other", detail };
}

/**
 * products/findBy?original_sku: the product this seller SKU became, if any. A product taken down
 * earlier (active 0) is an old listing, not the one being created.
 */
async function productIdBySku(ctx: ShopContext, sellerSku: string): Promise<string | null> {
  const r = await call<{ data?: { product_id: number; original_sku?: string; active?: number }[] }>(ctx, "GET", `/integration/v2/products/findBy?${new URLSearchParams({ original_sku: sellerSku })}`);
  const p = (r.data ?? []).find((x) => (x.original_sku === undefined || x.original_sku === sellerSku) && x.active !== 0);
  return p ? String(p.product_id) : null;
}

const TIKI_STATUSES: Record<string, MarketOrder["status"]> = {
  waiting_payment: "pending_payment",
  queueing: "placed",
  processing: "confirmed",
  picking: "confirmed",
  packaging: "confirmed",
  shipping: "shipped",
  delivered: "delivered",
  successful_delivery: "completed",
  complete: "completed",
  canceled: "cancelled",
  returned: "refunded",
};

type TikiOrder = {
  code: string;
  status: string;
  created_at: string;
  updated_at: string;
  payment: { method: string };
  invoice: { shipping_amount: number };
  shipping?: { address?: { full_name?: string; phone?: string } };
  items: { product: { id: number; name: string; seller_product_code: string }; invoice: { price: number; quantity: number } }[];
};

export const tiki: ApiAdapter = {
  kind: "api",
  code: "tiki",
  maxOrderWindowDays: 30,

  authorizeUrl(state, redirectUri) {
    const { auth, clientId } = config();
    const q = new URLSearchParams({ response_type: "code", client_id: clientId, redirect_uri: redirectUri, scope: "offline product order", state });
    return `${auth}/sc/oauth2/auth?${q}`;
  },

  async exchangeCode(http, query, redirectUri) {
    const code = query.get("code");
    if (!code) throw new MarketplaceError("misconfigured", "callback without code");
    const credentials = await tokenCall(http, { grant_type: "authorization_code", code, redirect_uri: redirectUri });
    // The documented seller carries `sid`; a numeric `id` is taken when present.
    const me = await call<{ id?: number; sid?: string; name: string }>({ shopId: "", credentials, http }, "GET", "/integration/v2/sellers/me");
    const shopId = me.id !== undefined ? String(me.id) : me.sid;
    if (!shopId) throw new MarketplaceError("misconfigured", "sellers/me answered without a seller id");
    return { shopId, shopName: me.name, credentials };
  },

  async refresh(http, shop) {
    if (!shop.credentials.refreshToken) throw new MarketplaceError("auth_expired", "no refresh token");
    return tokenCall(http, { grant_type: "refresh_token", refresh_token: shop.credentials.refreshToken });
  },

  // The documented look-up by seller SKU is products/findBy (a product exists once its request is
  // approved); /requests does not filter on the SKU. A request still in review is not found here, and a
  // second request with the same SKU is refused by Tiki as "not unique" (see reviewStatus).
  async findBySku(ctx, sellerSku) {
    const id = await productIdBySku(ctx, sellerSku);
    return id === null ? null : { status: "live", externalId: id, externalSkuId: null, externalUrl: productUrl(id) };
  },

  async create(ctx, listing) {
    const r = await call<{ track_id: string }>(ctx, "POST", "/integration/v2.1/requests", requestBody(listing));
    return { status: "in_review", reviewRef: r.track_id };
  },

  // The tracking answer documents no product id: an approved request's product is found by its seller
  // SKU, so that look-up comes first (one call once approved) and the tracking only says why not yet.
  async reviewStatus(ctx, reviewRef, sellerSku) {
    const id = await productIdBySku(ctx, sellerSku);
    if (id !== null) return { status: "live", externalId: id, externalSkuId: null, externalUrl: productUrl(id) };
    const t = await call<Tracking>(ctx, "GET", `/integration/v2/tracking/${encodeURIComponent(reviewRef)}`);
    if (t.state === "approved" && t.product_id) {
      return { status: "live", externalId: String(t.product_id), externalSkuId: null, externalUrl: productUrl(String(t.product_id)) };
    }
    if (t.state === "rejected") {
      const refusal = readReason(t.reason);
      // "Not unique": an earlier request with this SKU (a create whose answer was lost) is the listing;
      // its product is adopted by the look-up above once Tiki approves it.
      if (refusal.reason === "duplicate") return { status: "in_review" };
      return { status: "rejected", ...refusal };
    }
    return { status: "in_review" }; // queuing … awaiting_approve, or approved before findBy shows the product
  },

  async updatePriceStock(ctx, _ref, change) {
    const body: Record<string, unknown> = { original_sku: change.sellerSku };
    if (change.price !== undefined) body.price = change.price;
    if (change.stock !== undefined) body.quantity = change.stock;
    await call(ctx, "POST", "/integration/v2/products/updateSku", body);
  },

  async updateContent(ctx, ref, listing) {
    await call(ctx, "POST", "/integration/v2.1/requests/updateProductInfo", { product_id: Number(ref.externalId), name: listing.name, description: listing.description });
  },

  async delist(ctx, ref) {
    await call(ctx, "POST", "/integration/v2/products/updateSku", { product_id: Number(ref.externalId), active: 0 });
  },

  async fetchStatus(ctx, ref) {
    const p = await call<{ active: number }>(ctx, "GET", `/integration/v2/products/${encodeURIComponent(ref.externalId)}`);
    return { status: p.active ? "live" : "delisted" };
  },

  async listOrders(ctx, window, cursor) {
    const page = Number(cursor ?? 1);
    // Dates as documented, "yyyy-MM-dd HH:mm:ss" in Vietnam time; the end rounded up to the second so the
    // window never loses its last partial second (an order read twice is imported once).
    const q = new URLSearchParams({
      updated_from_date: tikiTime(window.from.getTime()),
      updated_to_date: tikiTime(Math.ceil(window.to.getTime() / 1000) * 1000),
      page: String(page),
      limit: "50",
    });
    const r = await call<{ data: TikiOrder[]; paging: { current_page: number; last_page: number } }>(ctx, "GET", `/integration/v2/orders?${q}`);
    const orders = r.data.map(
      (o): MarketOrder => ({
        externalId: o.code,
        status: orderStatusFrom(TIKI_STATUSES, o.status),
        placedAt: fromTikiTime(o.created_at),
        updatedAt: fromTikiTime(o.updated_at),
        cod: o.payment.method === "cod",
        buyerName: o.shipping?.address?.full_name ?? "",
        buyerPhone: o.shipping?.address?.phone ?? "",
        shippingFee: Math.round(o.invoice.shipping_amount),
        lines: o.items.map((i) => ({
          sellerSku: i.product.seller_product_code || null,
          externalItemId: String(i.product.id),
          name: i.product.name,
          unitPrice: Math.round(i.invoice.price),
          quantity: i.invoice.quantity,
        })),
      }),
    );
    return { orders, next: r.paging.current_page < r.paging.last_page ? String(page + 1) : null };
  },
};
