// Shopee Open Platform v2 sandbox: checks partner_id, the 5-minute timestamp window and the
// HMAC-SHA256 sign of every call (public and shop calls), tokens (4 h, single-use refresh),
// and answers like v2: {"error": "", "message": "", "response": {…}}.
import { createHmac } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { categoryMapping, MARKETPLACES } from "#db/reference/marketplaces";
import { Market, type Item, type SandboxDefinition, type Shop } from "./core";
import { admin, consentPage, fresh, gate, grantConsent, jsonBody, readRequest, type Reply, reply, type Req, send } from "./http";

export type ShopeeKeys = { partnerId: number; partnerKey: string };

const CATEGORIES = new Set(Object.values(MARKETPLACES.shopee.categories).map((m) => categoryMapping(m).id));
const ok = (response: unknown): Reply => ({ status: 200, body: { error: "", message: "", request_id: "sbx", response } });
const err = (status: number, error: string, message: string): Reply => ({ status, body: { error, message, request_id: "sbx" } });
const refusals = { throttle: () => err(429, "error_too_many_request", "Too many requests"), serverError: () => err(500, "error_server", "Internal error") };

/** Attribute ids every category requires here: the ones the marketplace's definition names (`<name>_<id>`). */
const MANDATORY_ATTRIBUTES = Object.keys(MARKETPLACES.shopee.attributes).flatMap((k) => /_(\d+)$/.exec(k)?.[1] ?? []).map(Number);

/**
 * add_item's attribute_list as documented: attribute_id (int), attribute_value_list of
 * {value_id (int), original_value_name (required when value_id is 0)}. By id → value name; a string is the refusal.
 */
function attributesOf(list: unknown): Record<string, string> | string {
  const out: Record<string, string> = {};
  if (list === undefined) return out;
  if (!Array.isArray(list)) return "attribute_list must be an array";
  for (const a of list as { attribute_id?: unknown; attribute_value_list?: { value_id?: unknown; original_value_name?: unknown }[] }[]) {
    if (!Number.isInteger(a.attribute_id)) return "attribute_list[].attribute_id is required";
    const v = a.attribute_value_list?.[0];
    if (!v || !Number.isInteger(v.value_id)) return `attribute ${String(a.attribute_id)}: value_id is required`;
    if (v.value_id === 0 && !v.original_value_name) return `attribute ${String(a.attribute_id)}: original_value_name is required when value_id is 0`;
    out[String(a.attribute_id)] = String(v.original_value_name ?? v.value_id);
  }
  return out;
}

const STATUS = { live: "NORMAL", in_review: "REVIEWING", rejected: "BANNED", delisted: "UNLIST" } as const;

/** Shopee's documented sign: HMAC-SHA256 (partner key), lowercase hex, over partner_id + path + timestamp (+ access_token + shop_id). */
export function shopeeSignature(p: { partnerId: number | string; path: string; timestamp: number | string; accessToken?: string; shopId?: number | string }, partnerKey: string): string {
  return createHmac("sha256", partnerKey).update(`${p.partnerId}${p.path}${p.timestamp}${p.accessToken ?? ""}${p.shopId ?? ""}`).digest("hex");
}

