import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireCsrf } from "~/auth/csrf.server";
import { requireVerifier } from "~/auth/scope-guards.server";
import { getImport } from "~/imports/imports.server";
import { answerImportDecision } from "~/imports/preview-action.server";
import { progressReporter } from "~/imports/progress.server";
import { runRegistryImport } from "~/registry/registry-import.server";
import { idParam, notFound } from "~/http/route-params.server";
import { ImportCounts, ImportDecision, ImportErrors, ImportHeader } from "~/components/import-report";
import { formatNumber, vietnamToday } from "~/i18n/format";
import { isDay } from "~/indicators/periods";
import { useAllT } from "~/i18n/use-all-t";
import sellerCss from "~/styles/seller-products.css?url";
import workspaceCss from "~/styles/workspace.css?url";
import { readForm } from "~/http/read-form.server";
import { pageTitle } from "~/i18n/titles";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: workspaceCss },
  { rel: "stylesheet", href: sellerCss },
];

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "registryCheck")];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { provinceId } = await requireVerifier(request);
  const record = getImport({ kind: "registry", provinceId }, idParam(params.importId));
  if (!record) throw notFound();
  return { record, today: vietnamToday() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, provinceId } = await requireVerifier(request);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const id = idParam(params.importId);
  const scope = { kind: "registry" as const, provinceId };
  const today = vietnamToday();
  const asked = String(form.get("hieu_luc") ?? "") || today;
  if (form.get("intent") !== "discard" && (!isDay(asked) || asked > today)) return { error: "registry.effectiveFromInvalid" as const };
  return answerImportDecision(form, { scope, importId: id, listUrl: "/can-bo/so-bo-ocop" }, (mode) =>
    runRegistryImport(scope, id, mode, progressReporter(user.id, form.get("progress")), asked),
  );
}

export default function RegistryPreview() {
  const { record, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useAllT();
  const { report } = record;
  const r = report.result;
  return (
    <>
      <ImportHeader record={record} back={{ to: "/can-bo/so-bo-ocop", label: "registry.title" }} error={result?.error} />
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
      <ImportCounts
        report={report}
        extra={[
          { label: "registry.count.new", count: "newProducers" },
          { label: "registry.count.known", count: "knownProducers" },
        ]}
      />
      <ImportDecision report={report} status={record.status} progressUrl="/can-bo/so-bo-ocop/tien-do" hint="registry.importHint">
        <label className="field">
          <span>{t("registry.effectiveFrom")}</span>
          <input type="date" name="hieu_luc" defaultValue={today} max={today} required />
          <span className="field-hint">{t("registry.effectiveFromHint")}</span>
        </label>
      </ImportDecision>
      <ImportErrors report={report} />
    </>
  );
}
