// Lazada Open Platform: documented answers of the endpoints the adapter calls. Where each comes from is
// on each entry. The API reference pages (open.lazada.com/apps/doc/api?path=…) render their samples with
// JavaScript and no copy of them was found in public repositories here, so most samples below are
// written from those pages' parameter tables and marked so; they are not verbatim copies.
import type { Example } from "../contract";

const REFERENCE = (path: string) => `Lazada Open Platform API reference, https://open.lazada.com/apps/doc/api?path=${encodeURIComponent(path)}`;
const FROM_TABLE = "Written from the reference page's response parameter table (the page's own sample could not be retrieved here): unverified verbatim.";

export const LAZADA_EXAMPLES: Example[] = [
  {
    endpoint: "POST /auth/token/create",
    source: "Lazada Open Platform, 'Seller authorization introduction' page (open.lazada.com/apps/doc), step 2 sample response",
    note: "As remembered from the page (not retrievable here): fields and types match the GenerateAccessToken reference; values are the page's placeholders.",
    requestBody: { code: "0_100132_2DL4DV3jcU1UOT7WGI1A4rY91" },
    response: {
      access_token: "50000601c30atpedfgu3LVvik87Ixlsvle3mSoB7701ceb156fPunYZ43GBg",
      country: "sg",
      refresh_token: "500016000300bwa2WteaQyfwBMnPxurcA0mXGhQdTt18356663CfcDTYpWoi",
      account_platform: "seller_center",
      refresh_expires_in: 60,
      country_user_info: [{ country: "sg", user_id: "100058023", seller_id: "100013216", short_code: "SG10VQW" }],
      expires_in: 10,
      account: "xxx@126.com",
      code: "0",
      request_id: "0ba2887315178178017221014",
    },
  },
  {
    endpoint: "POST /auth/token/refresh",
    source: REFERENCE("/auth/token/refresh"),
    note: "Same answer as /auth/token/create (the reference lists the same response parameters).",
    requestBody: { refresh_token: "500016000300bwa2WteaQyfwBMnPxurcA0mXGhQdTt18356663CfcDTYpWoi" },
    response: {
      access_token: "50000601c30atpedfgu3LVvik87Ixlsvle3mSoB7701ceb156fPunYZ43GBg",
      refresh_token: "500016000300bwa2WteaQyfwBMnPxurcA0mXGhQdTt18356663CfcDTYpWoi",
      expires_in: 604800,
      refresh_expires_in: 2592000,
      country: "vn",
      account: "xxx@126.com",
      country_user_info: [{ country: "vn", user_id: "100058023", seller_id: "100013216", short_code: "VN10VQW" }],
      code: "0",
      request_id: "0ba2887315178178017221014",
    },
  },
  {
    endpoint: "GET /seller/get",
    source: REFERENCE("/seller/get"),
    note: FROM_TABLE,
    response: { data: { name: "Cửa hàng mẫu", seller_id: 100013216, short_code: "VN10VQW", email: "xxx@126.com", location: "Hà Nội" }, code: "0", request_id: "0ba2887315178178017221014" },
  },
  {
    endpoint: "POST /image/upload",
    source: REFERENCE("/image/upload"),
    note: FROM_TABLE,
    response: { data: { image: { hash_code: "f1b7c5b1f3f6c4e0", url: "https://vn-live.slatic.net/p/2/f1b7c5b1f3f6c4e0.jpg" } }, code: "0", request_id: "0ba2887315178178017221014" },
  },
  {
    endpoint: "POST /product/create",
    source: REFERENCE("/product/create"),
    note: FROM_TABLE,
    response: { data: { item_id: 1234567890, sku_list: [{ shop_sku: "1234567890_VNAMZ-9876543210", seller_sku: "OCOP-1", sku_id: 9876543210 }] }, code: "0", request_id: "0ba2887315178178017221014" },
  },
  {
    endpoint: "GET /products/get",
    source: REFERENCE("/products/get"),
    note: FROM_TABLE,
    response: {
      data: { total_products: 1, products: [{ item_id: 1234567890, status: "Active", skus: [{ SellerSku: "OCOP-1", SkuId: 9876543210, quantity: 10, price: 150000 }], attributes: { name: "Mật ong" } }] },
      code: "0",
      request_id: "0ba2887315178178017221014",
    },
  },
  {
    endpoint: "POST /product/price_quantity/update",
    source: REFERENCE("/product/price_quantity/update"),
    note: `${FROM_TABLE} A partly failed batch answers code 501 with one detail per failed SKU.`,
    response: { code: "0", request_id: "0ba2887315178178017221014" },
    errorExample: { code: "501", type: "ISV", message: "Partial success", detail: [{ field: "", message: "System busy", seller_sku: "OCOP-1" }], request_id: "0ba2887315178178017221014" },
  },
  { endpoint: "POST /product/update", source: REFERENCE("/product/update"), note: FROM_TABLE, response: { code: "0", request_id: "0ba2887315178178017221014" } },
  { endpoint: "POST /product/deactivate", source: REFERENCE("/product/deactivate"), note: FROM_TABLE, response: { code: "0", request_id: "0ba2887315178178017221014" } },
  {
    endpoint: "GET /product/item/get",
    source: REFERENCE("/product/item/get"),
    note: FROM_TABLE,
    response: { data: { item_id: 1234567890, status: "Active", skus: [{ SellerSku: "OCOP-1", price: 150000, quantity: 10 }] }, code: "0", request_id: "0ba2887315178178017221014" },
  },
  {
    endpoint: "GET /orders/get",
    source:
      "Lazada Open Platform, Get Order tutorial (https://open.alitrip.com/docs/doc.htm?articleId=121327&docType=1&treeId=499, the Open Platform's documentation mirror): \"You can use the countTotal field to determine how many orders there were in total during the time period you requested\"; offset/limit paging, limit at most 100. Order fields and the time format from " +
      REFERENCE("/orders/get"),
    note: `${FROM_TABLE} count is the size of the page, countTotal the whole window (here 2 of 3).`,
    requestQuery: "update_after=2017-02-10T09:00:00+08:00&sort_by=updated_at&sort_direction=ASC&offset=0&limit=2",
    response: {
      data: {
        count: 2,
        countTotal: 3,
        orders: [
          {
            order_id: 16090,
            order_number: 300034416,
            created_at: "2014-10-11 20:00:21 +0800",
            updated_at: "2014-10-15 18:36:05 +0800",
            statuses: ["pending"],
            payment_method: "COD",
            price: "99.00",
            shipping_fee: 0,
            items_count: 1,
            address_shipping: { first_name: "Ronald", phone: "0901234567", city: "Hà Nội" },
          },
          {
            order_id: 16091,
            order_number: 300034417,
            created_at: "2014-10-12 09:00:00 +0800",
            updated_at: "2014-10-15 19:00:00 +0800",
            statuses: ["delivered"],
            payment_method: "MIXEDCARD",
            price: "150.00",
            shipping_fee: 15,
            items_count: 1,
            address_shipping: { first_name: "Lan", phone: "0907654321", city: "Huế" },
          },
        ],
      },
      code: "0",
      request_id: "0ba2887315178178017221014",
    },
  },
  {
    endpoint: "GET /orders/items/get",
    source: REFERENCE("/orders/items/get"),
    note: `${FROM_TABLE} One order item per unit bought.`,
    response: {
      data: [
        { order_id: 16090, order_number: 300034416, order_items: [{ order_item_id: 1, sku: "OCOP-1", product_id: 1234567890, name: "Mật ong", item_price: 99, status: "pending" }] },
        { order_id: 16091, order_number: 300034417, order_items: [{ order_item_id: 2, sku: "OCOP-2", product_id: 1234567891, name: "Trà", item_price: 150, status: "delivered" }] },
      ],
      code: "0",
      request_id: "0ba2887315178178017221014",
    },
  },
];
