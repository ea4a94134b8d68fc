// TikTok Shop Partner API 202309: one schema per endpoint the adapter calls, from the SDK models and the
// documented token sample (examples.ts beside this file). Every answer is {"code": 0, "message", "data",
// "request_id"} or a non-zero code with a message.
import { z } from "zod";
import type { Contract } from "../contract";

const failure = z.object({ code: z.number().int().refine((c) => c !== 0), message: z.string(), request_id: z.string().optional(), data: z.unknown().optional() });
const answer = <T extends z.ZodType>(data: T) => z.union([z.object({ code: z.literal(0), message: z.string(), request_id: z.string(), data }), failure]);

const token = answer(
  z.object({
    access_token: z.string().min(1),
    // Unix timestamps (seconds) of expiry, not durations.
    access_token_expire_in: z.number().int().gt(1_000_000_000),
    refresh_token: z.string().min(1),
    refresh_token_expire_in: z.number().int().gt(1_000_000_000),
    open_id: z.string(),
    seller_name: z.string(),
    seller_base_region: z.string().optional(),
    user_type: z.number().int().optional(),
  }),
);

const sku = z.object({ id: z.string(), seller_sku: z.string() });
const product = z.object({
  id: z.string(),
  status: z.string(),
  skus: z.array(sku).optional(),
  audit_failed_reasons: z.array(z.object({ position: z.string().optional(), reasons: z.array(z.string()).optional() })).optional(),
});
const PRODUCT = /^\/product\/202309\/products\/\d+$/;

export const TIKTOK: Contract[] = [
  { method: "GET", path: "/api/v2/token/get", response: token },
  { method: "GET", path: "/api/v2/token/refresh", response: token },
  { method: "GET", path: "/authorization/202309/shops", response: answer(z.object({ shops: z.array(z.object({ id: z.string(), name: z.string(), region: z.string(), cipher: z.string(), code: z.string() })) })) },
  { method: "GET", path: "/logistics/202309/warehouses", response: answer(z.object({ warehouses: z.array(z.object({ id: z.string(), name: z.string(), is_default: z.boolean(), type: z.string() })) })) },
  { method: "POST", path: "/product/202309/images/upload", response: answer(z.object({ uri: z.string().min(1), url: z.string(), width: z.number().int(), height: z.number().int() })) },
  {
    method: "POST",
    path: "/product/202309/products",
    request: z.object({
      title: z.string().min(1),
      description: z.string(),
      category_id: z.string(),
      main_images: z.array(z.object({ uri: z.string() })).min(1),
      package_weight: z.object({ value: z.string(), unit: z.enum(["KILOGRAM", "POUND"]) }),
      skus: z.array(z.object({ seller_sku: z.string(), price: z.object({ amount: z.string(), currency: z.string() }), inventory: z.array(z.object({ warehouse_id: z.string(), quantity: z.number().int() })) })).min(1),
    }),
    response: answer(z.object({ product_id: z.string(), skus: z.array(sku) })),
  },
  { method: "POST", path: "/product/202309/products/search", response: answer(z.object({ products: z.array(product), total_count: z.number().int(), next_page_token: z.string().optional() })) },
  { method: "GET", path: PRODUCT, response: answer(product) },
  { method: "POST", path: /^\/product\/202309\/products\/\d+\/prices\/update$/, response: answer(z.object({}).passthrough()) },
  { method: "POST", path: /^\/product\/202309\/products\/\d+\/inventory\/update$/, response: answer(z.object({}).passthrough()) },
  { method: "POST", path: /^\/product\/202309\/products\/\d+\/partial_edit$/, response: answer(z.object({ product_id: z.string() })) },
  { method: "POST", path: "/product/202309/products/deactivate", response: answer(z.object({ errors: z.array(z.unknown()).optional() })) },
  {
    method: "POST",
    path: "/order/202309/orders/search",
    response: answer(
      z.object({
        next_page_token: z.string().optional(),
        total_count: z.number().int(),
        orders: z.array(
          z.object({
            id: z.string(),
            status: z.string(),
            create_time: z.number().int(),
            update_time: z.number().int(),
            is_cod: z.boolean(),
            payment: z.object({ currency: z.string(), shipping_fee: z.string(), total_amount: z.string() }),
            recipient_address: z.object({ name: z.string().optional(), phone_number: z.string().optional() }).optional(),
            line_items: z.array(z.object({ seller_sku: z.string(), product_id: z.string(), product_name: z.string(), sale_price: z.string() })),
          }),
        ),
      }),
    ),
  },
];
