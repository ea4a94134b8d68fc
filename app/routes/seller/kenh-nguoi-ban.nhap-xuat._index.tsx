import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireCsrf } from "~/auth/csrf.server";
import { requireProducer } from "~/auth/scope-guards.server";
import { recentImports } from "~/imports/imports.server";
import { previewProductImport } from "~/seller/import/product-import.server";
import { progressReporter } from "~/imports/progress.server";
import { MAX_IMPORT_BYTES } from "~/imports/import-limits";
import { readUploadForm } from "~/http/upload-form.server";
import { CsrfInput } from "~/components/csrf-input";
import { ImportHistory } from "~/components/import-history";
import { ProgressForm } from "~/components/progress-form";
import type { MessageKey } from "~/i18n/messages";
import { useAllT } from "~/i18n/use-all-t";
import { pageTitle } from "~/i18n/titles";
import { BoundedFileInput } from "~/components/bounded-file-input";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "importExport", "seller")];

export async function loader({ request }: LoaderFunctionArgs) {
  const { producerId } = await requireProducer(request);
  return { imports: recentImports({ kind: "products", producerId }) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, producerId } = await requireProducer(request);
  const upload = await readUploadForm(request, { maxFiles: 1, maxFileBytes: MAX_IMPORT_BYTES });
  if (!upload) throw data({ reason: "bad_request" as const }, { status: 400 });
  await requireCsrf(request, upload.form);
  const fail = (error: MessageKey) => data({ error }, { status: 400 });
  if (upload.refused.length > 0) return fail("import.file.tooLarge");
  const file = upload.files[0];
  if (!file) return fail("import.file.missing");
  const outcome = await previewProductImport(producerId, user.id, file, progressReporter(user.id, upload.form.get("progress")));
  if (!outcome.ok) return fail(outcome.problem);
  throw redirect(`/kenh-nguoi-ban/nhap-xuat/${outcome.importId}`);
}

const download = (what: "san-pham" | "mau", format: "csv" | "xlsx") => `/kenh-nguoi-ban/nhap-xuat/tai-ve?noi-dung=${what}&dinh-dang=${format}`;

export default function ImportExport() {
  const { imports } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useAllT();
  return (
    <>
      <h1>{t("import.title")}</h1>
      <section className="card section" aria-labelledby="export-heading">
        <h2 id="export-heading">{t("import.export")}</h2>
        <p className="field-hint">{t("import.exportHint")}</p>
        <p className="inline-actions">
          <a className="button secondary" href={download("san-pham", "xlsx")} download>
            {t("import.exportXlsx")}
          </a>
          <a className="button secondary" href={download("san-pham", "csv")} download>
            {t("import.exportCsv")}
          </a>
        </p>
      </section>
      <section className="card section" aria-labelledby="import-heading">
        <h2 id="import-heading">{t("import.upload")}</h2>
        <p className="field-hint">{t("import.uploadHint")}</p>
        <p className="inline-actions">
          <a href={download("mau", "xlsx")} download>
            {t("import.templateXlsx")}
          </a>
          <a href={download("mau", "csv")} download>
            {t("import.templateCsv")}
          </a>
        </p>
        {result?.error ? (
          <p className="alert error" role="alert">
            {t(result.error)}
          </p>
        ) : null}
        <ProgressForm progressUrl="/kenh-nguoi-ban/nhap-xuat/tien-do" encType="multipart/form-data" className="upload-form">
          <CsrfInput />
          <label htmlFor="import-file">{t("import.file")}</label>
          <BoundedFileInput id="import-file" name="file" accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required maxBytes={MAX_IMPORT_BYTES} message={t("import.file.tooLarge")} />
          <button type="submit" className="button">
            {t("import.check")}
          </button>
        </ProgressForm>
      </section>
      <ImportHistory imports={imports} base="/kenh-nguoi-ban/nhap-xuat" />
      <p>
        <Link to="/kenh-nguoi-ban/san-pham">← {t("seller.products")}</Link>
      </p>
    </>
  );
}
