// Lazada Open Platform sandbox: checks app_key, the timestamp (ms, within 7200 s) and the
// uppercase HMAC-SHA256 sign over the API path and every parameter (query and form body,
// files left out); answers {"code": "0", "data": …} or an error code (ApiCallLimit when
// throttled, IllegalAccessToken, IncompleteSignature). Order items come one per unit.
import { createHmac } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { categoryMapping, MARKETPLACES } from "#db/reference/marketplaces";
import { Market, type Item, type SandboxDefinition, type Shop } from "./core";
import { admin, consentPage, formFields, gate, grantConsent, readRequest, type Reply, reply, type Req, send } from "./http";

export type LazadaKeys = { appKey: string; appSecret: string };

const CATEGORIES = new Set(Object.values(MARKETPLACES.lazada.categories).map((m) => categoryMapping(m).id));
const ok = (data: unknown): Reply => ({ status: 200, body: { code: "0", data, request_id: "sbx" } });
const err = (code: string, message: string, status = 200, detail?: unknown): Reply => ({ status, body: { code, type: "ISV", message, request_id: "sbx", ...(detail ? { detail } : {}) } });
const refusals = { throttle: () => err("ApiCallLimit", "The request has exceeded the limit"), serverError: () => err("InternalError", "Internal error", 500) };

const STATUS = { live: "Active", in_review: "Pending QC", rejected: "Rejected", delisted: "InActive" } as const;

type SkuPayload = { SellerSku?: string; quantity?: number; price?: number; package_weight?: string; ItemId?: string; Price?: number; Quantity?: number };
type ProductPayload = { Request?: { Product?: { PrimaryCategory?: string; ItemId?: string; Images?: { Image?: string[] }; Attributes?: Record<string, string>; Skus?: { Sku?: SkuPayload[] } } } };

