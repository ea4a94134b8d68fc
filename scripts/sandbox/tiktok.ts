// TikTok Shop Partner API 202309 sandbox: checks app_key, the timestamp (seconds, 5 minutes),
// the wrapped HMAC-SHA256 sign (path + sorted query without sign/access_token + body unless
// multipart), the x-tts-access-token header and the shop cipher. New products are audited:
// PENDING for `reviewMs`, then ACTIVATE or FAILED with the reasons.
import { createHmac } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { categoryMapping, MARKETPLACES } from "#db/reference/marketplaces";
import { Market, type Item, type SandboxDefinition, type Shop } from "./core";
import { admin, consentPage, fresh, gate, grantConsent, jsonBody, readRequest, type Reply, reply, type Req, send } from "./http";

export type TikTokKeys = { appKey: string; appSecret: string; serviceId: string };

const CATEGORIES = new Set(Object.values(MARKETPLACES.tiktok.categories).map((m) => categoryMapping(m).id));
const ok = (data: unknown): Reply => ({ status: 200, body: { code: 0, message: "Success", data, request_id: "sbx" } });
const err = (code: number, message: string, status = 200): Reply => ({ status, body: { code, message, request_id: "sbx" } });
const refusals = { throttle: () => err(36009004, "Too many requests", 429), serverError: () => err(36009003, "Internal error", 500) };

const STATUS = { live: "ACTIVATE", in_review: "PENDING", rejected: "FAILED", delisted: "SELLER_DEACTIVATED" } as const;
const AUDIT: Record<string, string> = { prohibited: "Prohibited claims", category: "Invalid category", attribute: "Missing required attribute" };
const cipherOf = (shop: Shop) => `ROW_${shop.id}`;

type ProductBody = {
  title?: string;
  description?: string;
  category_id?: string;
  brand_name?: string;
  main_images?: { uri: string }[];
  package_weight?: { value: string };
  product_attributes?: { name: string; values: { name: string }[] }[];
  skus?: { seller_sku: string; price: { amount: string }; inventory: { quantity: number }[] }[];
};

/** TikTok Shop's documented sign: path + sorted query (without sign, access_token) as name+value + body, wrapped in the secret; HMAC-SHA256, lowercase hex. */
export function tiktokSignature(path: string, query: Record<string, string>, body: string, appSecret: string): string {
  let s = path;
  for (const k of Object.keys(query).filter((k) => k !== "sign" && k !== "access_token").sort()) s += k + query[k];
  return createHmac("sha256", appSecret).update(appSecret + s + body + appSecret, "utf8").digest("hex");
}

