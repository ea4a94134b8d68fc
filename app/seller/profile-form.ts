// The producer profile form's schema, shared by the page and the action. Messages are i18n keys.
import { z } from "zod";
import { vietnamesePhone } from "~/auth/forms";
import { foldVietnamese } from "#db/fold";
import { PRODUCER_KINDS } from "#db/vocabulary";
import { BANKS } from "#db/reference/banks";

/** "" → undefined, so optional fields may be left blank. */
const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** 10 digits, or 13 for a branch ("0123456789-001"). */
export const taxCodeSchema = z
  .string({ error: "profile.error.taxCode" })
  .transform((s) => s.replace(/\s/g, ""))
  .pipe(z.string().regex(/^\d{10}(-\d{3})?$/, { error: "profile.error.taxCode" }));

/** "Xã Tân Thuận", "Phường Sa Đéc", "Đặc khu Phú Quốc": the level below the province since 1/7/2025. */
const communeSchema = z
  .string({ error: "profile.error.commune" })
  .trim()
  .transform((s) => s.replace(/\s+/g, " "))
  .pipe(
    z
      .string()
      .min(4, { error: "profile.error.commune" })
      .max(100, { error: "profile.error.commune" })
      .regex(/^(xã|phường|đặc khu)\s+\S/iu, { error: "profile.error.commune" }),
  )
  .transform((s) => s.replace(/^(xã|phường|đặc khu)/iu, (m) => ({ xã: "Xã", phường: "Phường", "đặc khu": "Đặc khu" })[m.toLowerCase()] ?? m));

/** Account holder's name as banks print it: capitals without diacritics. */
const accountName = z
  .string({ error: "profile.error.bankAccountName" })
  .trim()
  .transform((s) => foldVietnamese(s).toUpperCase().replace(/\s+/g, " "))
  .pipe(z.string().regex(/^[A-Z0-9 .,&()-]{3,70}$/, { error: "profile.error.bankAccountName" }));

export const ProfileSchema = z
  .object({
    name: z
      .string({ error: "validation.producerName" })
      .trim()
      .min(3, { error: "validation.producerName" })
      .max(150, { error: "validation.producerName" }),
    kind: z.enum(PRODUCER_KINDS, { error: "validation.producerKind" }),
    taxCode: z.preprocess(blank, taxCodeSchema.optional()),
    province: z.string({ error: "validation.province" }).regex(/^[a-z0-9-]{1,40}$/, { error: "validation.province" }),
    commune: z.preprocess(blank, communeSchema.optional()),
    address: z.string().trim().max(200, { error: "profile.error.address" }).default(""),
    phone: vietnamesePhone,
    email: z.preprocess(blank, z.email({ error: "validation.email" }).max(254, { error: "validation.email" }).optional()),
    description: z.string().trim().max(2000, { error: "profile.error.description" }).default(""),
    bankBin: z.preprocess(
      blank,
      z
        .string()
        .refine((b) => BANKS.some((x) => x.bin === b), { error: "profile.error.bank" })
        .optional(),
    ),
    bankAccountNumber: z.preprocess(
      (v) => blank(typeof v === "string" ? v.replace(/[\s.-]/g, "") : v),
      z.string().regex(/^\d{6,19}$/, { error: "profile.error.bankAccountNumber" }).optional(),
    ),
    bankAccountName: z.preprocess(blank, accountName.optional()),
  })
  .superRefine((p, ctx) => {
    // The bank account is all three fields or none.
    const given = [p.bankBin, p.bankAccountNumber, p.bankAccountName].filter(Boolean).length;
    if (given > 0 && given < 3) {
      if (!p.bankBin) ctx.addIssue({ code: "custom", path: ["bankBin"], message: "profile.error.bank" });
      if (!p.bankAccountNumber) ctx.addIssue({ code: "custom", path: ["bankAccountNumber"], message: "profile.error.bankAccountNumber" });
      if (!p.bankAccountName) ctx.addIssue({ code: "custom", path: ["bankAccountName"], message: "profile.error.bankAccountName" });
    }
  });

export type ProfileInput = z.infer<typeof ProfileSchema>;

export const PROFILE_FIELDS = [
  "name",
  "kind",
  "taxCode",
  "province",
  "commune",
  "address",
  "phone",
  "email",
  "description",
  "bankBin",
  "bankAccountNumber",
  "bankAccountName",
] as const;
