// Lazada Open Platform: one schema per endpoint the adapter calls, from the reference's parameter tables
// (examples.ts beside this file, each naming its page). Answers are {"code": "0", "data": …, "request_id"}
// or an error {"code": "<name or number>", "type", "message", "detail"?}; token answers are flat.
import { z } from "zod";
import type { Contract } from "../contract";

const id = z.union([z.number().int(), z.string().regex(/^\d+$/)]);
const count = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/)]);
/** Lazada prints order times as "2014-10-11 20:00:21 +0800" (an offset, no "T"). */
export const lazadaTime = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [+-]\d{4}$/);

const failure = z.object({
  code: z.string().refine((c) => c !== "0"),
  type: z.string().optional(),
  message: z.string(),
  request_id: z.string().optional(),
  detail: z.array(z.object({ field: z.string().optional(), message: z.string().optional(), seller_sku: z.string().optional(), code: z.string().optional() })).optional(),
});
const answer = <T extends z.ZodType>(data: T) => z.union([z.object({ code: z.literal("0"), request_id: z.string(), data }), failure]);
const done = z.union([z.object({ code: z.literal("0"), request_id: z.string(), data: z.unknown().optional() }), failure]);

const token = z.union([
  z.object({
    code: z.literal("0"),
    access_token: z.string().min(1),
    refresh_token: z.string().min(1),
    expires_in: z.number().int().positive(),
    refresh_expires_in: z.number().int().positive(),
    country_user_info: z.array(z.object({ country: z.string(), seller_id: z.string(), user_id: z.string(), short_code: z.string() })).optional(),
    account: z.string().optional(),
    request_id: z.string(),
  }),
  failure,
]);

const order = z.object({
  order_id: id,
  created_at: lazadaTime,
  updated_at: lazadaTime,
  statuses: z.array(z.string()),
  payment_method: z.string(),
  shipping_fee: z.union([z.number(), z.string()]),
  address_shipping: z.object({ first_name: z.string().optional(), phone: z.string().optional() }).optional(),
});

export const LAZADA: Contract[] = [
  { method: "POST", path: "/auth/token/create", request: z.object({ code: z.string().min(1) }), response: token },
  { method: "POST", path: "/auth/token/refresh", request: z.object({ refresh_token: z.string().min(1) }), response: token },
  { method: "GET", path: "/seller/get", response: answer(z.object({ name: z.string(), seller_id: id, short_code: z.string().optional() })) },
  { method: "POST", path: "/image/upload", response: answer(z.object({ image: z.object({ url: z.string().url(), hash_code: z.string() }) })) },
  {
    method: "POST",
    path: "/product/create",
    request: z.object({ payload: z.string() }),
    response: answer(z.object({ item_id: id, sku_list: z.array(z.object({ seller_sku: z.string(), sku_id: id, shop_sku: z.string() })) })),
  },
  {
    method: "GET",
    path: "/products/get",
    response: answer(z.object({ total_products: z.number().int(), products: z.array(z.object({ item_id: id, status: z.string().optional(), skus: z.array(z.object({ SellerSku: z.string() })) })).optional() })),
  },
  { method: "POST", path: "/product/price_quantity/update", request: z.object({ payload: z.string() }), response: done },
  { method: "POST", path: "/product/update", request: z.object({ payload: z.string() }), response: done },
  { method: "POST", path: "/product/deactivate", request: z.object({ apiRequestBody: z.string() }), response: done },
  { method: "GET", path: "/product/item/get", response: answer(z.object({ item_id: id, status: z.string() })) },
  {
    method: "GET",
    path: "/orders/get",
    // `count` is the size of this page, `countTotal` the orders in the whole query.
    response: answer(
      z
        .object({ count, countTotal: count, orders: z.array(order) })
        .refine((d) => Number(d.count) === d.orders.length, "count is the number of orders on this page")
        .refine((d) => Number(d.countTotal) >= d.orders.length, "countTotal counts the whole query"),
    ),
  },
  {
    method: "GET",
    path: "/orders/items/get",
    response: answer(z.array(z.object({ order_id: id, order_items: z.array(z.object({ sku: z.string(), product_id: id, name: z.string(), item_price: z.union([z.number(), z.string()]) })) }))),
  },
];
