// TikTok Shop Partner API (version 202309): documented answers of the endpoints the adapter calls.
// Token endpoints: paths and parameters as in the widely used PHP SDK EcomPHP/tiktokshop-php
// (src/Auth.php getToken/refreshNewToken, tests/AuthTest.php, commit dbbec213d9d118c443576d613571993090a843a5),
// which follows the Partner Center page "Authorization overview":
// GET auth.tiktok-shops.com/api/v2/token/get (grant_type=authorized_code) and /api/v2/token/refresh
// (grant_type=refresh_token). The token answer is TikTok's documented sample as reproduced on
// example-code.com/tcl/tiktok_shop_refresh_access_token.asp. The 202309 product and order shapes: field
// names from the official TikTok Shop Node.js SDK's generated models (Product202309SearchProductsResponseData…,
// Product202309GetProductResponseData with audit_failed_reasons, found vendored in public repositories);
// the Partner Center reference pages render their samples with JavaScript and no copy was found, so the
// values below are written from those models and marked so.
import type { Example } from "../contract";

const SDK = "Field names from the official TikTok Shop Node.js SDK models (generated from the Partner API 202309 reference); values written here: unverified verbatim.";
const REFERENCE = (name: string) => `TikTok Shop Partner API reference, ${name} (202309)`;

const tokenData = {
  access_token: "GCP_3n......",
  access_token_expire_in: 1722342011,
  refresh_token: "GCP_hA......",
  refresh_token_expire_in: 4841467787,
  open_id: "_VIz.......",
  seller_name: "****",
  seller_base_region: "GB",
  user_type: 0,
  granted_scopes: ["seller.authorization.info", "seller.product.basic", "seller.order.info", "seller.shop.info", "seller.product.write"],
};

