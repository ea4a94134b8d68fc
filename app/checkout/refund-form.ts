// The refund's confirmation step: the amount (a gateway's refund may be part of the payment), the
// reason from a short list, and free text beside it (required with "other"). Messages are i18n keys.
import { z } from "zod";
import { REFUND_REASONS } from "~/i18n/notes";

export const REFUND_TEXT_MAX = 200;

export const RefundFormSchema = z
  .object({
    reason: z.enum(REFUND_REASONS, { error: "seller.refund.noReason" }),
    text: z
      .string()
      .trim()
      .max(REFUND_TEXT_MAX, { error: "seller.refund.textTooLong" })
      .transform((v) => v.replace(/\s+/g, " ")),
  })
  .refine((v) => v.reason !== "other" || v.text.length > 0, { path: ["text"], error: "seller.refund.textRequired" });

/** "150.000", "150 000" or "150000" đồng (a gateway's refund only). */
export const RefundAmountSchema = z
  .string()
  .transform((v) => v.replace(/[.\s₫]/g, ""))
  .pipe(z.string().regex(/^\d{1,12}$/).transform(Number));
