// The adapters against the marketplaces' documented answers (tests/contracts/): each documented example
// fits its endpoint's schema, and each adapter reads the documented shapes and sends the documented
// requests. Written from the providers' documents, not from our sandboxes.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lazada } from "~/marketplaces/lazada.server";
import { shopee } from "~/marketplaces/shopee.server";
import { tiki } from "~/marketplaces/tiki.server";
import { tiktok } from "~/marketplaces/tiktok.server";
import type { HttpClient, HttpRequest, ListingSnapshot, ShopContext } from "~/marketplaces/types";
import { CONTRACTS, EXAMPLES, contract, example, type ContractCode } from "../contracts";
import { addItemRequest } from "../contracts/shopee/schemas";
import { tikiDate } from "../contracts/tiki/schemas";

/** An HTTP client answering each path with a documented example; it keeps what was sent. */
function documented(code: ContractCode, answers: Record<string, unknown>) {
  const sent: HttpRequest[] = [];
  const http: HttpClient = async (request) => {
    sent.push(request);
    const url = new URL(request.url);
    const path = url.pathname.replace(/^\/rest(?=\/)/, "");
    const key = Object.keys(answers).find((k) => k === path || (k.endsWith("*") && path.startsWith(k.slice(0, -1))));
    if (!key) throw new Error(`${code}: no documented answer for ${request.method} ${path}`);
    return { status: 200, headers: new Headers(), text: JSON.stringify(answers[key]) };
  };
  return { http, sent, ctx: (credentials: ShopContext["credentials"] = { accessToken: "token", shopCipher: "cipher", warehouseId: "7000714532876273410" }): ShopContext => ({ shopId: "322300222", credentials, http }) };
}

const response = (code: ContractCode, endpoint: string) => example(code, endpoint).response;

describe("documented examples", () => {
  for (const code of Object.keys(CONTRACTS) as ContractCode[]) {
    it(`${code}: every endpoint the adapter calls has a documented example that fits its schema`, () => {
      for (const c of CONTRACTS[code]) {
        const endpoint = EXAMPLES[code].find((e) => {
          const [method, path] = e.endpoint.split(" ");
          return method === c.method && (typeof c.path === "string" ? c.path === path : c.path.test(path!.replace(/\{[a-z_]+\}/g, "1234")));
        });
        expect(endpoint, `${code} ${c.method} ${String(c.path)}`).toBeDefined();
        expect(endpoint!.source.length).toBeGreaterThan(20);
        const parsed = c.response.safeParse(endpoint!.response);
        expect(parsed.error?.issues ?? [], `${code} ${endpoint!.endpoint}`).toEqual([]);
        if (endpoint!.errorExample !== undefined) expect(c.response.safeParse(endpoint!.errorExample).success, `${endpoint!.endpoint} error`).toBe(true);
        if (c.request && endpoint!.requestBody !== undefined) expect(c.request.safeParse(endpoint!.requestBody).error?.issues ?? []).toEqual([]);
      }
    });
  }
});

// One tiny JPEG for every listing of this file, in a folder removed at the end.
const photoDir = mkdtempSync(join(tmpdir(), "contract-"));
const photoFile = join(photoDir, "p.jpg");
writeFileSync(photoFile, Buffer.from([0xff, 0xd8, 0xff, 0xd9]));
afterAll(() => rmSync(photoDir, { recursive: true, force: true }));

const listing = (): ListingSnapshot => ({
  productId: 1,
  sellerSku: "OCOP-1",
  name: "Mật ong rừng U Minh",
  description: "Mật ong nguyên chất",
  price: 150000,
  stock: 10,
  weightGrams: 500,
  category: { externalId: "100703", name: "Mật ong", attributes: { brand: "No brand", origin_100037: "Việt Nam", volume_100999: "12:500 ml" } },
  images: [{ file: photoFile, url: "https://example.vn/p.jpg" }],
  ocopStars: 4,
  producerName: "HTX",
});