export function tiktokSandbox(market: Market, keys: TikTokKeys) {
  market.defaultOrderStatus = "AWAITING_SHIPMENT";

  function signatureOk(req: Req): boolean {
    const q = Object.fromEntries(req.query);
    if (q.app_key !== keys.appKey || !fresh(q.timestamp ?? null)) return false;
    const body = !req.contentType.startsWith("multipart/form-data") && req.raw.length ? req.raw.toString("utf8") : "";
    return tiktokSignature(req.path, q, body, keys.appSecret) === q.sign;
  }

  function tokenReply(t: { accessToken: string; refreshToken: string; expiresIn: number; shopId: string } | null): Reply {
    if (!t) return err(105003, "Invalid auth code or refresh token");
    const now = Math.floor(Date.now() / 1000);
    return ok({ access_token: t.accessToken, access_token_expire_in: now + t.expiresIn, refresh_token: t.refreshToken, refresh_token_expire_in: now + 30 * 86400, open_id: t.shopId, seller_name: market.shop(t.shopId).name, seller_base_region: "VN", user_type: 0 });
  }

  const view = (i: Item) => ({
    id: i.id,
    status: STATUS[i.status],
    title: i.name,
    skus: [{ id: i.skuId, seller_sku: i.sku, price: { amount: String(i.price), currency: "VND" }, inventory: [{ quantity: i.stock }] }],
    audit_failed_reasons: i.status === "rejected" ? [{ position: "product", reasons: [`${AUDIT[i.rejectCode ?? ""] ?? "Policy violation"}: ${i.rejectReason ?? ""}`] }] : [],
  });

  async function shopCall(req: Req, res: ServerResponse, shop: Shop) {
    const route = `${req.method} ${req.path}`;
    const body = jsonBody<Record<string, unknown>>(req) ?? {};
    const productMatch = /^\/product\/202309\/products\/(\d+)(\/[a-z_/]+)?$/.exec(req.path);
    await gate(market, res, shop.id, refusals, (): Reply => {
      market.settleReviews(shop, CATEGORIES);
      if (route === "GET /authorization/202309/shops") return ok({ shops: [{ id: shop.id, name: shop.name, region: "VN", cipher: cipherOf(shop), code: `VN${shop.id}` }] });
      if (route === "GET /logistics/202309/warehouses") return ok({ warehouses: [{ id: `WH${shop.id}`, name: "Kho chính", is_default: true, type: "SALES_WAREHOUSE" }] });
      if (route === "POST /product/202309/images/upload") return ok({ uri: `tos-alisg-i-${market.newId()}`, url: "https://p16-oec-va.ibyteimg.com/x.jpg", width: 800, height: 800 });
      if (route === "POST /product/202309/products") {
        const p = body as ProductBody;
        const sku = p.skus?.[0];
        if (!sku || !p.main_images?.length) return err(12019004, "main_images and skus are required", 400);
        const id = market.newId();
        const now = Date.now();
        const attributes: Record<string, string> = { brand: p.brand_name ?? "" };
        for (const a of p.product_attributes ?? []) attributes[a.name] = a.values[0]?.name ?? "";
        shop.items[id] = {
          id,
          skuId: market.newId(),
          sku: sku.seller_sku,
          name: p.title ?? "",
          description: p.description ?? "",
          categoryId: String(p.category_id ?? ""),
          attributes,
          price: Number(sku.price.amount),
          stock: Number(sku.inventory[0]?.quantity ?? 0),
          images: p.main_images.map((m) => m.uri),
          weightKg: Number(p.package_weight?.value ?? 0),
          status: "in_review",
          reviewAt: now + market.options.reviewMs,
          createdAt: now,
          updatedAt: now,
        } satisfies Item;
        market.changed();
        return ok({ product_id: id, skus: [{ id: shop.items[id]!.skuId, seller_sku: sku.seller_sku }] });
      }
      if (route === "POST /product/202309/products/search") {
        const skus = (body.seller_skus as string[] | undefined) ?? [];
        const found = Object.values(shop.items).filter((i) => skus.includes(i.sku));
        return ok({ products: found.map(view), total_count: found.length });
      }
      if (route === "POST /product/202309/products/deactivate") {
        for (const id of (body.product_ids as string[] | undefined) ?? []) if (shop.items[id]) shop.items[id]!.status = "delisted";
        market.changed();
        return ok({ errors: [] });
      }
      if (productMatch) {
        const item = shop.items[productMatch[1]!];
        if (!item) return err(12052048, "product not found", 404);
        const action = productMatch[2] ?? "";
        if (req.method === "GET" && action === "") return ok(view(item));
        if (action === "/prices/update" || action === "/inventory/update") {
          if (Math.random() < market.options.faults.partial) return err(36009001, "Some SKUs failed to update, retry");
          const s = (body.skus as { id: string; price?: { amount: string }; inventory?: { quantity: number }[] }[] | undefined)?.[0];
          if (!s || s.id !== item.skuId) return err(12052048, "sku not found", 404);
          if (s.price) item.price = Number(s.price.amount);
          if (s.inventory) item.stock = Number(s.inventory[0]?.quantity ?? item.stock);
          item.updatedAt = Date.now();
          market.changed();
          return ok({});
        }
        if (action === "/partial_edit") {
          item.name = String(body.title ?? item.name);
          item.description = String(body.description ?? item.description);
          if (item.status === "rejected" || item.status === "in_review") {
            item.status = "in_review";
            item.reviewAt = Date.now() + market.options.reviewMs;
          }
          item.updatedAt = Date.now();
          market.changed();
          return ok({ product_id: item.id });
        }
      }
      if (route === "POST /order/202309/orders/search") {
        const from = Number(body.update_time_ge ?? 0) * 1000;
        const to = Number(body.update_time_lt ?? Infinity) * 1000;
        const size = Math.min(100, Number(req.query.get("page_size") ?? 20));
        const start = Number(req.query.get("page_token") || 0);
        const matching = shop.orders.filter((o) => o.updatedAt >= from && o.updatedAt < to).sort((a, b) => a.updatedAt - b.updatedAt);
        const orders = matching.slice(start, start + size).map((o) => ({
          id: o.id,
          status: o.status,
          create_time: Math.floor(o.createdAt / 1000),
          update_time: Math.floor(o.updatedAt / 1000),
          is_cod: o.cod,
          payment_method_name: o.cod ? "Cash on delivery" : "TikTok Shop Pay",
          payment: { currency: "VND", shipping_fee: String(o.shippingFee), total_amount: String(o.lines.reduce((s, l) => s + l.price * l.quantity, 0) + o.shippingFee) },
          recipient_address: { name: o.buyerName, phone_number: o.buyerPhone },
          line_items: o.lines.flatMap((l) => Array.from({ length: l.quantity }, () => ({ seller_sku: l.sku, product_id: l.itemId, product_name: l.name, sale_price: String(l.price) }))),
        }));
        return ok({ orders, total_count: matching.length, next_page_token: start + size < matching.length ? String(start + size) : "" });
      }
      return err(36009404, `no such API ${route}`, 404);
    });
  }

  return async function handle(incoming: IncomingMessage, res: ServerResponse): Promise<void> {
    const req = await readRequest(incoming);
    if (await admin(market, req, res)) return;
    if (req.path === "/open/authorize") {
      if (req.query.get("service_id") !== keys.serviceId) return send(res, 400, "<p>service_id không hợp lệ</p>");
      return send(res, 200, consentPage("TikTok Shop", "/__consent", { redirect: req.query.get("redirect_uri") ?? "", state: req.query.get("state") ?? "", default_shop: "7494000001" }));
    }
    if (req.path === "/__consent" && req.method === "POST") return grantConsent(req, res, market, { defaultId: "7494000001", namePrefix: "Gian hàng TikTok", echo: "state" });
    // Two documented endpoints: token/get takes an auth_code (grant_type=authorized_code), token/refresh a
    // refresh_token (grant_type=refresh_token); neither accepts the other's grant.
    if (req.path === "/api/v2/token/get" || req.path === "/api/v2/token/refresh") {
      const q = req.query;
      if (q.get("app_key") !== keys.appKey || q.get("app_secret") !== keys.appSecret) return reply(res, err(106002, "invalid app_key or app_secret"));
      if (req.path === "/api/v2/token/get") {
        if (q.get("grant_type") !== "authorized_code") return reply(res, err(36004004, "grant_type must be authorized_code"));
        return reply(res, tokenReply(market.redeemCode(q.get("auth_code") ?? "")));
      }
      if (q.get("grant_type") !== "refresh_token") return reply(res, err(36004004, "grant_type must be refresh_token"));
      return reply(res, tokenReply(market.redeemRefresh(q.get("refresh_token") ?? "")));
    }
    if (!signatureOk(req)) {
      market.stats.signatureErrors++;
      return reply(res, err(106001, "Invalid signature or timestamp", 401));
    }
    const shop = market.shopForToken(String(req.headers["x-tts-access-token"] ?? ""));
    if (!shop) return reply(res, err(105002, "Access token is expired", 401));
    const needsCipher = !["/authorization/202309/shops", "/product/202309/images/upload"].includes(req.path);
    if (needsCipher && req.query.get("shop_cipher") !== cipherOf(shop)) return reply(res, err(106004, "Invalid shop_cipher"));
    await shopCall(req, res, shop);
  };
}

export const tiktok: SandboxDefinition<"tiktok"> = {
  idBase: 1_730_000_000_000_000,
  handler: (market, env) => tiktokSandbox(market, { appKey: env.TIKTOK_APP_KEY, appSecret: env.TIKTOK_APP_SECRET, serviceId: env.TIKTOK_SERVICE_ID }),
};
