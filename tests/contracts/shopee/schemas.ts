// Shopee Open Platform v2: one schema per endpoint the adapter calls, written from the API reference's
// request and response parameters and samples (the JSON files beside this one, each naming its page).
// Success answers carry `error: ""`; shop calls nest their data under `response`, except
// shop/get_shop_info and the two token calls, which answer at the top level.
import { z } from "zod";
import type { Contract } from "../contract";

const int = z.number().int();

/** Documented on every answer: an error code (empty when none), a message, the request id. */
const failure = z.object({ error: z.string().min(1), message: z.string(), request_id: z.string().optional() });
const ok = { error: z.literal(""), message: z.string(), request_id: z.string(), warning: z.string().optional() };

/** A shop call's answer: `response` on success, or the error envelope. */
const shopAnswer = <T extends z.ZodType>(response: T) => z.union([z.object({ ...ok, response }), failure]);
const topLevel = <T extends z.ZodRawShape>(shape: T) => z.union([z.object({ ...ok, ...shape }), failure]);

const tokens = { access_token: z.string().min(1), refresh_token: z.string().min(1), expire_in: int.positive() };

export const attributeValue = z.object({ value_id: int, original_value_name: z.string().optional(), value_unit: z.string().optional() });
/** attribute_list: by attribute_id; a value by value_id (0 with original_value_name for a custom value). */
export const attribute = z.object({ attribute_id: int, attribute_value_list: z.array(attributeValue).optional() });

export const addItemRequest = z.object({
  original_price: z.number().positive(),
  description: z.string(),
  weight: z.number().positive(),
  item_name: z.string().min(1),
  item_sku: z.string().optional(),
  category_id: int.positive(),
  image: z.object({ image_id_list: z.array(z.string()).min(1) }),
  logistic_info: z.array(z.object({ logistic_id: int, enabled: z.boolean() })).min(1),
  attribute_list: z.array(attribute).optional(),
  brand: z.object({ brand_id: int, original_brand_name: z.string() }).optional(),
  seller_stock: z.array(z.object({ stock: int.nonnegative(), location_id: z.string().optional() })).optional(),
  condition: z.string().optional(),
});

const orderDetail = z.object({
  order_sn: z.string(),
  order_status: z.string(),
  create_time: int,
  update_time: int,
  cod: z.boolean(),
  estimated_shipping_fee: z.number().optional(),
  recipient_address: z.object({ name: z.string().optional(), phone: z.string().optional() }).optional(),
  item_list: z.array(
    z.object({ item_id: int, item_name: z.string(), item_sku: z.string(), model_quantity_purchased: int, model_discounted_price: z.number() }),
  ),
});

export const SHOPEE: Contract[] = [
  {
    method: "POST",
    path: "/api/v2/auth/token/get",
    request: z.object({ code: z.string(), partner_id: int, shop_id: int.optional() }),
    response: topLevel({ ...tokens, shop_id_list: z.array(int).optional(), merchant_id_list: z.array(int).optional() }),
  },
  {
    method: "POST",
    path: "/api/v2/auth/access_token/get",
    request: z.object({ refresh_token: z.string(), partner_id: int, shop_id: int.optional() }),
    response: topLevel({ ...tokens, partner_id: int, shop_id: int.optional() }),
  },
  {
    method: "GET",
    path: "/api/v2/shop/get_shop_info",
    response: topLevel({
      shop_name: z.string(),
      region: z.string(),
      status: z.string(),
      is_cb: z.boolean().optional(),
      auth_time: int.optional(),
      expire_time: int.optional(),
    }),
  },
  {
    method: "GET",
    path: "/api/v2/product/search_item",
    response: shopAnswer(z.object({ item_id_list: z.array(int), total_count: int, next_offset: z.string().optional() })),
  },
  {
    method: "POST",
    path: "/api/v2/media_space/upload_image",
    response: shopAnswer(z.object({ image_info: z.object({ image_id: z.string().min(1), image_url_list: z.array(z.object({ image_url_region: z.string(), image_url: z.string() })) }) })),
  },
  { method: "POST", path: "/api/v2/product/add_item", request: addItemRequest, response: shopAnswer(z.object({ item_id: int, item_status: z.string().optional() })) },
  {
    method: "POST",
    path: "/api/v2/product/update_price",
    request: z.object({ item_id: int, price_list: z.array(z.object({ model_id: int, original_price: z.number() })) }),
    response: shopAnswer(
      z.object({ failure_list: z.array(z.object({ model_id: int, failed_reason: z.string() })), success_list: z.array(z.object({ model_id: int, original_price: z.number() })) }),
    ),
  },
  {
    method: "POST",
    path: "/api/v2/product/update_stock",
    request: z.object({ item_id: int, stock_list: z.array(z.object({ model_id: int, seller_stock: z.array(z.object({ stock: int, location_id: z.string().optional() })) })) }),
    response: shopAnswer(
      z.object({
        failure_list: z.array(z.object({ model_id: int, failed_reason: z.string() })),
        success_list: z.array(z.object({ model_id: int, stock: int, location_id: z.string().optional() })),
      }),
    ),
  },
  { method: "POST", path: "/api/v2/product/update_item", response: shopAnswer(z.object({ item_id: int })) },
  {
    method: "POST",
    path: "/api/v2/product/unlist_item",
    request: z.object({ item_list: z.array(z.object({ item_id: int, unlist: z.boolean() })) }),
    response: shopAnswer(
      z.object({ failure_list: z.array(z.object({ item_id: int, failed_reason: z.string() })), success_list: z.array(z.object({ item_id: int, unlist: z.boolean() })) }),
    ),
  },
  {
    method: "GET",
    path: "/api/v2/product/get_item_base_info",
    response: shopAnswer(z.object({ item_list: z.array(z.object({ item_id: int, item_status: z.string(), item_sku: z.string().optional(), item_name: z.string().optional() })) })),
  },
  {
    method: "GET",
    path: "/api/v2/order/get_order_list",
    response: shopAnswer(z.object({ more: z.boolean(), next_cursor: z.string(), order_list: z.array(z.object({ order_sn: z.string() })) })),
  },
  { method: "GET", path: "/api/v2/order/get_order_detail", response: shopAnswer(z.object({ order_list: z.array(orderDetail) })) },
];
