import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireCsrf } from "~/auth/csrf.server";
import { requireVerifier } from "~/auth/scope-guards.server";
import { recentImports } from "~/imports/imports.server";
import { progressReporter } from "~/imports/progress.server";
import { MAX_IMPORT_BYTES } from "~/imports/import-limits";
import { previewRegistryImport, registrySummary } from "~/registry/registry-import.server";
import { awaitingReconciliation } from "~/registry/reconciliation.server";
import { registryVersions } from "~/registry/registry-versions.server";
import { currentProvinceBySlug, currentProvinces } from "~/places/provinces.server";
import { readUploadForm } from "~/http/upload-form.server";
import { CsrfInput } from "~/components/csrf-input";
import { ImportHistory } from "~/components/import-history";
import { ProgressForm } from "~/components/progress-form";
import { SelectField } from "~/components/select-field";
import { formatNumber } from "~/i18n/format";
import type { MessageKey } from "~/i18n/messages";
import { useAllT } from "~/i18n/use-all-t";
import sellerCss from "~/styles/seller-products.css?url";
import workspaceCss from "~/styles/workspace.css?url";
import { pageTitle } from "~/i18n/titles";
import { BoundedFileInput } from "~/components/bounded-file-input";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: workspaceCss },
  { rel: "stylesheet", href: sellerCss },
];

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "registry")];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, provinceId } = await requireVerifier(request);
  return {
    provinceName: provinceId === null ? null : user.provinceName,
    summary: provinceId === null ? null : registrySummary(provinceId),
    provinces: provinceId === null ? currentProvinces() : [],
    imports: recentImports({ kind: "registry", provinceId }),
    versions: registryVersions(provinceId),
    awaiting: awaitingReconciliation(provinceId).length,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, provinceId } = await requireVerifier(request);
  const upload = await readUploadForm(request, { maxFiles: 1, maxFileBytes: MAX_IMPORT_BYTES });
  if (!upload) throw data({ reason: "bad_request" as const }, { status: 400 });
  await requireCsrf(request, upload.form);
  const fail = (error: MessageKey) => data({ error }, { status: 400 });
  // An official imports for their own province; an admin says which.
  const target = provinceId ?? currentProvinceBySlug(String(upload.form.get("province") ?? ""))?.id ?? null;
  if (target === null) return fail("validation.province");
  if (upload.refused.length > 0) return fail("import.file.tooLarge");
  const file = upload.files[0];
  if (!file) return fail("import.file.missing");
  const outcome = await previewRegistryImport(target, user.id, file, progressReporter(user.id, upload.form.get("progress")));
  if (!outcome.ok) return fail(outcome.problem);
  throw redirect(`/can-bo/so-bo-ocop/${outcome.importId}`);
}

export default function RegistryPage() {
  const { provinceName, summary, provinces, imports, versions, awaiting } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useAllT();
  return (
    <>
      <h1>{t("registry.title")}</h1>
      <p className="muted">{provinceName ? t("verify.scopeProvince", { province: provinceName }) : t("verify.scopeAll")}</p>
      {summary ? (
        <dl className="stat-grid">
          <div className="stat">
            <dt>{t("registry.summary.products")}</dt>
            <dd>{formatNumber(summary.products)}</dd>
          </div>
          <div className="stat">
            <dt>{t("registry.summary.producers")}</dt>
            <dd>{formatNumber(summary.producers)}</dd>
          </div>
          <div className="stat">
            <dt>{t("registry.summary.verified")}</dt>
            <dd>{formatNumber(summary.verifiedProducers)}</dd>
          </div>
          <div className="stat">
            <dt>{t("registry.summary.unclaimed")}</dt>
            <dd>{formatNumber(summary.unclaimedProducers)}</dd>
          </div>
        </dl>
      ) : null}
      {awaiting > 0 ? (
        <p className="alert info">
          <a href="/can-bo/doi-chieu">{t("reconcile.count", { count: formatNumber(awaiting) })}</a>
        </p>
      ) : null}
      <section className="card section" aria-labelledby="registry-upload">
        <h2 id="registry-upload">{t("registry.upload")}</h2>
        <p className="field-hint">{t("registry.uploadHint")}</p>
        <p className="inline-actions">
          <a href="/can-bo/so-bo-ocop/tai-ve?dinh-dang=xlsx" download>
            {t("import.templateXlsx")}
          </a>
          <a href="/can-bo/so-bo-ocop/tai-ve?dinh-dang=csv" download>
            {t("import.templateCsv")}
          </a>
        </p>
        {result?.error ? (
          <p className="alert error" role="alert">
            {t(result.error)}
          </p>
        ) : null}
        <ProgressForm progressUrl="/can-bo/so-bo-ocop/tien-do" encType="multipart/form-data" className="upload-form">
          <CsrfInput />
          {provinces.length > 0 ? (
            <SelectField name="province" label={t("auth.producerProvince")}>
              {provinces.map((p) => (
                <option key={p.slug} value={p.slug}>
                  {p.name}
                </option>
              ))}
            </SelectField>
          ) : null}
          <label htmlFor="registry-file">{t("import.file")}</label>
          <BoundedFileInput id="registry-file" name="file" accept=".xlsx,.csv" required maxBytes={MAX_IMPORT_BYTES} message={t("import.file.tooLarge")} />
          <button type="submit" className="button">
            {t("import.check")}
          </button>
        </ProgressForm>
      </section>
      <ImportHistory imports={imports} base="/can-bo/so-bo-ocop" versions={versions} />
    </>
  );
}
