// Tiki Open API sandbox: OAuth2 authorisation code (client credentials in Basic auth), bearer
// tokens on /integration/*, product creation as a request reviewed asynchronously
// (queuing → approved with a product id, or rejected with a reason), orders paged by page.
import type { IncomingMessage, ServerResponse } from "node:http";
import { categoryMapping, MARKETPLACES } from "#db/reference/marketplaces";
import { Market, type Item, type SandboxDefinition, type Shop } from "./core";
import { admin, consentPage, formFields, gate, grantConsent, jsonBody, readRequest, type Reply, reply, type Req, send } from "./http";

export type TikiKeys = { clientId: string; clientSecret: string };

const CATEGORIES = new Set(Object.values(MARKETPLACES.tiki.categories).map((m) => categoryMapping(m).id));
const ok = (body: unknown): Reply => ({ status: 200, body });
const err = (status: number, code: string, message: string): Reply => ({ status, body: { errors: [{ code, message }] } });
const refusals = {
  throttle: (market: Market) => ({ ...err(429, "TOO_MANY_REQUESTS", "Rate limit exceeded"), headers: { "retry-after": String(market.options.retryAfterSeconds) } }),
  serverError: () => err(500, "INTERNAL", "Internal error"),
};
/** English words for the refusal families (the documented reason carries msg and msg_eng). */
const REASON_ENGLISH: Record<string, string> = { prohibited: "Prohibited claim", category: "Invalid category", attribute: "Missing required attribute", duplicate: "Seller product code is not unique" };

const trackId = (item: Item) => `TRK${item.id}`;

/** GET tracking/{track_id} as documented: track_id, request_id, state, reason (a JSON string of errors when rejected). */
const tracking = (i: Item) => ({
  track_id: trackId(i),
  request_id: i.status === "in_review" ? null : `REQ${i.id}`,
  state: i.status === "in_review" ? "queuing" : i.status === "rejected" ? "rejected" : "approved",
  reason: i.status === "rejected" ? reasonJson(i) : "",
});

function reasonJson(i: Item): string {
  const code = i.rejectCode === "duplicate" ? 420 : 400;
  const english = `${REASON_ENGLISH[i.rejectCode ?? ""] ?? "Rejected"}`;
  return JSON.stringify({ errors: [{ code, data: null, description: `${english}: ${i.rejectReason ?? ""}`, msg: i.rejectReason ?? "", msg_eng: english }], message: i.rejectReason ?? "", trace_id: null });
}

