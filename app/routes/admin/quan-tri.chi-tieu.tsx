import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { requireCsrf } from "~/auth/csrf.server";
import { requireRole } from "~/auth/guards.server";
import { currentProvinceBySlug, currentProvinces } from "~/places/provinces.server";
import { CsrfInput } from "~/components/csrf-input";
import { Field } from "~/components/field";
import { invalid, type FieldErrors } from "~/form-errors";
import { vietnamToday } from "~/i18n/format";
import { useLocale } from "~/i18n/use-t";
import { useAllT } from "~/i18n/use-all-t";
import { setTargets, targetsFor } from "~/indicators/targets.server";
import { INDICATORS } from "#db/vocabulary";
import { readForm } from "~/http/read-form.server";
import { pageTitle } from "~/i18n/titles";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "targets", "admin")];

/** "" (use the common target) or a percentage 0-100; "80,5" and "80.5" both read. */
const percent = z
  .string()
  .trim()
  .transform((s, ctx) => {
    if (s === "") return null;
    const n = Number(s.replace(",", "."));
    if (!Number.isFinite(n) || n < 0 || n > 100) {
      ctx.addIssue({ code: "custom", message: "ind.targets.invalid" });
      return z.NEVER;
    }
    return n;
  });

const TargetsForm = z.object({
  province: z.string().regex(/^[a-z0-9-]{1,40}$/),
  year: z.coerce.number().int().min(2020).max(2035),
  source: z.string().trim().max(200).default(""),
  ...Object.fromEntries(INDICATORS.map((i) => [i, percent])),
});

function scope(url: URL) {
  const province = currentProvinceBySlug(url.searchParams.get("tinh") ?? "") ?? currentProvinces()[0]!;
  const yearParam = Number(url.searchParams.get("nam"));
  const year = Number.isInteger(yearParam) && yearParam >= 2020 && yearParam <= 2035 ? yearParam : Number(vietnamToday().slice(0, 4));
  return { province, year };
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  const { province, year } = scope(new URL(request.url));
  return { provinces: currentProvinces(), province, year, targets: targetsFor(province.id, year) };
}

export async function action({ request }: ActionFunctionArgs) {
  await requireRole(request, ["admin"]);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const parsed = TargetsForm.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalid(parsed.error, {});
  const province = currentProvinceBySlug(parsed.data.province);
  if (!province) return invalid({ province: "validation.province" }, {});
  const values = parsed.data as unknown as Record<string, number | null>;
  setTargets(
    province.id,
    parsed.data.year,
    INDICATORS.map((indicator) => ({
      indicator,
      bp: values[indicator] === null ? null : Math.round(values[indicator]! * 100),
    })),
    parsed.data.source,
  );
  throw redirect(`/quan-tri/chi-tieu?tinh=${province.slug}&nam=${parsed.data.year}&saved=1`);
}

export default function TargetsAdmin() {
  const { provinces, province, year, targets } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useAllT();
  const locale = useLocale();
  const errors: FieldErrors = result?.errors ?? {};
  return (
    <div className="card" style={{ maxWidth: 720, margin: "1rem auto" }}>
      <h1>{t("ind.targets.title")}</h1>
      <Form method="get" className="period-form">
        <div className="field">
          <label htmlFor="tinh">{t("ind.col.province")}</label>
          <select id="tinh" name="tinh" defaultValue={province.slug}>
            {provinces.map((p) => (
              <option key={p.slug} value={p.slug}>
                {locale === "en" ? p.nameEn : p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="nam">{t("ind.targets.year")}</label>
          <input id="nam" name="nam" type="number" min={2020} max={2035} defaultValue={year} />
        </div>
        <button type="submit" className="button secondary">
          {t("ind.period.apply")}
        </button>
      </Form>
      {params.get("saved") ? (
        <p className="alert info" role="status">
          {t("ind.targets.saved")}
        </p>
      ) : null}
      <Form method="post" noValidate>
        <CsrfInput />
        <input type="hidden" name="province" value={province.slug} />
        <input type="hidden" name="year" value={year} />
        {INDICATORS.map((i) => {
          const target = targets[i];
          return (
            <Field
              key={`${province.slug}-${year}-${i}`}
              name={i}
              label={`${t(`ind.${i}`)} (%)`}
              inputMode="decimal"
              defaultValue={target && !target.isDefault ? String(target.bp / 100) : ""}
              placeholder={target?.isDefault ? String(target.bp / 100) : ""}
              error={errors[i]}
            />
          );
        })}
        <Field
          name="source"
          label={t("ind.targets.source")}
          defaultValue={Object.values(targets).find((x) => x && !x.isDefault)?.source ?? ""}
          error={errors.source}
        />
        <button type="submit" className="button">
          {t("ind.targets.save")}
        </button>
      </Form>
    </div>
  );
}
