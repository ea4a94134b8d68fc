// The log-in and sign-up forms' schemas. Messages are i18n keys (see ~/form-errors).
import { z } from "zod";
import { PRODUCER_KINDS } from "#db/vocabulary";

export const PASSWORD_MIN = 10;

const email = z
  .string({ error: "validation.email" })
  .trim()
  .toLowerCase()
  .max(254, { error: "validation.email" })
  .pipe(z.email({ error: "validation.email" }));

/** Vietnamese mobile (03/05/07/08/09 + 8 digits) or landline (02 + 9 digits), +84 accepted. */
export const vietnamesePhone = z
  .string({ error: "validation.phone" })
  .transform((s) => s.replace(/[\s.-]/g, "").replace(/^\+84/, "0"))
  .pipe(z.string().regex(/^0(?:[35789]\d{8}|2\d{9})$/, { error: "validation.phone" }));

export const LoginSchema = z.object({
  email,
  password: z.string({ error: "validation.passwordRequired" }).min(1, { error: "validation.passwordRequired" }).max(200),
});

const account = {
  email,
  password: z
    .string({ error: "validation.password" })
    .min(PASSWORD_MIN, { error: "validation.password" })
    .max(200, { error: "validation.password" }),
  name: z.string({ error: "validation.name" }).trim().min(2, { error: "validation.name" }).max(100, { error: "validation.name" }),
  phone: vietnamesePhone,
};

export const SignupSchema = z.discriminatedUnion(
  "accountType",
  [
    z.object({ accountType: z.literal("shopper"), ...account }),
    z.object({
      accountType: z.literal("producer"),
      ...account,
      producerName: z
        .string({ error: "validation.producerName" })
        .trim()
        .min(3, { error: "validation.producerName" })
        .max(150, { error: "validation.producerName" }),
      producerKind: z.enum(PRODUCER_KINDS, { error: "validation.producerKind" }),
      province: z.string({ error: "validation.province" }).regex(/^[a-z0-9-]{1,40}$/, { error: "validation.province" }),
    }),
  ],
  { error: "validation.accountType" },
);

export type SignupInput = z.infer<typeof SignupSchema>;
