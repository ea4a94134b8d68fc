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

const provinceSlug = z.string({ error: "checkout.validation.province" }).regex(/^[a-z0-9-]{1,40}$/, { error: "checkout.validation.province" });

/** A delivery address (the checkout's new address, the account's address book). */
export const AddressSchema = z.object({
  name: text(2, 100, "checkout.validation.name"),
  phone: vietnamesePhone,
  province: provinceSlug,
  commune: text(2, 100, "checkout.validation.commune"),
  street: text(3, 200, "checkout.validation.street"),
});
export type AddressForm = z.infer<typeof AddressSchema>;

/** The rest of the checkout form; the address is a saved one (`address` = its id) or AddressSchema's fields. */
export const CheckoutSchema = z.object({
  note: z.string().trim().max(500, { error: "checkout.validation.note" }).default(""),
  method: z.enum(STOREFRONT_METHODS, { error: "checkout.validation.method" }),
});
export type CheckoutForm = z.infer<typeof CheckoutSchema>;

/** A guest's "Giao tới" on the cart page: the province for the fee; commune and street may wait. */
const blankOr = (min: number, max: number, error: string) =>
  z
    .string()
    .trim()
    .default("")
    .refine((s) => s === "" || (s.length >= min && s.length <= max), { error });
export const GuestAddressSchema = z.object({
  province: provinceSlug,
  commune: blankOr(2, 100, "checkout.validation.commune"),
  street: blankOr(3, 200, "checkout.validation.street"),
});