/** Vietnam time, "yyyy-MM-dd HH:mm:ss" both ways (the documented date format; UTC+7 all year). */
function tikiTime(ms: number): string {
  const local = new Date(ms + 7 * 3600_000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 19)}`;
}
function readTikiTime(text: string | null): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text ?? "");
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) - 7 * 3600_000 : null;
}

export function tikiSandbox(market: Market, keys: TikiKeys) {
  market.defaultOrderStatus = "processing";

  async function shopCall(req: Req, res: ServerResponse, shop: Shop) {
    const route = `${req.method} ${req.path}`;
    const body = jsonBody<Record<string, unknown>>(req) ?? {};
    await gate(market, res, shop.id, refusals, (): Reply => {
      market.settleReviews(shop, CATEGORIES);
      if (route === "GET /integration/v2/sellers/me") return ok({ id: Number(shop.id), sid: `SID${shop.id}`, name: shop.name, active: 1, can_update_product: 1, registration_status: "completed" });
      if (route === "POST /integration/v2.1/requests") {
        const variant = (body.variants as { sku: string; price: number; warehouse_stocks?: { qtyAvailable: number }[] }[] | undefined)?.[0];
        const image = String(body.image ?? "");
        if (!variant) return err(400, "INVALID_VARIANT", "variants is required");
        if (!/^https?:\/\/.+\.(jpe?g|png)$/i.test(image)) return err(400, "INVALID_IMAGE", "image must be a jpg/png URL of at least 500x500");
        const id = market.newId();
        const now = Date.now();
        // Tiki refuses a second request for a seller product code it already has (documented code 420).
        // (unverified) Here a code is held by a product on sale or a request in review, not by one taken down.
        const taken = market.findBySku(shop, variant.sku).some((i) => i.status === "live" || i.status === "in_review");
        const attributes = Object.fromEntries(Object.entries((body.attributes as Record<string, unknown>) ?? {}).map(([k, v]) => [k, String(v)]));
        shop.items[id] = {
          id,
          skuId: id,
          sku: variant.sku,
          name: String(body.name ?? ""),
          description: String(body.description ?? ""),
          categoryId: String(body.category_id ?? ""),
          attributes,
          price: Number(variant.price),
          stock: Number(variant.warehouse_stocks?.[0]?.qtyAvailable ?? 0),
          images: [image, ...((body.images as string[]) ?? [])],
          weightKg: Number(attributes.product_weight_kg ?? 0),
          status: taken ? "rejected" : "in_review",
          ...(taken ? { rejectCode: "duplicate", rejectReason: "Mã seller product không duy nhất" } : {}),
          reviewAt: now + market.options.reviewMs,
          createdAt: now,
          updatedAt: now,
        } satisfies Item;
        market.changed();
        return ok({ track_id: trackId(shop.items[id]!), state: "queuing" });
      }
      const track = /^\/integration\/v2\/tracking\/TRK(\d+)$/.exec(req.path);
      if (req.method === "GET" && track) {
        const item = shop.items[track[1]!];
        return item ? ok(tracking(item)) : err(404, "NOT_FOUND", "unknown track_id");
      }
      if (route === "GET /integration/v2/products/findBy") {
        // The product a seller SKU became (requests in review or refused are not products).
        const found = market.findBySku(shop, req.query.get("original_sku") ?? "").filter((i) => i.status === "live" || i.status === "delisted");
        const data = found.map((i) => ({
          sku: `TK${i.id}`,
          product_id: Number(i.id),
          original_sku: i.sku,
          name: i.name,
          price: i.price,
          market_price: i.price,
          active: i.status === "live" ? 1 : 0,
          created_at: tikiTime(i.createdAt),
        }));
        return ok({ data, paging: { total: data.length, current_page: 1, from: 0, to: data.length, per_page: 20, last_page: 1 } });
      }
      if (route === "POST /integration/v2/products/updateSku") {
        const item = body.product_id !== undefined ? shop.items[String(body.product_id)] : market.findBySku(shop, String(body.original_sku ?? "")).find((i) => i.status !== "rejected");
        if (!item) return err(404, "NOT_FOUND", "product not found");
        if (Math.random() < market.options.faults.partial) return err(503, "PARTIAL", "update queued but not applied, retry");
        if (body.price !== undefined) item.price = Number(body.price);
        if (body.quantity !== undefined) item.stock = Number(body.quantity);
        if (body.active === 0) item.status = "delisted";
        item.updatedAt = Date.now();
        market.changed();
        return ok({ state: "approved" });
      }
      if (route === "POST /integration/v2.1/requests/updateProductInfo") {
        const item = shop.items[String(body.product_id)];
        if (!item) return err(404, "NOT_FOUND", "product not found");
        item.name = String(body.name ?? item.name);
        item.description = String(body.description ?? item.description);
        item.updatedAt = Date.now();
        market.changed();
        return ok({ state: "approved" });
      }
      const product = /^\/integration\/v2\/products\/(\d+)$/.exec(req.path);
      if (req.method === "GET" && product) {
        const item = shop.items[product[1]!];
        return item ? ok({ product_id: Number(item.id), original_sku: item.sku, price: item.price, active: item.status === "live" ? 1 : 0, inventory: { quantity_sellable: item.stock } }) : err(404, "NOT_FOUND", "product not found");
      }
      if (route === "GET /integration/v2/orders") {
        const from = readTikiTime(req.query.get("updated_from_date"));
        const to = req.query.has("updated_to_date") ? readTikiTime(req.query.get("updated_to_date")) : Infinity;
        if (from === null || to === null) return err(400, "INVALID_DATE", "updated_from_date/updated_to_date must be yyyy-MM-dd HH:mm:ss");
        const page = Number(req.query.get("page") ?? 1);
        const limit = Math.min(50, Number(req.query.get("limit") ?? 20));
        const matching = shop.orders.filter((o) => o.updatedAt >= from && o.updatedAt < to).sort((a, b) => a.updatedAt - b.updatedAt);
        const data = matching.slice((page - 1) * limit, page * limit).map((o) => ({
          code: o.id,
          status: o.status,
          created_at: tikiTime(o.createdAt),
          updated_at: tikiTime(o.updatedAt),
          payment: { method: o.cod ? "cod" : "momo" },
          invoice: { shipping_amount: o.shippingFee, grand_total: o.lines.reduce((s, l) => s + l.price * l.quantity, 0) + o.shippingFee },
          shipping: { address: { full_name: o.buyerName, phone: o.buyerPhone } },
          items: o.lines.map((l) => ({ product: { id: Number(l.itemId), name: l.name, seller_product_code: l.sku }, invoice: { price: l.price, quantity: l.quantity } })),
        }));
        return ok({ data, paging: { current_page: page, last_page: Math.max(1, Math.ceil(matching.length / limit)), total: matching.length } });
      }
      return err(404, "NOT_FOUND", `no such API ${route}`);
    });
  }

  return async function handle(incoming: IncomingMessage, res: ServerResponse): Promise<void> {
    const req = await readRequest(incoming);
    if (await admin(market, req, res)) return;
    if (req.path === "/sc/oauth2/auth") {
      if (req.query.get("client_id") !== keys.clientId) return send(res, 400, "<p>client_id không hợp lệ</p>");
      return send(res, 200, consentPage("Tiki", "/__consent", { redirect: req.query.get("redirect_uri") ?? "", state: req.query.get("state") ?? "", default_shop: "300001" }));
    }
    if (req.path === "/__consent" && req.method === "POST") return grantConsent(req, res, market, { defaultId: "300001", namePrefix: "Gian hàng Tiki", echo: "state" });
    if (req.path === "/sc/oauth2/token" && req.method === "POST") {
      const basic = Buffer.from(String(req.headers.authorization ?? "").replace(/^Basic /, ""), "base64").toString();
      if (basic !== `${keys.clientId}:${keys.clientSecret}`) return reply(res, { status: 401, body: { error: "invalid_client" } });
      const f = await formFields(req);
      const t = f.grant_type === "refresh_token" ? market.redeemRefresh(f.refresh_token ?? "") : market.redeemCode(f.code ?? "");
      if (!t) return reply(res, { status: 400, body: { error: "invalid_grant" } });
      return reply(res, ok({ access_token: t.accessToken, expires_in: t.expiresIn, refresh_token: t.refreshToken, token_type: "bearer", scope: "offline product order" }));
    }
    if (!req.path.startsWith("/integration/")) return reply(res, err(404, "NOT_FOUND", "not found"));
    const shop = market.shopForToken(String(req.headers.authorization ?? "").replace(/^Bearer /, ""));
    if (!shop) return reply(res, { status: 401, body: { error: "invalid_token", error_description: "The access token is invalid or has expired" } });
    await shopCall(req, res, shop);
  };
}

export const tiki: SandboxDefinition<"tiki"> = {
  idBase: 500_000_000,
  handler: (market, env) => tikiSandbox(market, { clientId: env.TIKI_CLIENT_ID, clientSecret: env.TIKI_CLIENT_SECRET }),
};