/** Order times as the GetOrders example prints them: "2014-10-11 20:00:21 +0800" (the sandbox's shops are in Vietnam, +0700). */
function lazadaTime(ms: number): string {
  const local = new Date(ms + 7 * 3600_000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 19)} +0700`;
}

/** Lazada's documented sign: the API path, then every parameter but `sign` sorted by name as name+value; HMAC-SHA256, uppercase hex. */
export function lazadaSignature(apiPath: string, params: Record<string, string>, appSecret: string): string {
  let base = apiPath;
  for (const k of Object.keys(params).filter((k) => k !== "sign").sort()) base += k + params[k];
  return createHmac("sha256", appSecret).update(base, "utf8").digest("hex").toUpperCase();
}

export function lazadaSandbox(market: Market, keys: LazadaKeys) {
  market.defaultOrderStatus = "pending";

  function signatureOk(req: Req, apiPath: string, fields: Record<string, string>): boolean {
    const params: Record<string, string> = { ...Object.fromEntries(req.query), ...fields };
    if (params.app_key !== keys.appKey) return false;
    const ts = Number(params.timestamp);
    if (!Number.isFinite(ts) || Math.abs(Date.now() - ts) > 7_200_000) return false;
    return lazadaSignature(apiPath, params, keys.appSecret) === params.sign;
  }

  function tokenReply(t: { accessToken: string; refreshToken: string; expiresIn: number; shopId: string } | null): Reply {
    if (!t) return err("IllegalRefreshToken", "Invalid code or refresh token");
    return {
      status: 200,
      body: {
        code: "0",
        request_id: "sbx",
        access_token: t.accessToken,
        refresh_token: t.refreshToken,
        expires_in: t.expiresIn,
        refresh_expires_in: 30 * 86400,
        account: `seller${t.shopId}@example.vn`,
        country: "vn",
        country_user_info: [{ country: "vn", seller_id: t.shopId, user_id: t.shopId, short_code: `VN${t.shopId}` }],
      },
    };
  }

  const payloadOf = (fields: Record<string, string>, name = "payload") => {
    try {
      return JSON.parse(fields[name] ?? "{}") as ProductPayload;
    } catch {
      return {} as ProductPayload;
    }
  };

  async function shopCall(req: Req, res: ServerResponse, shop: Shop, path: string, fields: Record<string, string>) {
    const route = `${req.method} ${path}`;
    const q = req.query;
    await gate(market, res, shop.id, refusals, (): Reply => {
      switch (route) {
        case "GET /seller/get":
          return ok({ name: shop.name, seller_id: shop.id, short_code: `VN${shop.id}` });
        case "POST /image/upload":
          return ok({ image: { url: `https://vn-live.slatic.net/p/${market.newId()}.jpg`, hash_code: market.newId() } });
        case "POST /product/create": {
          const p = payloadOf(fields).Request?.Product ?? {};
          const sku = p.Skus?.Sku?.[0] ?? {};
          const draft = { name: p.Attributes?.name ?? "", description: p.Attributes?.description ?? "", categoryId: String(p.PrimaryCategory ?? ""), attributes: p.Attributes ?? {} };
          const problem = market.contentProblem(draft, CATEGORIES);
          if (problem) {
            const detail = [{ field: problem.code === "prohibited" ? "description" : problem.code === "category" ? "PrimaryCategory" : "brand", code: problem.code === "prohibited" ? "PROHIBITED_WORDS" : "INVALID", message: problem.reason }];
            return err("500", "Product validation failed", 200, detail);
          }
          const id = market.newId();
          const now = Date.now();
          shop.items[id] = {
            id,
            skuId: market.newId(),
            sku: sku.SellerSku ?? "",
            ...draft,
            price: Number(sku.price),
            stock: Number(sku.quantity),
            images: p.Images?.Image ?? [],
            weightKg: Number(sku.package_weight ?? 0),
            status: "live",
            createdAt: now,
            updatedAt: now,
          } satisfies Item;
          market.changed();
          return ok({ item_id: Number(id), sku_list: [{ seller_sku: sku.SellerSku, sku_id: Number(shop.items[id]!.skuId), shop_sku: "" }] });
        }
        case "GET /products/get": {
          let skus: string[] = [];
          try {
            skus = JSON.parse(q.get("sku_seller_list") ?? "[]") as string[];
          } catch {
            return err("InvalidParameter", "sku_seller_list");
          }
          const products = Object.values(shop.items).filter((i) => skus.includes(i.sku));
          return ok({ total_products: products.length, products: products.map((i) => ({ item_id: Number(i.id), status: STATUS[i.status], skus: [{ SellerSku: i.sku, SkuId: Number(i.skuId) }] })) });
        }
        case "POST /product/price_quantity/update": {
          const skus = payloadOf(fields).Request?.Product?.Skus?.Sku ?? [];
          const failed: { seller_sku: string; message: string }[] = [];
          for (const s of skus) {
            const it = shop.items[String(s.ItemId)];
            if (!it || it.sku !== s.SellerSku) {
              failed.push({ seller_sku: s.SellerSku ?? "", message: "SKU not found" });
              continue;
            }
            if (Math.random() < market.options.faults.partial) {
              failed.push({ seller_sku: it.sku, message: "System busy" });
              continue;
            }
            if (s.Price !== undefined) it.price = Number(s.Price);
            if (s.Quantity !== undefined) it.stock = Number(s.Quantity);
            it.updatedAt = Date.now();
          }
          market.changed();
          if (failed.length === skus.length && failed.every((f) => f.message === "SKU not found")) return err("ItemNotFound", "SKU not found", 200, failed);
          return failed.length ? err("501", "Partial success", 200, failed) : ok({});
        }
        case "POST /product/update": {
          const p = payloadOf(fields).Request?.Product ?? {};
          const it = shop.items[String(p.ItemId)];
          if (!it) return err("ItemNotFound", `item ${p.ItemId}`);
          const next = { ...it, name: p.Attributes?.name ?? it.name, description: p.Attributes?.description ?? it.description, categoryId: String(p.PrimaryCategory ?? it.categoryId), attributes: { ...it.attributes, ...(p.Attributes ?? {}) } };
          const problem = market.contentProblem(next, CATEGORIES);
          if (problem) return err("500", "Product validation failed", 200, [{ field: "description", code: problem.code === "prohibited" ? "PROHIBITED_WORDS" : "INVALID", message: problem.reason }]);
          Object.assign(it, next, { updatedAt: Date.now() });
          if (it.status === "rejected") it.status = "live";
          market.changed();
          return ok({});
        }
        case "POST /product/deactivate": {
          const p = payloadOf(fields, "apiRequestBody").Request?.Product ?? {};
          const it = shop.items[String(p.ItemId)];
          if (!it) return err("ItemNotFound", `item ${p.ItemId}`);
          it.status = "delisted";
          market.changed();
          return ok({});
        }
        case "GET /product/item/get": {
          const it = shop.items[q.get("item_id") ?? ""];
          if (!it) return err("ItemNotFound", "item not found");
          return ok({ item_id: Number(it.id), status: STATUS[it.status], skus: [{ SellerSku: it.sku, price: it.price, quantity: it.stock }] });
        }
        case "GET /orders/get": {
          const from = Date.parse(q.get("update_after") ?? "");
          const to = Date.parse(q.get("update_before") ?? "") || Infinity;
          const offset = Number(q.get("offset") ?? 0);
          const limit = Math.min(100, Number(q.get("limit") ?? 100));
          const matching = shop.orders.filter((o) => o.updatedAt >= from && o.updatedAt < to).sort((a, b) => a.updatedAt - b.updatedAt);
          const page = matching.slice(offset, offset + limit).map((o) => ({
            order_id: Number(o.id),
            created_at: lazadaTime(o.createdAt),
            updated_at: lazadaTime(o.updatedAt),
            statuses: [o.status],
            payment_method: o.cod ? "COD" : "MIXEDCARD",
            price: String(o.lines.reduce((s, l) => s + l.price * l.quantity, 0)),
            shipping_fee: o.shippingFee,
            address_shipping: { first_name: o.buyerName, phone: o.buyerPhone },
          }));
          // Documented: `count` is the size of this page, `countTotal` the whole result.
          return ok({ count: page.length, countTotal: matching.length, orders: page });
        }
        case "GET /orders/items/get": {
          const ids = new Set((JSON.parse(q.get("order_ids") ?? "[]") as number[]).map(String));
          const out = shop.orders
            .filter((o) => ids.has(o.id))
            .map((o) => ({
              order_id: Number(o.id),
              order_items: o.lines.flatMap((l) => Array.from({ length: l.quantity }, () => ({ sku: l.sku, product_id: Number(l.itemId), name: l.name, item_price: l.price }))),
            }));
          return ok(out);
        }
      }
      return err("InvalidApiPath", `no such API ${route}`, 404);
    });
  }

  return async function handle(incoming: IncomingMessage, res: ServerResponse): Promise<void> {
    const req = await readRequest(incoming);
    if (await admin(market, req, res)) return;
    if (req.path === "/oauth/authorize") {
      if (req.query.get("client_id") !== keys.appKey) return send(res, 400, "<p>client_id không hợp lệ</p>");
      return send(res, 200, consentPage("Lazada", "/__consent", { redirect: req.query.get("redirect_uri") ?? "", state: req.query.get("state") ?? "", default_shop: "200001" }));
    }
    if (req.path === "/__consent" && req.method === "POST") return grantConsent(req, res, market, { defaultId: "200001", namePrefix: "Gian hàng Lazada", echo: "state" });
    if (!req.path.startsWith("/rest/")) return reply(res, err("InvalidApiPath", "not found", 404));
    const path = req.path.slice("/rest".length);
    const fields = await formFields(req);
    if (!signatureOk(req, path, fields)) {
      market.stats.signatureErrors++;
      return reply(res, err("IncompleteSignature", "The request signature does not conform to lazada standards"));
    }
    if (path === "/auth/token/create") return reply(res, tokenReply(market.redeemCode(fields.code ?? req.query.get("code") ?? "")));
    if (path === "/auth/token/refresh") return reply(res, tokenReply(market.redeemRefresh(fields.refresh_token ?? req.query.get("refresh_token") ?? "")));
    const shop = market.shopForToken(req.query.get("access_token"));
    if (!shop) return reply(res, err("IllegalAccessToken", "The specified access token is invalid or expired"));
    await shopCall(req, res, shop, path, fields);
  };
}

export const lazada: SandboxDefinition<"lazada"> = {
  idBase: 4_000_000_000,
  handler: (market, env) => lazadaSandbox(market, { appKey: env.LAZADA_APP_KEY, appSecret: env.LAZADA_APP_SECRET }),
};
