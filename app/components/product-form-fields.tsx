import type { CategoryOption } from "~/seller/categories.server";
import type { PRODUCT_FIELDS } from "~/seller/product-form";
import type { FieldErrors } from "~/form-errors";
import { useLocale } from "~/i18n/use-t";
import { useAllT } from "~/i18n/use-all-t";
import { OCOP_GROUPS } from "#db/vocabulary";
import { Field } from "./field";
import { SelectField, TextAreaField } from "./select-field";

export type ProductValues = Partial<Record<(typeof PRODUCT_FIELDS)[number], string | number | null>>;

const UNITS = ["kg", "hộp 200 g", "hộp 500 g", "túi 1 kg", "chai 500 ml", "chai 750 ml", "hũ 250 g", "gói 100 g", "bộ", "cái"];

/** The product's fields, shared by the "new" and "edit" pages. */
export function ProductFormFields({ values: v, errors: e, categories }: { values: ProductValues; errors: FieldErrors; categories: CategoryOption[] }) {
  const t = useAllT();
  const locale = useLocale();
  const s = (x: string | number | null | undefined) => (x === null || x === undefined ? "" : String(x));
  return (
    <>
      <Field name="name" label={t("seller.field.name")} defaultValue={s(v.name)} error={e.name} required maxLength={200} />
      <SelectField name="category" label={t("product.category")} value={s(v.category)} error={e.category} hint={t("seller.field.categoryHint")}>
        {OCOP_GROUPS.map((g) => (
          <optgroup key={g} label={t(`group.${g}`)}>
            {categories
              .filter((c) => c.ocopGroup === g)
              .map((c) => (
                <option key={c.slug} value={c.slug}>
                  {locale === "en" ? c.nameEn : c.name}
                </option>
              ))}
          </optgroup>
        ))}
      </SelectField>
      <div className="field-row">
        <Field name="price" label={t("seller.field.price")} inputMode="numeric" defaultValue={s(v.price)} error={e.price} hint={t("seller.field.priceHint")} required />
        <Field name="stock" label={t("seller.stock")} inputMode="numeric" defaultValue={s(v.stock ?? 0)} error={e.stock} required />
      </div>
      <div className="field-row">
        <Field name="unit" label={t("product.unit")} list="unit-options" defaultValue={s(v.unit)} error={e.unit} hint={t("seller.field.unitHint")} required />
        <Field name="weightGrams" label={t("seller.field.weight")} inputMode="numeric" defaultValue={s(v.weightGrams)} error={e.weightGrams} hint={t("seller.field.weightHint")} />
      </div>
      <datalist id="unit-options">
        {UNITS.map((u) => (
          <option key={u} value={u} />
        ))}
      </datalist>
      <TextAreaField name="description" label={t("product.description")} value={s(v.description)} error={e.description} rows={6} maxLength={5000} hint={t("seller.field.descriptionHint")} />
      <Field name="sku" label={t("seller.field.sku")} defaultValue={s(v.sku)} error={e.sku} hint={t("seller.field.skuHint")} maxLength={40} autoComplete="off" />
      <fieldset className="field">
        <legend>{t("seller.field.status")}</legend>
        {(["active", "draft"] as const).map((st) => (
          <label key={st} className="choice">
            <input type="radio" name="status" value={st} defaultChecked={(v.status ?? "active") === st} />
            {t(`seller.field.status.${st}`)}
          </label>
        ))}
        {e.status ? <p className="field-error">{t(e.status)}</p> : null}
      </fieldset>
    </>
  );
}
