// The fields of a delivery address (name, phone, province, commune, street), each labelled with its
// error next to it. `prefix` keeps ids unique when a page holds several (the account's address book).
import type { MessageKey } from "~/i18n/messages";
import { useAnyT, useLocale } from "~/i18n/use-t";
import { useOrderT } from "~/i18n/use-order-t";

export type ProvinceChoice = { slug: string; name: string; nameEn: string };
type Values = Partial<Record<"name" | "phone" | "province" | "commune" | "street", string>>;

export function AddressFields({
  prefix,
  provinces,
  values,
  errors = {},
  province,
  onProvince,
  only,
  optional = [],
}: {
  prefix: string;
  provinces: ProvinceChoice[];
  values: Values;
  errors?: Partial<Record<string, MessageKey>>;
  /** A controlled province (the checkout's live fee); otherwise the select keeps its own. */
  province?: string;
  onProvince?: (slug: string) => void;
  /** Some of the fields only (the cart's "Giao tới" asks no name or phone). */
  only?: readonly (keyof Values)[];
  optional?: readonly (keyof Values)[];
}) {
  const t = useOrderT();
  const tAny = useAnyT();
  const locale = useLocale();
  const shown = (k: keyof Values) => !only || only.includes(k);
  const described = (k: string) => (errors[k] ? `${prefix}-${k}-error` : undefined);
  const label = (k: keyof Values, text: string) => (optional.includes(k) ? `${text} (${t("cart.optional")})` : text);
  const error = (k: string) =>
    errors[k] ? (
      <p className="field-error" id={`${prefix}-${k}-error`} role="alert">
        {tAny(errors[k]!)}
      </p>
    ) : null;
  const input = (k: keyof Values, text: string, extra: Record<string, string> = {}) =>
    shown(k) ? (
      <div className="field">
        <label htmlFor={`${prefix}-${k}`}>{label(k, text)}</label>
        <input id={`${prefix}-${k}`} name={k} defaultValue={values[k] ?? ""} aria-invalid={errors[k] ? true : undefined} aria-describedby={described(k)} {...extra} />
        {error(k)}
      </div>
    ) : null;
  return (
    <>
      {input("name", t("checkout.name"), { autoComplete: "name" })}
      {input("phone", t("checkout.phone"), { type: "tel", inputMode: "tel", autoComplete: "tel" })}
      {shown("province") ? (
        <div className="field">
          <label htmlFor={`${prefix}-province`}>{t("checkout.province")}</label>
          <select
            id={`${prefix}-province`}
            name="province"
            {...(onProvince ? { value: province ?? "", onChange: (ev) => onProvince(ev.target.value) } : { defaultValue: values.province ?? "" })}
            aria-invalid={errors.province ? true : undefined}
            aria-describedby={described("province")}
          >
            <option value="">{t("auth.choose")}</option>
            {provinces.map((p) => (
              <option key={p.slug} value={p.slug}>
                {locale === "en" ? p.nameEn : p.name}
              </option>
            ))}
          </select>
          {error("province")}
        </div>
      ) : null}
      {input("commune", t("checkout.commune"), { autoComplete: "address-level3" })}
      {input("street", t("checkout.street"), { autoComplete: "address-line1" })}
    </>
  );
}
