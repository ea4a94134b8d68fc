import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { requireCsrf } from "~/auth/csrf.server";
import { requireProducer } from "~/auth/scope-guards.server";
import { BANKS } from "#db/reference/banks";
import { communeNames } from "~/places/communes.server";
import { getProducerProfile, missingForVerification, saveProducerProfile } from "~/seller/producer-profile.server";
import { PROFILE_FIELDS, ProfileSchema } from "~/seller/profile-form";
import { currentProvinces } from "~/places/provinces.server";
import { CsrfInput } from "~/components/csrf-input";
import { Field } from "~/components/field";
import { SelectField, TextAreaField } from "~/components/select-field";
import { invalid, submitted } from "~/form-errors";
import { formatNumber } from "~/i18n/format";
import { useLocale } from "~/i18n/use-t";
import { useAllT } from "~/i18n/use-all-t";
import { PRODUCER_KINDS } from "#db/vocabulary";
import { readForm } from "~/http/read-form.server";
import { pageTitle } from "~/i18n/titles";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "profile", "seller")];

export async function loader({ request }: LoaderFunctionArgs) {
  const { producerId } = await requireProducer(request);
  const profile = getProducerProfile(producerId);
  if (!profile) throw data({ reason: "not_found" as const }, { status: 404 });
  return {
    profile,
    missing: missingForVerification(profile),
    provinces: currentProvinces(),
    communes: communeNames(profile.provinceId),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { producerId } = await requireProducer(request);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const values = submitted(form, PROFILE_FIELDS, 2000);
  const parsed = ProfileSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, { values });
  const result = saveProducerProfile(producerId, parsed.data);
  if (!result.ok) return invalid({ [result.field]: result.error }, { values });
  throw redirect(`/kenh-nguoi-ban/ho-so?saved=${result.claimed ? "claim" : "1"}`);
}

export default function ProducerProfilePage() {
  const { profile, missing, provinces, communes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useAllT();
  const locale = useLocale();
  const busy = useNavigation().state === "submitting";
  const e = result?.errors ?? {};
  const v: Partial<Record<(typeof PROFILE_FIELDS)[number], string | null>> = result?.values ?? {
    ...profile,
    taxCode: profile.taxCode ?? profile.claims?.taxCode ?? "",
  };
  const locked = profile.status === "verified" || profile.status === "suspended";
  return (
    <>
      <h1>{t("profile.title")}</h1>
      {params.get("saved") ? (
        <p className="alert success" role="status">
          {t("profile.saved")}
        </p>
      ) : null}
      {profile.claims ? (
        <p className="alert info">
          {t("profile.claimPending", { name: profile.claims.name, count: formatNumber(profile.claims.products) })}
        </p>
      ) : null}
      {profile.status === "pending" ? (
        missing.length > 0 ? (
          <div className="alert info">
            <p>{t("profile.missingIntro")}</p>
            <ul>
              {missing.map((m) => (
                <li key={m}>{t(`profile.missing.${m}`)}</li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="alert info">{t("profile.readyForVerification")}</p>
        )
      ) : null}
      {e.form ? <p className="alert error" role="alert">{t(e.form)}</p> : null}
      <Form method="post" noValidate className="card form-grid">
        <CsrfInput />
        <fieldset>
          <legend>{t("profile.legal")}</legend>
          {locked ? <p className="field-hint">{t("profile.lockedHint")}</p> : null}
          <Field name="name" label={t("auth.producerName")} defaultValue={v.name ?? ""} error={e.name} readOnly={locked} required />
          {locked ? (
            <>
              <input type="hidden" name="kind" value={profile.kind} />
              <input type="hidden" name="province" value={profile.province} />
              <p>
                {t(`producer.kind.${profile.kind}`)} · {profile.provinceName}
              </p>
            </>
          ) : (
            <>
              <SelectField name="kind" label={t("auth.producerKind")} value={v.kind} error={e.kind}>
                {PRODUCER_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`producer.kind.${k}`)}
                  </option>
                ))}
              </SelectField>
              <SelectField name="province" label={t("auth.producerProvince")} value={v.province} error={e.province}>
                {provinces.map((p) => (
                  <option key={p.slug} value={p.slug}>
                    {locale === "en" ? p.nameEn : p.name}
                  </option>
                ))}
              </SelectField>
            </>
          )}
          <Field
            name="taxCode"
            label={t("profile.taxCode")}
            inputMode="numeric"
            defaultValue={v.taxCode ?? ""}
            error={e.taxCode}
            hint={t("profile.taxCodeHint")}
            readOnly={locked}
          />
        </fieldset>
        <fieldset>
          <legend>{t("profile.contact")}</legend>
          <Field
            name="commune"
            label={t("profile.commune")}
            list="commune-options"
            autoComplete="off"
            defaultValue={v.commune ?? ""}
            error={e.commune}
            hint={t("profile.communeHint")}
          />
          <datalist id="commune-options">
            {communes.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
          <Field name="address" label={t("profile.address")} autoComplete="street-address" defaultValue={v.address ?? ""} error={e.address} hint={t("profile.addressHint")} />
          <Field name="phone" label={t("auth.phone")} type="tel" inputMode="tel" autoComplete="tel" defaultValue={v.phone ?? ""} error={e.phone} required />
          <Field name="email" label={t("profile.contactEmail")} type="email" autoComplete="email" defaultValue={v.email ?? ""} error={e.email} />
          <TextAreaField name="description" label={t("profile.description")} value={v.description} error={e.description} maxLength={2000} />
        </fieldset>
        <fieldset>
          <legend>{t("profile.bank")}</legend>
          <p className="field-hint">{t("profile.bankHint")}</p>
          <SelectField name="bankBin" label={t("profile.bankName")} value={v.bankBin} error={e.bankBin}>
            {BANKS.map((b) => (
              <option key={b.bin} value={b.bin}>
                {b.name} ({b.bin})
              </option>
            ))}
          </SelectField>
          <Field name="bankAccountNumber" label={t("profile.bankAccountNumber")} inputMode="numeric" autoComplete="off" defaultValue={v.bankAccountNumber ?? ""} error={e.bankAccountNumber} />
          <Field name="bankAccountName" label={t("profile.bankAccountName")} autoComplete="off" defaultValue={v.bankAccountName ?? ""} error={e.bankAccountName} hint={t("profile.bankAccountNameHint")} />
        </fieldset>
        <button type="submit" className="button" disabled={busy}>
          {t("profile.save")}
        </button>
      </Form>
    </>
  );
}
