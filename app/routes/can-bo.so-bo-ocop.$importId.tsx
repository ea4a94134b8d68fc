import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireCsrf } from "~/auth/csrf.server";
import { requireVerifier } from "~/auth/scope-guards.server";
import { discardImport, getImport } from "~/catalog/import/imports.server";
import { progressReporter } from "~/catalog/import/progress.server";
import { runRegistryImport } from "~/catalog/import/registry-import.server";
import { idParam, notFound } from "~/catalog/route-params.server";
import { CsrfInput } from "~/components/csrf-input";
import { ImportErrors } from "~/components/import-report";
import { OfficialNav } from "~/components/official-nav";
import { ProgressForm } from "~/components/progress-form";
import { formatDateTime, formatNumber } from "~/i18n/format";
import type { MessageKey } from "~/i18n/messages";
import { useT } from "~/i18n/use-t";
import sellerCss from "~/styles/seller-products.css?url";
import workspaceCss from "~/styles/workspace.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: workspaceCss },
  { rel: "stylesheet", href: sellerCss },
];

export const meta: MetaFunction = () => [{ title: "Kiểm tra sổ bộ OCOP · OCOP Connect" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { provinceId } = await requireVerifier(request);
  const record = getImport({ kind: "registry", provinceId }, idParam(params.importId));
  if (!record) throw notFound();
  return { record };
}

const ActionSchema = z.object({ intent: z.enum(["valid_only", "all", "discard"]) });

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, provinceId } = await requireVerifier(request);
  const form = await request.formData();
  await requireCsrf(request, form);
  const id = idParam(params.importId);
  const scope = { kind: "registry" as const, provinceId };
  const parsed = ActionSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) throw data({ reason: "bad_request" as const }, { status: 400 });
  if (parsed.data.intent === "discard") {
    if (!discardImport(scope, id) && !getImport(scope, id)) throw notFound();
    throw redirect("/can-bo/so-bo-ocop");
  }
  const outcome = await runRegistryImport(scope, id, parsed.data.intent, progressReporter(user.id, form.get("progress")));
  if (!outcome.ok) {
    if (outcome.error === "not_found") throw notFound();
    return data({ error: outcome.error as MessageKey }, { status: 409 });
  }
  throw redirect(`/can-bo/so-bo-ocop/${id}`);
}

export default function RegistryPreview() {
  const { record } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const { report } = record;
  const n = (k: string) => formatNumber(report.counts[k] ?? 0);
  const r = report.result;
  return (
    <>
      <OfficialNav />
      <p>
        <Link to="/can-bo/so-bo-ocop">← {t("registry.title")}</Link>
      </p>
      <h1>{record.filename}</h1>
      <p className="muted">
        {formatDateTime(record.createdAt)} · {t(`import.status.${record.status}`)}
      </p>
      {result?.error ? (
        <p className="alert error" role="alert">
          {t(result.error)}
        </p>
      ) : null}
      {record.status === "imported" && r ? (
        <p className="alert success" role="status">
          {t("registry.done", {
            rows: formatNumber(r.importedRows ?? 0),
            producers: formatNumber(r.createdProducers ?? 0),
            products: formatNumber(r.createdProducts ?? 0),
            certificates: formatNumber(r.certificates ?? 0),
          })}
        </p>
      ) : null}
      <dl className="stat-grid">
        <div className="stat">
          <dt>{t("import.count.rows")}</dt>
          <dd>{formatNumber(report.totalRows)}</dd>
        </div>
        <div className="stat">
          <dt>{t("import.count.good")}</dt>
          <dd>{n("goodRows")}</dd>
        </div>
        <div className="stat">
          <dt>{t("import.count.bad")}</dt>
          <dd>{formatNumber(report.badRows)}</dd>
        </div>
        <div className="stat">
          <dt>{t("registry.count.new")}</dt>
          <dd>{n("newProducers")}</dd>
        </div>
        <div className="stat">
          <dt>{t("registry.count.known")}</dt>
          <dd>{n("knownProducers")}</dd>
        </div>
      </dl>
      {record.status === "previewed" && report.missingColumns.length === 0 ? (
        <div className="card section">
          <ProgressForm progressUrl="/can-bo/so-bo-ocop/tien-do" className="inline-actions">
            <CsrfInput />
            {report.badRows > 0 ? (
              <button type="submit" name="intent" value="valid_only" className="button" disabled={(report.counts.goodRows ?? 0) === 0}>
                {t("import.importGood", { count: n("goodRows"), bad: formatNumber(report.badRows) })}
              </button>
            ) : null}
            <button type="submit" name="intent" value="all" className={report.badRows > 0 ? "button secondary" : "button"}>
              {report.badRows > 0 ? t("import.importAllOrNothing") : t("import.importAll", { count: formatNumber(report.totalRows) })}
            </button>
          </ProgressForm>
          <p className="field-hint">{t("registry.importHint")}</p>
        </div>
      ) : null}
      {record.status === "previewed" ? (
        <Form method="post" className="discard-form">
          <CsrfInput />
          <button type="submit" name="intent" value="discard" className="link-button">
            {t("import.discard")}
          </button>
        </Form>
      ) : null}
      <ImportErrors report={report} />
    </>
  );
}
