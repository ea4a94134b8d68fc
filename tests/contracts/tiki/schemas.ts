// Tiki Open API: one schema per endpoint the adapter calls (examples.ts beside this file, each naming its
// section of Tiki's documentation). Plain JSON answers; errors are HTTP 4xx/5xx with {"errors": [...]} (or
// OAuth2's {"error"} on the token endpoint). Dates are "yyyy-MM-dd HH:mm:ss" in Vietnam time.
import { z } from "zod";
import type { Contract } from "../contract";

export const tikiDate = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, "yyyy-MM-dd HH:mm:ss");
const failure = z.union([z.object({ errors: z.array(z.object({ code: z.string().optional(), message: z.string().optional() })).min(1) }), z.object({ error: z.string(), error_description: z.string().optional() })]);
const answer = <T extends z.ZodType>(body: T) => z.union([body, failure]);
const paging = z.object({ total: z.number().int(), current_page: z.number().int(), last_page: z.number().int() });

/** Request states as documented (queuing … approved, rejected, deleted). */
const state = z.enum(["queuing", "processing", "drafted", "bot_awaiting_approve", "md_awaiting_approve", "awaiting_approve", "approved", "rejected", "deleted"]);

export const TIKI: Contract[] = [
  {
    method: "POST",
    path: "/sc/oauth2/token",
    response: answer(z.object({ access_token: z.string().min(1), expires_in: z.number().int().positive(), refresh_token: z.string().optional(), scope: z.string(), token_type: z.string() })),
  },
  { method: "GET", path: "/integration/v2/sellers/me", response: answer(z.object({ name: z.string(), sid: z.string().optional(), id: z.number().int().optional(), active: z.number().int() })) },
  { method: "POST", path: "/integration/v2.1/requests", response: answer(z.object({ track_id: z.string().min(1), state })) },
  {
    method: "GET",
    path: /^\/integration\/v2\/tracking\/[^/]+$/,
    response: answer(z.object({ track_id: z.string(), request_id: z.string().nullable().optional(), state, reason: z.string().nullable().optional() })),
  },
  {
    method: "GET",
    path: "/integration/v2/products/findBy",
    response: answer(z.object({ data: z.array(z.object({ product_id: z.number().int(), original_sku: z.string(), name: z.string(), price: z.number(), created_at: tikiDate.optional() })), paging })),
  },
  {
    method: "POST",
    path: "/integration/v2/products/updateSku",
    request: z.object({ original_sku: z.string().optional(), product_id: z.number().int().optional(), price: z.number().optional(), quantity: z.number().int().optional(), active: z.union([z.literal(0), z.literal(1)]).optional() }),
    response: answer(z.object({ state })),
  },
  { method: "POST", path: "/integration/v2.1/requests/updateProductInfo", response: answer(z.object({ state })) },
  { method: "GET", path: /^\/integration\/v2\/products\/\d+$/, response: answer(z.object({ product_id: z.number().int(), active: z.number().int(), original_sku: z.string().optional() })) },
  {
    method: "GET",
    path: "/integration/v2/orders",
    response: answer(
      z.object({
        data: z.array(
          z.object({
            code: z.string(),
            status: z.string(),
            created_at: tikiDate,
            updated_at: tikiDate,
            payment: z.object({ method: z.string() }),
            invoice: z.object({ shipping_amount: z.number() }),
            shipping: z.object({ address: z.object({ full_name: z.string().optional(), phone: z.string().optional() }).optional() }).optional(),
            items: z.array(z.object({ product: z.object({ id: z.number().int(), name: z.string(), seller_product_code: z.string() }), invoice: z.object({ price: z.number(), quantity: z.number().int() }) })),
          }),
        ),
        paging,
      }),
    ),
  },
];
