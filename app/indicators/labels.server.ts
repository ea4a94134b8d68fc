import { statement } from "~/db.server";

export type Names = Record<string, string>;

/** Payment method names from the payment_methods table, in the visitor's language. */
export function paymentMethodNames(locale: "vi" | "en"): Names {
  const rows = statement<unknown[], { code: string; name: string; nameEn: string }>(`SELECT code, name, name_en AS nameEn FROM payment_methods`).all();
  return Object.fromEntries(rows.map((r) => [r.code, locale === "en" ? r.nameEn : r.name]));
}

export function marketplaceNames(): Names {
  const rows = statement<unknown[], { code: string; name: string }>(`SELECT code, name FROM marketplaces`).all();
  return Object.fromEntries(rows.map((r) => [r.code, r.name]));
}
