// The seller centre's forms for bank notifications, shared by the pages and their actions:
// connecting SePay (a link per account) and the "cần đối soát" list. Messages are i18n keys.
import { z } from "zod";

/** "" → undefined, so optional fields may be left blank. */
const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const linkId = z.coerce.number({ error: "bankLink.error.notFound" }).int({ error: "bankLink.error.notFound" }).positive({ error: "bankLink.error.notFound" });
const apiToken = z.preprocess(blank, z.string({ error: "bankLink.error.token" }).trim().max(200, { error: "bankLink.error.token" }).optional());
const account = z.preprocess(
  blank,
  z
    .string({ error: "bankLink.error.account" })
    .transform((s) => s.replace(/\s+/g, ""))
    .pipe(z.string().regex(/^[0-9A-Za-z]{1,19}$/, { error: "bankLink.error.account" }))
    .optional(),
);

/** What the link form's fields are called (to send back what was typed). */
export const LINK_FIELDS = ["intent", "linkId", "account", "otherAccount", "authMode", "apiToken"] as const;

export const BankLinkActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("create"),
      account: z.enum(["profile", "other"], { error: "bankLink.error.account" }),
      otherAccount: account,
      authMode: z.enum(["hmac", "apikey"], { error: "bankLink.error.authMode" }),
      apiToken,
    }),
    z.object({ intent: z.literal("rotate"), linkId }),
    z.object({ intent: z.literal("token"), linkId, apiToken }),
    z.object({ intent: z.literal("reconcile") }),
  ],
  { error: "bankLink.error.notFound" },
);

/**
 * An order code (OC + yyMMdd + the id on at least 7 digits) or a payment code (OC + the id + a
 * check digit, app/payments/payment-code.ts), typed with or without spaces.
 */
const orderCode = z
  .string({ error: "review.error.order" })
  .transform((s) => s.replace(/\s+/g, "").toUpperCase())
  .pipe(z.string().regex(/^OC\d{2,20}$/, { error: "review.error.order" }));
const transferId = z.coerce.number({ error: "review.error.transfer" }).int({ error: "review.error.transfer" }).positive({ error: "review.error.transfer" });

export const REVIEW_FIELDS = ["intent", "transferId", "orderCode"] as const;

export const ReviewActionSchema = z.discriminatedUnion(
  "intent",
  [z.object({ intent: z.literal("match"), transferId, orderCode }), z.object({ intent: z.literal("dismiss"), transferId })],
  { error: "review.error.transfer" },
);
