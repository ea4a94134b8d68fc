// Tiki Open API: documented answers of the endpoints the adapter calls. The documentation's source is
// public: github.com/chuyencungcap/open-api-docs (the Slate source of Tiki's Open API documentation,
// commit e4c813a64bdca48a5f1e8b7351cc77f1a0ec25ee); its examples are for `{version}` = v1, the adapter
// calls v2 / v2.1 of the same endpoints. Order listing v2 (code, invoice, items[].product) has no public
// sample here: that one is written from the adapter's reading of open.tiki.vn and marked unverified; its
// date format is the documented one.
import type { Example } from "../contract";

const DOCS = (file: string, section: string) => `Tiki Open API documentation, ${section} (github.com/chuyencungcap/open-api-docs ${file})`;

export const TIKI_EXAMPLES: Example[] = [
  {
    endpoint: "POST /sc/oauth2/token",
    source: DOCS("source/includes/_api_guides_oauth2.md", "OAuth2 — exchange the authorization code"),
    response: {
      access_token: "4wx_Zpe_VVkZ2oka8pFSeeRt8C_sJNIucA7oIDcsl5g.8IPUATsK2TcxmOPE4zF5OasGJerD8BEIQ...",
      expires_in: 3600,
      id_token: "eyJhbGciOiJSUzI1NiIsImtpZCI6InB1YmxpYzpkMzJjNjIxOC00NWIwLTQ1MWQtOTRlNS1lOWFkNz...",
      refresh_token: "IJGpF1yHr35VeKuqB81jBKOmacbgYfEjOLgHWl6q0qw.MK_3Rxo_OJWPRZ0S_Q2zGzJuxFu2vIHUE...",
      scope: "offline all",
      token_type: "bearer",
    },
  },
  {
    endpoint: "GET /integration/v2/sellers/me",
    source: DOCS("source/includes/v1/_api_documents_seller.md", "Get seller information"),
    note: "The documented seller has `sid` (no numeric id).",
    response: { sid: "11047E39EC3D534013C587D207584D454B01C65", name: "Sushi shop", logo: "http://uat.tikicdn.com/ts/seller/8e/25/1b/ac9d0bd1f30f721d198ad37a519ffb9a.png", active: 1, can_update_product: 1, registration_status: "completed" },
  },
  {
    endpoint: "POST /integration/v2.1/requests",
    source: DOCS("source/includes/v1/_api_documents_product.md", "Create Product Request"),
    response: { track_id: "c3587ec50976497f837461e0c2ea3da5", state: "queuing" },
  },
  {
    endpoint: "GET /integration/v2/tracking/{track_id}",
    source: DOCS("source/includes/v1/_api_documents_product.md", "Tracking a product request"),
    note: "No product id in the answer: an approved request's product is found by products/findBy?original_sku.",
    response: { track_id: "4cd90cf9294047c9984c1a7f6a1c67de", request_id: "1121447935453136060", state: "approved", reason: "" },
    errorExample: {
      track_id: "8c526ef8f8504f30ad330682d07a10a7",
      state: "rejected",
      reason:
        '{"errors":[{"code":420,"data":null,"description":"Product code B0055QD0EC2 is not unique","msg":"Mã seller product không duy nhất","msg_eng":"Seller product code is not unique"}],"message":"Mã seller product không duy nhất","trace_id":null}',
      request_id: "1121456196340384958",
    },
  },
  {
    endpoint: "GET /integration/v2/products/findBy",
    source: DOCS("source/includes/v1/_api_documents_product.md", "Get a product by original sku (GET /integration/{version}/products/findBy?original_sku=…)"),
    requestQuery: "original_sku=YOUR_ORIGINAL_SKU_123",
    response: {
      data: [
        {
          sku: "4833677185901",
          master_sku: "2629421073875",
          master_id: 2088335,
          super_sku: "",
          super_id: 0,
          name: "test product name",
          entity_type: "seller_simple",
          type: "simple",
          price: 20000,
          created_at: "2019-12-09 15:25:36",
          created_by: "admin@tiki.vn",
          product_id: 2088336,
          original_sku: "YOUR_ORIGINAL_SKU_123",
          market_price: 20000,
          version: 5,
        },
      ],
      paging: { total: 1, current_page: 1, from: 0, to: 20, per_page: 20, last_page: 1 },
    },
  },
  {
    endpoint: "POST /integration/v2/products/updateSku",
    source: DOCS("source/includes/v1/_api_documents_product.md", "Update variant price/quantity/active"),
    requestBody: { original_sku: "xxx-yyy-123", product_id: 2166152, price: 100000, quantity: 20, active: 1 },
    response: { state: "approved" },
  },
  {
    endpoint: "POST /integration/v2.1/requests/updateProductInfo",
    source: "Tiki Open API v2.1 reference (open.tiki.vn, update product info): no public sample found",
    note: "Unverified: written as the adapter reads it (a request state).",
    response: { state: "approved" },
  },
  {
    endpoint: "GET /integration/v2/products/{product_id}",
    source: DOCS("source/includes/v1/_api_documents_product.md", "Get a product"),
    response: { product_id: 2161924, sku: "3784172855527", name: "Instock SKU", active: 1, original_sku: "AB078AVD", price: 200000, market_price: 250000, created_at: "2019-04-11 10:50:53" },
  },
  {
    endpoint: "GET /integration/v2/orders",
    source:
      "Dates and paging: " +
      DOCS("source/includes/v1/_api_documents_order.md", "API get list orders (updated_from_date 2019-07-22 15:00:00; updated_at 2019-10-30 17:27:24; paging.last_page)") +
      ". The v2 order fields (code, invoice, items[].product.seller_product_code) have no public sample here: unverified.",
    requestQuery: "updated_from_date=2019-07-22 15:00:00&updated_to_date=2019-08-22 15:00:00&page=1&limit=20",
    response: {
      data: [
        {
          code: "929231617",
          status: "queueing",
          created_at: "2019-10-30 17:27:17",
          updated_at: "2019-10-30 17:27:24",
          payment: { method: "cod" },
          invoice: { shipping_amount: 15000, grand_total: 215000 },
          shipping: { address: { full_name: "hậu nguyễn", phone: "0901234567" } },
          items: [{ product: { id: 2050232, name: "Cơm gà - dropship -hn4", seller_product_code: "OCOP-1" }, invoice: { price: 200000, quantity: 1 } }],
        },
      ],
      paging: { total: 1, per_page: 20, current_page: 1, last_page: 1, from: 1, to: 1 },
    },
  },
];
