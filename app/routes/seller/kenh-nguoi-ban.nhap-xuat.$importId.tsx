import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireCsrf } from "~/auth/csrf.server";
import { requireProducer } from "~/auth/scope-guards.server";
import { getImport } from "~/imports/imports.server";
import { answerImportDecision } from "~/imports/preview-action.server";
import { runProductImport } from "~/seller/import/product-import.server";
import { progressReporter } from "~/imports/progress.server";
import { idParam, notFound } from "~/http/route-params.server";
import { ImportCounts, ImportDecision, ImportErrors, ImportHeader, ImportPlan } from "~/components/import-report";
import { formatNumber } from "~/i18n/format";
import { useAllT } from "~/i18n/use-all-t";
import { readForm } from "~/http/read-form.server";
import { pageTitle } from "~/i18n/titles";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "importCheck", "seller")];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { producerId } = await requireProducer(request);
  const record = getImport({ kind: "products", producerId }, idParam(params.importId));
  if (!record) throw notFound();
  return { record };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, producerId } = await requireProducer(request);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const id = idParam(params.importId);
  const scope = { kind: "products" as const, producerId };
  return answerImportDecision(form, { scope, importId: id, listUrl: "/kenh-nguoi-ban/nhap-xuat" }, (mode) => runProductImport(producerId, id, mode, progressReporter(user.id, form.get("progress"))));
}

export default function ImportPreview() {
  const { record } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useAllT();
  const { report } = record;
  return (
    <>
      <ImportHeader record={record} back={{ to: "/kenh-nguoi-ban/nhap-xuat", label: "import.title" }} error={result?.error} />
      {record.status === "imported" && report.result ? (
        <p className="alert success" role="status">
          {t("import.done", {
            rows: formatNumber(report.result.importedRows ?? 0),
            created: formatNumber(report.result.createdProducts ?? 0),
            updated: formatNumber(report.result.updatedProducts ?? 0),
            certificates: formatNumber(report.result.certificates ?? 0),
          })}
        </p>
      ) : null}
      <ImportCounts
        report={report}
        extra={[
          { label: "import.count.new", count: "newProducts" },
          { label: "import.count.updated", count: "updatedProducts" },
          { label: "import.count.unchanged", count: "unchangedProducts" },
          { label: "import.count.samples", count: "sampleRows" },
        ]}
      />
      <ImportDecision report={report} status={record.status} progressUrl="/kenh-nguoi-ban/nhap-xuat/tien-do" />
      <ImportErrors report={report} />
      <ImportPlan report={report} />
    </>
  );
}
