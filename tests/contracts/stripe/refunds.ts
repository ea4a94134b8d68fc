// Stripe refunds. Sources: docs.stripe.com/api/refunds/create and /object; the SDK's declared
// type Stripe.Refund (node_modules/stripe/esm/resources/Refunds.d.ts, stripe 23.1.0). Statuses
// "pending", "requires_action", "succeeded", "failed", "canceled"; only "succeeded" is money back.
import { z } from "zod";

export const CreateRefundRequest = z.looseObject({
  payment_intent: z.string().startsWith("pi_"),
  /** Zero-decimal VND: whole đồng; omitted for all that is left. */
  amount: z.number().int().min(1).optional(),
  metadata: z.record(z.string(), z.string()).optional(),
});

export const Refund = z.looseObject({
  id: z.string().startsWith("re_"),
  object: z.literal("refund"),
  amount: z.number().int(),
  charge: z.string().nullable(),
  created: z.number().int(),
  currency: z.string(),
  metadata: z.record(z.string(), z.string()).nullable(),
  payment_intent: z.string().nullable(),
  reason: z.enum(["duplicate", "expired_uncaptured_charge", "fraudulent", "requested_by_customer"]).nullable(),
  status: z.enum(["pending", "requires_action", "succeeded", "failed", "canceled"]).nullable(),
});

/** Modelled on the API reference's example Refund object, currency VND. */
export const DOCUMENTED_REFUND = {
  id: "re_1Nispe2eZvKYlo2Cd31jOCgZ",
  object: "refund",
  amount: 1000,
  balance_transaction: "txn_1Nispe2eZvKYlo2CYezqFhEx",
  charge: "ch_1NirD82eZvKYlo2CIvbtLWuY",
  created: 1692942318,
  currency: "vnd",
  destination_details: { card: { reference: "123456789012", reference_status: "available", reference_type: "acquirer_reference_number", type: "refund" }, type: "card" },
  metadata: {},
  payment_intent: "pi_1GszsK2eZvKYlo2CfhZyoZLp",
  reason: null,
  receipt_number: null,
  source_transfer_reversal: null,
  status: "succeeded",
  transfer_reversal: null,
} as const;
