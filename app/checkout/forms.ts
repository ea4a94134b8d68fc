// The cart's and the checkout's form schemas. Messages are i18n keys (see ~/form-errors).
import { z } from "zod";
import { vietnamesePhone } from "~/auth/forms";
import { STOREFRONT_METHODS } from "~/payments/provider";

const productId = z.coerce.number({ error: "cart.unknownProduct" }).int({ error: "cart.unknownProduct" }).positive({ error: "cart.unknownProduct" });
/** 1-999 whole units: "0", "-2", "1.5", "abc" and "" are all refused with one clear message. */
export const quantity = z.coerce
  .number({ error: "cart.quantityInvalid" })
  .int({ error: "cart.quantityInvalid" })
  .min(1, { error: "cart.quantityInvalid" })
  .max(999, { error: "cart.quantityInvalid" });

export const CartFormSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("add"), productId, quantity, stay: z.string().optional() }),
    z.object({ intent: z.literal("update"), productId, quantity }),
    z.object({ intent: z.literal("remove"), productId }),
  ],
  { error: "error.badRequest" },
);

const text = (min: number, max: number, error: string) => z.string({ error }).trim().min(min, { error }).max(max, { error });

export const CheckoutSchema = z.object({
  name: text(2, 100, "checkout.validation.name"),
  phone: vietnamesePhone,
  province: z.string({ error: "checkout.validation.province" }).regex(/^[a-z0-9-]{1,40}$/, { error: "checkout.validation.province" }),
  commune: text(2, 100, "checkout.validation.commune"),
  street: text(3, 200, "checkout.validation.street"),
  note: z.string().trim().max(500, { error: "checkout.validation.note" }).default(""),
  method: z.enum(STOREFRONT_METHODS, { error: "checkout.validation.method" }),
});
export type CheckoutForm = z.infer<typeof CheckoutSchema>;