describe("Shopee against its API reference", () => {
  it("connects a shop from get_shop_info's top-level fields, its authorisation end capping the refresh token", async () => {
    const { http } = documented("shopee", {
      "/api/v2/auth/token/get": response("shopee", "POST /api/v2/auth/token/get"),
      "/api/v2/shop/get_shop_info": response("shopee", "GET /api/v2/shop/get_shop_info"),
    });
    const shop = await shopee.exchangeCode(http, new URLSearchParams({ code: "c", shop_id: "322300222" }), "https://app/cb");
    expect(shop.shopName).toBe("mysipuat");
    expect(Date.parse(shop.credentials.refreshExpiresAt!)).toBeLessThanOrEqual(1773503999 * 1000);
  });

  it("finds a lost create's item in search_item's item_id_list", async () => {
    const { ctx, sent } = documented("shopee", { "/api/v2/product/search_item": response("shopee", "GET /api/v2/product/search_item") });
    const found = await shopee.findBySku(ctx(), "OCOP-1");
    expect(found).toMatchObject({ status: "live", externalId: "653211" });
    expect(new URL(sent[0]!.url).searchParams.get("item_sku")).toBe("OCOP-1");
  });

  it("sends add_item's attributes by attribute_id and value_id, as documented", async () => {
    const { ctx, sent } = documented("shopee", {
      "/api/v2/media_space/upload_image": response("shopee", "POST /api/v2/media_space/upload_image"),
      "/api/v2/product/add_item": response("shopee", "POST /api/v2/product/add_item"),
    });
    const created = await shopee.create(ctx(), listing());
    expect(created).toMatchObject({ status: "live", externalId: "3000142341" });
    const body = JSON.parse(sent.find((r) => r.url.includes("/add_item"))!.body as string) as Record<string, unknown>;
    expect(addItemRequest.safeParse(body).error?.issues ?? []).toEqual([]);
    expect(body.attribute_list).toEqual([
      { attribute_id: 100037, attribute_value_list: [{ value_id: 0, original_value_name: "Việt Nam" }] },
      { attribute_id: 100999, attribute_value_list: [{ value_id: 12, original_value_name: "500 ml" }] },
    ]);
  });

  it("refuses to send an attribute the category mapping gives no id (a person must fix the mapping)", async () => {
    const { ctx } = documented("shopee", {
      "/api/v2/media_space/upload_image": response("shopee", "POST /api/v2/media_space/upload_image"),
      "/api/v2/product/add_item": response("shopee", "POST /api/v2/product/add_item"),
    });
    const l = listing();
    l.category!.attributes = { brand: "No brand", origin: "Việt Nam" };
    await expect(shopee.create(ctx(), l)).rejects.toMatchObject({ kind: "misconfigured" });
  });
});

describe("TikTok Shop against its documents", () => {
  it("refreshes at /api/v2/token/refresh with grant_type=refresh_token, expiries read as timestamps", async () => {
    const { http, sent } = documented("tiktok", { "/api/v2/token/refresh": response("tiktok", "GET /api/v2/token/refresh") });
    const fresh = await tiktok.refresh(http, { shopId: "1", credentials: { accessToken: "old", refreshToken: "r", shopCipher: "c", warehouseId: "w" } });
    const url = new URL(sent[0]!.url);
    expect(url.pathname).toBe("/api/v2/token/refresh");
    expect(url.searchParams.get("grant_type")).toBe("refresh_token");
    expect(fresh).toMatchObject({ accessExpiresAt: new Date(1722342011_000).toISOString(), refreshExpiresAt: new Date(4841467787_000).toISOString(), shopCipher: "c", warehouseId: "w" });
  });
});

describe("Lazada against its documents", () => {
  it("pages /orders/get on countTotal (count is the page's size) and reads its dates with their offset", async () => {
    const { ctx } = documented("lazada", {
      "/orders/get": response("lazada", "GET /orders/get"),
      "/orders/items/get": response("lazada", "GET /orders/items/get"),
    });
    const page = await lazada.listOrders(ctx(), { from: new Date("2014-10-01T00:00:00Z"), to: new Date("2014-10-20T00:00:00Z") }, null);
    expect(page.next).toBe("2");
    expect(page.orders.map((o) => o.placedAt)).toEqual(["2014-10-11T12:00:21.000Z", "2014-10-12T01:00:00.000Z"]);
  });
});

