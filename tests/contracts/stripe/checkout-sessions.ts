// Stripe Checkout Sessions and the webhook events about them.
// Sources: the API reference, docs.stripe.com/api/checkout/sessions/create and /object; the
// declared types of the official SDK, node_modules/stripe/esm/resources/Checkout/Sessions.d.ts
// (stripe 23.1.0, OpenAPI v2596); docs.stripe.com/currencies (VND is zero-decimal; minimum charge
// $0.50 US or equivalent); docs.stripe.com/webhooks (Stripe-Signature t=…,v1=…). The schemas
// cover the fields this app sends or reads, typed as the SDK declares them; the rest is allowed.
import { z } from "zod";

/** POST /v1/checkout/sessions, as the app sends it (form-encoded by the SDK). */
export const CreateSessionRequest = z.looseObject({
  mode: z.literal("payment"),
  client_reference_id: z.string().max(200),
  customer_email: z.email().optional(),
  locale: z.enum(["auto", "vi", "en"]).optional(),
  line_items: z
    .array(
      z.object({
        quantity: z.number().int().min(1),
        price_data: z.object({ currency: z.literal("vnd"), unit_amount: z.number().int().min(0), product_data: z.object({ name: z.string().min(1) }) }),
      }),
    )
    .min(1),
  success_url: z.url(),
  cancel_url: z.url(),
  /** Unix seconds, 30 minutes to 24 hours after the session's creation. */
  expires_at: z.number().int(),
  metadata: z.record(z.string(), z.string()).optional(),
});

/** The Checkout Session object (Stripe.Checkout.Session). */
export const CheckoutSession = z.looseObject({
  id: z.string().startsWith("cs_"),
  object: z.literal("checkout.session"),
  amount_subtotal: z.number().int().nullable(),
  amount_total: z.number().int().nullable(),
  cancel_url: z.string().nullable(),
  client_reference_id: z.string().nullable(),
  created: z.number().int(),
  currency: z.string().nullable(),
  customer_email: z.string().nullable(),
  expires_at: z.number().int(),
  livemode: z.boolean(),
  metadata: z.record(z.string(), z.string()).nullable(),
  mode: z.enum(["payment", "setup", "subscription"]),
  payment_intent: z.union([z.string(), z.looseObject({ id: z.string() })]).nullable(),
  payment_status: z.enum(["no_payment_required", "paid", "unpaid"]),
  status: z.enum(["complete", "expired", "open"]).nullable(),
  success_url: z.string().nullable(),
  url: z.string().nullable(),
});

/** A webhook Event about a Checkout Session. */
export const CheckoutSessionEvent = z.looseObject({
  id: z.string().startsWith("evt_"),
  object: z.literal("event"),
  api_version: z.string().nullable(),
  created: z.number().int(),
  livemode: z.boolean(),
  pending_webhooks: z.number().int(),
  request: z.object({ id: z.string().nullable(), idempotency_key: z.string().nullable() }),
  type: z.enum(["checkout.session.completed", "checkout.session.async_payment_succeeded", "checkout.session.async_payment_failed", "checkout.session.expired"]),
  data: z.object({ object: CheckoutSession }),
});

/** Stripe's error body (docs.stripe.com/api/errors). */
export const StripeError = z.object({ error: z.looseObject({ type: z.string(), message: z.string().optional(), code: z.string().optional(), param: z.string().optional() }) });

/** Modelled on the API reference's example Checkout Session, trimmed to the fields above, currency VND. */
export const DOCUMENTED_SESSION = {
  id: "cs_test_a11YYufWQzNY63zpQ6QSNRQhkUpVph4WRmzW0zWJO2znZKdVujZ0N0S22u",
  object: "checkout.session",
  amount_subtotal: 2198,
  amount_total: 2198,
  cancel_url: null,
  client_reference_id: null,
  created: 1679600215,
  currency: "vnd",
  customer_email: null,
  expires_at: 1679686615,
  livemode: false,
  metadata: {},
  mode: "payment",
  payment_intent: null,
  payment_status: "unpaid",
  status: "open",
  success_url: "https://example.com/success",
  url: "https://checkout.stripe.com/c/pay/cs_test_a11YYufWQzNY63zpQ6QSNRQhkUpVph4WRmzW0zWJO2znZKdVujZ0N0S22u#fid",
} as const;