export const TIKTOK_EXAMPLES: Example[] = [
  {
    endpoint: "GET /api/v2/token/get",
    source: "EcomPHP/tiktokshop-php src/Auth.php getToken (query app_key, app_secret, auth_code, grant_type=authorized_code); answer: TikTok's documented sample",
    note: "Expiry fields are Unix timestamps (seconds), not durations.",
    requestQuery: "app_key=app_key&app_secret=app_secret&auth_code=auth_code&grant_type=authorized_code",
    response: { code: 0, message: "success", data: tokenData, request_id: "20240723......" },
  },
  {
    endpoint: "GET /api/v2/token/refresh",
    source: "EcomPHP/tiktokshop-php src/Auth.php refreshNewToken (GET /api/v2/token/refresh, query app_key, app_secret, refresh_token, grant_type=refresh_token; tests/AuthTest.php asserts the path); answer: TikTok's documented sample",
    requestQuery: "app_key=app_key&app_secret=app_secret&refresh_token=refresh_token&grant_type=refresh_token",
    response: { code: 0, message: "success", data: tokenData, request_id: "20240723......" },
    errorExample: { code: 36004004, message: "invalid refresh token", data: null, request_id: "20240723......" },
  },
  {
    endpoint: "GET /authorization/202309/shops",
    source: REFERENCE("Get Authorized Shops"),
    note: SDK,
    response: { code: 0, message: "Success", data: { shops: [{ id: "7494105515082810525", name: "SANDBOX7541698533691705110", region: "GB", code: "GBLCTXQHN6", cipher: "GCP_sz2-9AAAAAC5i0xXesBU5U8f6-b0Wd5_", seller_type: "LOCAL" }] }, request_id: "202203070749000101890810281E8C70B7" },
  },
  {
    endpoint: "GET /logistics/202309/warehouses",
    source: REFERENCE("Get Warehouse List"),
    note: SDK,
    response: { code: 0, message: "Success", data: { warehouses: [{ id: "7000714532876273410", name: "Kho chính", effect_status: "ENABLED", type: "SALES_WAREHOUSE", sub_type: "DOMESTIC_WAREHOUSE", is_default: true }] }, request_id: "202203070749000101890810281E8C70B7" },
  },
  {
    endpoint: "POST /product/202309/images/upload",
    source: REFERENCE("Upload Product Image"),
    note: SDK,
    response: { code: 0, message: "Success", data: { uri: "tos-maliva-i-o3syd03w52-us/c668cdf70b7f483c94dbe", url: "https://p16-oec-ttp.tiktokcdn-us.com/tos-maliva-i-o3syd03w52-us/c668cdf70b7f483c94dbe", width: 800, height: 800, use_case: "MAIN_IMAGE" }, request_id: "202203070749000101890810281E8C70B7" },
  },
  {
    endpoint: "POST /product/202309/products",
    source: REFERENCE("Create Product"),
    note: SDK,
    response: { code: 0, message: "Success", data: { product_id: "1729592969712207008", skus: [{ id: "1729592969712207012", seller_sku: "OCOP-1" }] }, request_id: "202203070749000101890810281E8C70B7" },
  },
  {
    endpoint: "POST /product/202309/products/search",
    source: REFERENCE("Search Products"),
    note: SDK,
    response: {
      code: 0,
      message: "Success",
      data: {
        total_count: 1,
        next_page_token: "",
        products: [{ id: "1729592969712207008", title: "Mật ong", status: "ACTIVATE", create_time: 1694072423, update_time: 1694072423, skus: [{ id: "1729592969712207012", seller_sku: "OCOP-1", price: { currency: "VND", tax_exclusive_price: "150000" }, inventory: [{ warehouse_id: "7000714532876273410", quantity: 10 }] }] }],
      },
      request_id: "202203070749000101890810281E8C70B7",
    },
  },
  {
    endpoint: "GET /product/202309/products/{product_id}",
    source: REFERENCE("Get Product"),
    note: SDK,
    response: {
      code: 0,
      message: "Success",
      data: {
        id: "1729592969712207008",
        title: "Mật ong",
        status: "FAILED",
        skus: [{ id: "1729592969712207012", seller_sku: "OCOP-1", price: { amount: "150000", currency: "VND" }, inventory: [{ warehouse_id: "7000714532876273410", quantity: 10 }] }],
        audit_failed_reasons: [{ position: "product", reasons: ["Prohibited claims"], suggestions: ["Remove the claim"] }],
      },
      request_id: "202203070749000101890810281E8C70B7",
    },
  },
  { endpoint: "POST /product/202309/products/{product_id}/prices/update", source: REFERENCE("Update Price"), note: SDK, response: { code: 0, message: "Success", data: {}, request_id: "202203070749000101890810281E8C70B7" } },
  { endpoint: "POST /product/202309/products/{product_id}/inventory/update", source: REFERENCE("Update Inventory"), note: SDK, response: { code: 0, message: "Success", data: {}, request_id: "202203070749000101890810281E8C70B7" } },
  {
    endpoint: "POST /product/202309/products/{product_id}/partial_edit",
    source: REFERENCE("Partial Edit Product"),
    note: SDK,
    response: { code: 0, message: "Success", data: { product_id: "1729592969712207008", skus: [{ id: "1729592969712207012", seller_sku: "OCOP-1" }] }, request_id: "202203070749000101890810281E8C70B7" },
  },
  { endpoint: "POST /product/202309/products/deactivate", source: REFERENCE("Deactivate Products"), note: SDK, response: { code: 0, message: "Success", data: { errors: [] }, request_id: "202203070749000101890810281E8C70B7" } },
  {
    endpoint: "POST /order/202309/orders/search",
    source: REFERENCE("Get Order List"),
    note: SDK,
    response: {
      code: 0,
      message: "Success",
      data: {
        next_page_token: "aDU2dHBGbzJNaGV1S0ZYcUV5K1FmcVJTNlZGU3pMZ2Y",
        total_count: 1,
        orders: [
          {
            id: "576461413038785752",
            status: "AWAITING_SHIPMENT",
            create_time: 1619611561,
            update_time: 1619621355,
            is_cod: true,
            payment: { currency: "VND", sub_total: "300000", shipping_fee: "15000", total_amount: "315000" },
            recipient_address: { name: "Nguyễn Văn A", phone_number: "(+84)901234567" },
            line_items: [
              { id: "577086512123755123", seller_sku: "OCOP-1", product_id: "1729592969712207008", product_name: "Mật ong", sale_price: "150000" },
              { id: "577086512123755124", seller_sku: "OCOP-1", product_id: "1729592969712207008", product_name: "Mật ong", sale_price: "150000" },
            ],
          },
        ],
      },
      request_id: "202203070749000101890810281E8C70B7",
    },
  },
];