describe("Tiki against its documentation", () => {
  it("asks for orders with yyyy-MM-dd HH:mm:ss in Vietnam time and reads their dates as Vietnam time", async () => {
    const { ctx, sent } = documented("tiki", { "/integration/v2/orders": response("tiki", "GET /integration/v2/orders") });
    const page = await tiki.listOrders(ctx(), { from: new Date("2019-10-30T08:00:00.000Z"), to: new Date("2019-10-30T10:59:59.500Z") }, null);
    const q = new URL(sent[0]!.url).searchParams;
    expect(q.get("updated_from_date")).toBe("2019-10-30 15:00:00");
    expect(q.get("updated_to_date")).toBe("2019-10-30 18:00:00");
    expect(tikiDate.safeParse(q.get("updated_from_date")).success).toBe(true);
    expect(page.orders[0]).toMatchObject({ placedAt: "2019-10-30T10:27:17.000Z", updatedAt: "2019-10-30T10:27:24.000Z" });
  });

  it("finds a product by seller SKU through products/findBy", async () => {
    const { ctx, sent } = documented("tiki", { "/integration/v2/products/findBy": response("tiki", "GET /integration/v2/products/findBy") });
    const found = await tiki.findBySku(ctx(), "YOUR_ORIGINAL_SKU_123");
    expect(found).toMatchObject({ status: "live", externalId: "2088336" });
    expect(new URL(sent[0]!.url).searchParams.get("original_sku")).toBe("YOUR_ORIGINAL_SKU_123");
  });

  it("takes an approved request's product from findBy (tracking names none), and adopts the first request's product when Tiki says the SKU is not unique", async () => {
    const tracking = example("tiki", "GET /integration/v2/tracking/{track_id}");
    const findBy = response("tiki", "GET /integration/v2/products/findBy");
    const approved = documented("tiki", { "/integration/v2/tracking/*": tracking.response, "/integration/v2/products/findBy": findBy });
    expect(await tiki.reviewStatus(approved.ctx(), "4cd90cf9294047c9984c1a7f6a1c67de", "YOUR_ORIGINAL_SKU_123")).toMatchObject({ status: "live", externalId: "2088336" });
    const duplicate = documented("tiki", { "/integration/v2/tracking/*": tracking.errorExample, "/integration/v2/products/findBy": findBy });
    expect(await tiki.reviewStatus(duplicate.ctx(), "8c526ef8f8504f30ad330682d07a10a7", "YOUR_ORIGINAL_SKU_123")).toMatchObject({ status: "live", externalId: "2088336" });
    // Not approved yet: a "not unique" refusal waits for the first request, it does not refuse the product.
    const none = { data: [], paging: { total: 0, current_page: 1, from: 0, to: 0, per_page: 20, last_page: 1 } };
    const waiting = documented("tiki", { "/integration/v2/tracking/*": tracking.errorExample, "/integration/v2/products/findBy": none });
    expect(await tiki.reviewStatus(waiting.ctx(), "8c526ef8f8504f30ad330682d07a10a7", "YOUR_ORIGINAL_SKU_123")).toEqual({ status: "in_review" });
  });

  it("connects with the documented seller, which has a sid", async () => {
    const { http } = documented("tiki", { "/sc/oauth2/token": response("tiki", "POST /sc/oauth2/token"), "/integration/v2/sellers/me": response("tiki", "GET /integration/v2/sellers/me") });
    const shop = await tiki.exchangeCode(http, new URLSearchParams({ code: "c" }), "https://app/cb");
    expect(shop).toMatchObject({ shopId: "11047E39EC3D534013C587D207584D454B01C65", shopName: "Sushi shop" });
  });
});

describe("the contract registry", () => {
  it("names the contract of a call by method and path, Lazada's /rest prefix aside", () => {
    expect(contract("lazada", "GET", "/rest/orders/get")?.path).toBe("/orders/get");
    expect(contract("tiktok", "GET", "/product/202309/products/1729592969712207008")).toBeDefined();
    expect(contract("shopee", "GET", "/api/v2/product/search_item")).toBeDefined();
    expect(contract("shopee", "GET", "/api/v2/unknown")).toBeUndefined();
  });
});
