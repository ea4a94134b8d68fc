// The providers' documented messages (tests/contracts/) against their schemas and through the
// app's adapters: the adapters read what the providers document, not what our sandbox happens to send.
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { momoOutcome, momoProvider, signMomoIpn } from "~/payments/momo";
import { stripeProvider } from "~/payments/stripe.server";
import { vnpayProvider } from "~/payments/vnpay";
import { CheckoutSession, CheckoutSessionEvent } from "../contracts/stripe/checkout-sessions";
import { DOCUMENTED_SESSION } from "../contracts/stripe/checkout-sessions";
import { DOCUMENTED_REFUND, Refund } from "../contracts/stripe/refunds";
import { DOCUMENTED_IPN, IpnQuery } from "../contracts/vnpay/gateway";
import { DOCUMENTED_IPN_FIELDS, FINAL_CODES, Ipn, MOMO_TEST_KEYS, NOT_FINAL_CODES } from "../contracts/momo/gateway";

const raw = (init: { body?: string; query?: Record<string, string>; headers?: Record<string, string> }) => ({
  body: init.body ?? "",
  headers: new Headers(init.headers ?? {}),
  query: new URLSearchParams(init.query ?? {}),
});

describe("Stripe, from its API reference and SDK types", () => {
  it("the documented session and refund match the schemas", () => {
    expect(CheckoutSession.safeParse(DOCUMENTED_SESSION).success).toBe(true);
    expect(Refund.safeParse(DOCUMENTED_REFUND).success).toBe(true);
  });

  it("the adapter reads a signed checkout.session.completed built on the documented session", () => {
    const secret = "whsec_contract";
    const event = {
      id: "evt_1NG8Du2eZvKYlo2CUI79vXWy",
      object: "event",
      api_version: "2025-10-29.clover",
      created: 1686089970,
      livemode: false,
      pending_webhooks: 0,
      request: { id: null, idempotency_key: null },
      type: "checkout.session.completed",
      data: { object: { ...DOCUMENTED_SESSION, client_reference_id: "CK2611220000123", payment_status: "paid", status: "complete", payment_intent: "pi_3contract" } },
    };
    expect(CheckoutSessionEvent.safeParse(event).success).toBe(true);
    const payload = JSON.stringify(event);
    const provider = stripeProvider({ apiUrl: "http://127.0.0.1:9", secretKey: "sk_test_contract", webhookSecret: secret });
    const header = new Stripe("sk_test_x").webhooks.generateTestHeaderString({ payload, secret });
    expect(provider.readEvent!(raw({ body: payload, headers: { "Stripe-Signature": header } }))).toMatchObject({
      outcome: "paid",
      amount: 2198,
      providerRef: "pi_3contract",
      target: { kind: "session", reference: "CK2611220000123" },
    });
  });
});

describe("VNPay, from its documents as the vnpay library transcribes them", () => {
  it("the published IPN fixture matches the schema and the adapter accepts it", () => {
    expect(IpnQuery.safeParse(DOCUMENTED_IPN.query).success).toBe(true);
    const provider = vnpayProvider({ payUrl: "http://127.0.0.1:9/pay", apiUrl: "http://127.0.0.1:9/api", tmnCode: "TEST_TMN_CODE", hashSecret: DOCUMENTED_IPN.secret });
    expect(provider.readEvent!(raw({ query: DOCUMENTED_IPN.query }))).toMatchObject({ outcome: "paid", amount: 10_000, providerRef: "14422574", target: { kind: "session", reference: "1716257871703" } });
  });
});

describe("MoMo, from its developer documents", () => {
  it("an IPN in the documented shape, signed with MoMo's public test keys, is read", () => {
    const signature = signMomoIpn({ ...DOCUMENTED_IPN_FIELDS, accessKey: MOMO_TEST_KEYS.accessKey }, MOMO_TEST_KEYS.secretKey);
    const body = { ...DOCUMENTED_IPN_FIELDS, signature };
    expect(Ipn.safeParse(body).success).toBe(true);
    const provider = momoProvider({ apiUrl: "http://127.0.0.1:9", ipnUrl: "http://127.0.0.1:9/ipn", ...MOMO_TEST_KEYS });
    expect(provider.readEvent!(raw({ body: JSON.stringify(body) }))).toMatchObject({ outcome: "paid", amount: 50_000, target: { kind: "session", reference: "CK2611220000123" } });
  });

  it("only the documented final codes end a payment", () => {
    expect(momoOutcome(0)).toBe("paid");
    for (const code of FINAL_CODES.filter((c) => c !== 0)) expect(["failed", "cancelled", "expired"]).toContain(momoOutcome(code));
    for (const code of NOT_FINAL_CODES) expect(momoOutcome(code)).toBe("pending");
    expect(momoOutcome(123456)).toBe("pending");
  });
});