export function shopeeSandbox(market: Market, keys: ShopeeKeys) {
  market.defaultOrderStatus = "READY_TO_SHIP";

  function signatureOk(req: Req, shopCall: boolean): boolean {
    const q = req.query;
    if (q.get("partner_id") !== String(keys.partnerId) || !fresh(q.get("timestamp"))) return false;
    const shop = shopCall ? { accessToken: q.get("access_token") ?? "", shopId: q.get("shop_id") ?? "" } : {};
    return shopeeSignature({ partnerId: keys.partnerId, path: req.path, timestamp: q.get("timestamp") ?? "", ...shop }, keys.partnerKey) === q.get("sign");
  }

  /** auth/token/get lists the authorised shops (shop_id_list); auth/access_token/get names the partner and the shop. */
  function tokenReply(t: { accessToken: string; refreshToken: string; expiresIn: number; shopId: string } | null, refresh: boolean): Reply {
    if (!t) return err(403, "error_auth", "Invalid code or refresh_token");
    const tokens = { access_token: t.accessToken, refresh_token: t.refreshToken, expire_in: t.expiresIn };
    const who = refresh ? { partner_id: keys.partnerId, shop_id: Number(t.shopId) } : { shop_id_list: [Number(t.shopId)], merchant_id_list: [] };
    return { status: 200, body: { error: "", message: "", request_id: "sbx", ...who, ...tokens } };
  }

  async function shopCall(req: Req, res: ServerResponse, shop: Shop) {
    const body = jsonBody<Record<string, unknown>>(req) ?? {};
    const route = `${req.method} ${req.path}`;
    const item = (id: unknown) => shop.items[String(id)];
    await gate(market, res, shop.id, refusals, async (): Promise<Reply> => {
      switch (route) {
        case "GET /api/v2/shop/get_shop_info": {
          // Documented at the top level, beside error/message (no `response` object).
          const now = Math.floor(Date.now() / 1000);
          return { status: 200, body: { error: "", message: "", request_id: "sbx", shop_name: shop.name, region: "VN", status: "NORMAL", is_cb: false, sip_affi_shops: [], auth_time: now, expire_time: now + 365 * 86400 } };
        }
        case "POST /api/v2/media_space/upload_image":
          return ok({ image_info: { image_id: `vn-${market.newId()}`, image_url_list: [] } });
        case "POST /api/v2/product/add_item": {
          const attributes = attributesOf(body.attribute_list);
          if (typeof attributes === "string") return err(400, "error_param", attributes);
          const draft = {
            name: String(body.item_name ?? ""),
            description: String(body.description ?? ""),
            categoryId: String(body.category_id ?? ""),
            attributes: { ...attributes, brand: String((body.brand as { original_brand_name?: string } | undefined)?.original_brand_name ?? "") },
          };
          const missing = MANDATORY_ATTRIBUTES.find((id) => !(String(id) in attributes));
          if (missing !== undefined) return err(400, "error_attribute", `Mandatory attribute ${missing} is missing`);
          const problem = market.contentProblem(draft, CATEGORIES);
          if (problem) return err(400, problem.code === "prohibited" ? "error_item_prohibited" : problem.code === "category" ? "error_category" : "error_attribute", problem.reason);
          const images = ((body.image as { image_id_list?: string[] } | undefined)?.image_id_list ?? []);
          if (images.length === 0) return err(400, "error_image", "image_id_list is empty");
          const id = market.newId();
          const now = Date.now();
          shop.items[id] = {
            id,
            skuId: "0",
            sku: String(body.item_sku ?? ""),
            ...draft,
            price: Number(body.original_price),
            stock: Number((body.seller_stock as { stock: number }[] | undefined)?.[0]?.stock ?? 0),
            images,
            weightKg: Number(body.weight ?? 0),
            status: "live",
            createdAt: now,
            updatedAt: now,
          } satisfies Item;
          market.changed();
          return ok({ item_id: Number(id), item_status: "NORMAL" });
        }
        case "GET /api/v2/product/search_item": {
          const sku = req.query.get("item_sku") ?? "";
          const ids = market.findBySku(shop, sku).map((i) => Number(i.id));
          return ok({ item_id_list: ids, total_count: ids.length, next_offset: "" });
        }
        case "POST /api/v2/product/update_price":
        case "POST /api/v2/product/update_stock": {
          const it = item(body.item_id);
          if (!it) return err(404, "error_item_not_found", `item ${body.item_id} not found`);
          if (Math.random() < market.options.faults.partial) return ok({ success_list: [], failure_list: [{ model_id: 0, failed_reason: "system busy, try later" }] });
          if (route.endsWith("update_price")) it.price = Number((body.price_list as { original_price: number }[])[0]!.original_price);
          else it.stock = Number((body.stock_list as { seller_stock: { stock: number }[] }[])[0]!.seller_stock[0]!.stock);
          it.updatedAt = Date.now();
          market.changed();
          // The documented success entries echo what was set: the price, or the stock.
          const done = route.endsWith("update_price") ? { model_id: 0, original_price: it.price } : { model_id: 0, stock: it.stock };
          return ok({ success_list: [done], failure_list: [] });
        }
        case "POST /api/v2/product/update_item": {
          const it = item(body.item_id);
          if (!it) return err(404, "error_item_not_found", `item ${body.item_id} not found`);
          const next = { ...it, name: String(body.item_name ?? it.name), description: String(body.description ?? it.description), categoryId: String(body.category_id ?? it.categoryId) };
          const problem = market.contentProblem(next, CATEGORIES);
          if (problem) return err(400, problem.code === "prohibited" ? "error_item_prohibited" : "error_category", problem.reason);
          Object.assign(it, next, { weightKg: Number(body.weight ?? it.weightKg), updatedAt: Date.now() });
          if (it.status === "rejected") it.status = "live";
          market.changed();
          return ok({ item_id: Number(it.id) });
        }
        case "POST /api/v2/product/unlist_item": {
          for (const entry of (body.item_list as { item_id: number }[]) ?? []) {
            const it = item(entry.item_id);
            if (it) it.status = "delisted";
          }
          market.changed();
          return ok({ success_list: body.item_list, failure_list: [] });
        }
        case "GET /api/v2/product/get_item_base_info": {
          const ids = (req.query.get("item_id_list") ?? "").split(",");
          const list = ids.map(item).filter(Boolean).map((i) => ({ item_id: Number(i!.id), item_status: STATUS[i!.status], item_sku: i!.sku, item_name: i!.name }));
          return ok({ item_list: list });
        }
        case "GET /api/v2/order/get_order_list": {
          const from = Number(req.query.get("time_from")) * 1000;
          const to = Number(req.query.get("time_to")) * 1000;
          if (!(to > from) || to - from > 15 * 86_400_000) return err(400, "error_param", "time range must be within 15 days");
          const size = Math.min(100, Number(req.query.get("page_size") ?? 20));
          const start = Number(req.query.get("cursor") || 0);
          const matching = shop.orders.filter((o) => o.updatedAt >= from && o.updatedAt < to).sort((a, b) => a.updatedAt - b.updatedAt);
          const page = matching.slice(start, start + size);
          return ok({ more: start + size < matching.length, next_cursor: String(start + size), order_list: page.map((o) => ({ order_sn: o.id })) });
        }
        case "GET /api/v2/order/get_order_detail": {
          const sns = new Set((req.query.get("order_sn_list") ?? "").split(","));
          const list = shop.orders.filter((o) => sns.has(o.id)).map((o) => ({
            order_sn: o.id,
            order_status: o.status,
            create_time: Math.floor(o.createdAt / 1000),
            update_time: Math.floor(o.updatedAt / 1000),
            cod: o.cod,
            payment_method: o.cod ? "Cash on Delivery" : "ShopeePay",
            estimated_shipping_fee: o.shippingFee,
            recipient_address: { name: o.buyerName, phone: o.buyerPhone },
            item_list: o.lines.map((l) => ({ item_id: Number(l.itemId), item_name: l.name, item_sku: l.sku, model_quantity_purchased: l.quantity, model_discounted_price: l.price })),
          }));
          return ok({ order_list: list });
        }
      }
      return err(404, "error_not_found", `no such API ${route}`);
    });
  }

  return async function handle(incoming: IncomingMessage, res: ServerResponse): Promise<void> {
    const req = await readRequest(incoming);
    if (await admin(market, req, res)) return;
    if (req.path === "/api/v2/shop/auth_partner") {
      if (!signatureOk(req, false)) return reply(res, err(403, "error_sign", "Wrong sign"));
      return send(res, 200, consentPage("Shopee", "/__consent", { redirect: req.query.get("redirect") ?? "", default_shop: "600001" }));
    }
    if (req.path === "/__consent" && req.method === "POST") return grantConsent(req, res, market, { defaultId: "600001", namePrefix: "Gian hàng Shopee", echo: "shop_id" });
    if (req.path === "/api/v2/auth/token/get" || req.path === "/api/v2/auth/access_token/get") {
      if (!signatureOk(req, false)) return reply(res, err(403, "error_sign", "Wrong sign"));
      const body = jsonBody<{ code?: string; refresh_token?: string }>(req) ?? {};
      return reply(res, body.code ? tokenReply(market.redeemCode(body.code), false) : tokenReply(market.redeemRefresh(body.refresh_token ?? ""), true));
    }
    if (!req.path.startsWith("/api/v2/")) return reply(res, err(404, "error_not_found", "not found"));
    if (!signatureOk(req, true)) {
      market.stats.signatureErrors++;
      return reply(res, err(403, "error_sign", "Wrong sign or timestamp"));
    }
    const shop = market.shopForToken(req.query.get("access_token"));
    if (!shop || shop.id !== req.query.get("shop_id")) return reply(res, err(403, "error_auth", "Invalid access_token"));
    await shopCall(req, res, shop);
  };
}

export const shopee: SandboxDefinition<"shopee"> = {
  idBase: 30_000_000_000,
  handler: (market, env) => shopeeSandbox(market, { partnerId: env.SHOPEE_PARTNER_ID, partnerKey: env.SHOPEE_PARTNER_KEY }),
};
