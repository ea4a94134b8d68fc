// Reading a delivery address from a form (checkout, account page): zod, then the province must be
// one of the 34 current units (a former, merged province or an unknown slug is refused).
import { fieldErrors, type FieldErrors } from "~/form-errors";
import { currentProvinceBySlug } from "~/places/provinces.server";
import type { AddressInput } from "./address-book.server";
import { AddressSchema } from "./forms";

export const ADDRESS_FIELDS = ["name", "phone", "province", "commune", "street"] as const;

export function readAddress(form: FormData): { ok: true; address: AddressInput } | { ok: false; errors: FieldErrors } {
  const fields = Object.fromEntries(ADDRESS_FIELDS.map((k) => [k, form.get(k) ?? undefined]));
  const parsed = AddressSchema.safeParse(fields);
  const province = typeof fields.province === "string" ? currentProvinceBySlug(fields.province) : null;
  if (!parsed.success || !province) {
    const errors: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error);
    if (!province) errors.province = "checkout.validation.province";
    return { ok: false, errors };
  }
  const { name, phone, commune, street } = parsed.data;
  return { ok: true, address: { name, phone, provinceId: province.id, commune, street } };
}
