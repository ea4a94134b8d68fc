// Card payments through Stripe Checkout Sessions, with the real `stripe` SDK pointed at a
// configurable API base (the local sandbox in the demo and tests). VND is zero-decimal:
// unit_amount 150000 is 150.000 ₫. An Idempotency-Key on every create; fulfilment only from
// signed webhooks, never from the success page.
import Stripe from "stripe";
import type { PaymentOutcome, PaymentProvider, ProviderEvent, RawRequest } from "./provider";

export type StripeConfig = { apiUrl: string; secretKey: string; webhookSecret: string };

export function stripeClient(config: Pick<StripeConfig, "apiUrl" | "secretKey">): Stripe {
  const url = new URL(config.apiUrl);
  return new Stripe(config.secretKey, {
    host: url.hostname,
    port: url.port || (url.protocol === "https:" ? 443 : 80),
    protocol: url.protocol === "https:" ? "https" : "http",
    maxNetworkRetries: 1,
    timeout: 15_000,
    telemetry: false,
  });
}

/** What each Checkout Session event means for our payments. */
function outcomeOf(event: Stripe.Event): PaymentOutcome {
  switch (event.type) {
    case "checkout.session.completed":
      // Card payments complete paid; delayed methods complete "unpaid" and settle later.
      return event.data.object.payment_status === "unpaid" ? "pending" : "paid";
    case "checkout.session.async_payment_succeeded":
      return "paid";
    case "checkout.session.async_payment_failed":
      return "failed";
    case "checkout.session.expired":
      return "expired";
    default:
      return "ignored";
  }
}

/**
 * Stripe's documented bounds for a Checkout Session's `expires_at`: 30 minutes to 24 hours after
 * the session is created. The deadline asked for is kept inside them, counted from `now` (the
 * create, which is also every "try again"), with a minute's margin for the request's travel.
 */
export const STRIPE_SESSION_MIN_SECONDS = 30 * 60;
export const STRIPE_SESSION_MAX_SECONDS = 24 * 3600;
export function stripeExpiresAt(wanted: Date, now: Date): number {
  const at = Math.floor(now.getTime() / 1000);
  return Math.min(Math.max(Math.floor(wanted.getTime() / 1000), at + STRIPE_SESSION_MIN_SECONDS + 60), at + STRIPE_SESSION_MAX_SECONDS - 60);
}

/**
 * The smallest charge Stripe accepts is $0.50 US or its equivalent in the charge currency
 * (docs.stripe.com/currencies, "Minimum and maximum charge amounts"); VND is not in the table of
 * fixed minimums, so the equivalent moves with the exchange rate (≈ 13.000 ₫ at 26.000 ₫/USD).
 * 15.000 ₫ keeps a margin for the rate. The largest is eight digits: 99.999.999 ₫.
 */
export const STRIPE_MIN_VND = 15_000;
export const STRIPE_MAX_VND = 99_999_999;

export function stripeProvider(config: StripeConfig): PaymentProvider {
  const stripe = stripeClient(config);
  return {
    method: "stripe",
    provider: "stripe",
    // A Checkout Session lives 30 minutes to 24 hours after its create: the first is given 35,
    // a "try again" later at least 31 from then; the order waits 5 more for a late webhook.
    expiresAfterMinutes: 40,
    minAmount: STRIPE_MIN_VND,
    maxAmount: STRIPE_MAX_VND,
    async start(checkout) {
      const expiresAt = stripeExpiresAt(checkout.expiresAt, new Date());
      const session = await stripe.checkout.sessions.create(
        {
          mode: "payment",
          client_reference_id: checkout.reference,
          customer_email: checkout.buyerEmail || undefined,
          locale: checkout.locale,
          line_items: checkout.lines.map((l) => ({
            quantity: l.quantity,
            price_data: { currency: "vnd", unit_amount: l.unitPrice, product_data: { name: l.name } },
          })),
          success_url: checkout.returnUrl,
          cancel_url: checkout.returnUrl,
          expires_at: expiresAt,
          metadata: { checkout_code: checkout.checkoutCode, reference: checkout.reference },
          payment_intent_data: { metadata: { checkout_code: checkout.checkoutCode } },
        },
        // The SDK's own retries reuse this key; a new attempt after an error (Stripe keeps even a
        // 500 under its key) gets a new one.
        { idempotencyKey: `checkout-session-${checkout.reference}-${checkout.attempt}` },
      );
      if (!session.url) throw new Error("Stripe returned a session without a URL");
      if (session.amount_total !== checkout.amount) {
        throw new Error(`Stripe session total ${session.amount_total} differs from ${checkout.amount}`);
      }
      return { payUrl: session.url, providerSessionId: session.id, expiresAt: new Date(session.expires_at * 1000) };
    },
    async refund(r) {
      try {
        const refund = await stripe.refunds.create(
          { payment_intent: r.providerRef, amount: r.amount, metadata: { order_code: r.orderCode } },
          // The same refund asked again (a lost answer, a double click) is the same request.
          { idempotencyKey: `refund-${r.orderCode}-${r.refundedFromPayment}-${r.amount}` },
        );
        if (refund.status === "succeeded") return { kind: "succeeded", refundId: refund.id };
        if (refund.status === "pending" || refund.status === "requires_action") return { kind: "pending", refundId: refund.id };
        return { kind: "refused", message: `Stripe: ${refund.status ?? "?"} ${refund.failure_reason ?? ""}`.trim() };
      } catch (error) {
        return { kind: "refused", message: `Stripe: ${error instanceof Error ? error.message : String(error)}` };
      }
    },
    readEvent(request: RawRequest): ProviderEvent | null {
      const signature = request.headers.get("Stripe-Signature");
      if (!signature) return null;
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(request.body, signature, config.webhookSecret);
      } catch {
        return null;
      }
      if (event.type === "refund.updated") {
        const refund = event.data.object;
        return {
          provider: "stripe",
          eventId: event.id,
          type: event.type,
          target: { kind: "none" },
          outcome: "ignored",
          amount: refund.amount,
          providerRef: typeof refund.payment_intent === "string" ? refund.payment_intent : (refund.payment_intent?.id ?? null),
          refund: { id: refund.id, status: refund.status },
          payload: { id: event.id, type: event.type, created: event.created, object: refund },
        };
      }
      const outcome = outcomeOf(event);
      const object = event.data.object as Partial<Stripe.Checkout.Session>;
      const reference = outcome === "ignored" ? null : (object.client_reference_id ?? object.metadata?.reference ?? null);
      const intent = object.payment_intent;
      return {
        provider: "stripe",
        eventId: event.id,
        type: event.type,
        target: reference ? { kind: "session", reference } : { kind: "none" },
        outcome,
        // Zero-decimal: amount_total is whole đồng. Another currency never matches.
        amount: object.currency === "vnd" && typeof object.amount_total === "number" ? object.amount_total : null,
        providerRef: typeof intent === "string" ? intent : (intent?.id ?? null),
        ...(typeof object.id === "string" ? { sessionId: object.id } : {}),
        payload: { id: event.id, type: event.type, created: event.created, object: event.data.object },
      };
    },
  };
}
