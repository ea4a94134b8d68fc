// The product and certificate forms' schemas, shared by the pages and the actions (and the
// bulk import's row checks). Messages are i18n keys.
import { z } from "zod";
import { parseDay, parseVnd } from "~/i18n/parse";
import { CERT_KINDS } from "#db/vocabulary";

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const SKU_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/;

export const productName = z
  .string({ error: "product.error.name" })
  .trim()
  .transform((s) => s.replace(/\s+/g, " "))
  .pipe(z.string().min(3, { error: "product.error.name" }).max(200, { error: "product.error.name" }));

export const productUnit = z
  .string({ error: "product.error.unit" })
  .trim()
  .pipe(z.string().min(1, { error: "product.error.unit" }).max(40, { error: "product.error.unit" }));

export const money = z.preprocess(
  (v) => (typeof v === "string" || typeof v === "number" ? (parseVnd(v) ?? Number.NaN) : v),
  z.number({ error: "product.error.price" }).int({ error: "product.error.price" }).min(0, { error: "product.error.price" }),
);

export const wholeNumber = (error: "product.error.stock" | "product.error.weight", min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" ? (/^\s*\d{1,9}\s*$/.test(v) ? Number(v) : Number.NaN) : v),
    z.number({ error }).int({ error }).min(min, { error }).max(max, { error }),
  );

export const ProductSchema = z.object({
  name: productName,
  sku: z.preprocess(blank, z.string().trim().regex(SKU_PATTERN, { error: "product.error.sku" }).optional()),
  category: z.string({ error: "product.error.category" }).regex(/^[a-z0-9-]{1,60}$/, { error: "product.error.category" }),
  unit: productUnit,
  weightGrams: z.preprocess(blank, wholeNumber("product.error.weight", 1, 100_000).optional()),
  price: money,
  stock: wholeNumber("product.error.stock", 0, 10_000_000),
  description: z.string().trim().max(5000, { error: "product.error.description" }).default(""),
  status: z.enum(["draft", "active"], { error: "product.error.status" }),
});

export type ProductInput = z.infer<typeof ProductSchema>;
export const PRODUCT_FIELDS = ["name", "sku", "category", "unit", "weightGrams", "price", "stock", "description", "status"] as const;

/** Quick price and stock edit from the product list. */
export const PriceStockSchema = z.object({ price: money, stock: wholeNumber("product.error.stock", 0, 10_000_000) });

const day = (error: "cert.error.issuedOn" | "cert.error.expiresOn") =>
  z.preprocess((v) => (typeof v === "string" ? (parseDay(v) ?? "") : v), z.string({ error }).regex(/^\d{4}-\d{2}-\d{2}$/, { error }));

export const CertificateSchema = z
  .object({
    kind: z.enum(CERT_KINDS, { error: "cert.error.kind" }),
    stars: z.preprocess(blank, z.coerce.number({ error: "cert.error.stars" }).int({ error: "cert.error.stars" }).min(3, { error: "cert.error.stars" }).max(5, { error: "cert.error.stars" }).optional()),
    number: z.string({ error: "cert.error.number" }).trim().min(2, { error: "cert.error.number" }).max(80, { error: "cert.error.number" }),
    issuer: z.string({ error: "cert.error.issuer" }).trim().min(2, { error: "cert.error.issuer" }).max(150, { error: "cert.error.issuer" }),
    issuedOn: day("cert.error.issuedOn"),
    /** Optional for OCOP: 36 months from the decision. */
    expiresOn: z.preprocess(blank, day("cert.error.expiresOn").optional()),
    issueProvince: z.preprocess(blank, z.string().regex(/^[a-z0-9-]{1,40}$/, { error: "cert.error.province" }).optional()),
  })
  .superRefine((c, ctx) => {
    if (c.kind === "ocop" && c.stars === undefined) ctx.addIssue({ code: "custom", path: ["stars"], message: "cert.error.stars" });
    if (c.kind !== "ocop" && c.stars !== undefined) ctx.addIssue({ code: "custom", path: ["stars"], message: "cert.error.starsNotOcop" });
    if (c.kind !== "ocop" && c.expiresOn === undefined) ctx.addIssue({ code: "custom", path: ["expiresOn"], message: "cert.error.expiresOn" });
    if (c.expiresOn !== undefined && c.expiresOn < c.issuedOn) ctx.addIssue({ code: "custom", path: ["expiresOn"], message: "cert.error.expiresBeforeIssued" });
  });

export type CertificateInput = z.infer<typeof CertificateSchema>;
export const CERTIFICATE_FIELDS = ["kind", "stars", "number", "issuer", "issuedOn", "expiresOn", "issueProvince"] as const;

/** OCOP certificates are valid 36 months. */
export const OCOP_VALIDITY_MONTHS = 36;
