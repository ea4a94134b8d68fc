import type { ImportReport } from "~/catalog/import/imports.server";
import { formatNumber } from "~/i18n/format";
import { useT } from "~/i18n/use-t";

/** Every bad cell of an uploaded sheet: row, column, and what is wrong, in the reader's language. */
export function ImportErrors({ report }: { report: ImportReport }) {
  const t = useT();
  if (report.missingColumns.length > 0) {
    return (
      <p className="alert error" role="alert">
        {t("import.missingColumns", { columns: report.missingColumns.map((c) => `“${c}”`).join(", ") })}
      </p>
    );
  }
  if (report.errorCount === 0) return <p className="alert success">{t("import.noErrors")}</p>;
  return (
    <section aria-labelledby="errors-heading">
      <h2 id="errors-heading">
        {t("import.errorsTitle", { rows: formatNumber(report.badRows), errors: formatNumber(report.errorCount) })}
      </h2>
      {report.errorCount > report.errors.length ? <p className="muted">{t("import.errorsTruncated", { shown: formatNumber(report.errors.length) })}</p> : null}
      <div className="table-wrap">
        <table className="data stack-on-phone import-errors">
          <thead>
            <tr>
              <th scope="col">{t("import.col.row")}</th>
              <th scope="col">{t("import.col.column")}</th>
              <th scope="col">{t("import.col.problem")}</th>
            </tr>
          </thead>
          <tbody>
            {report.errors.map((e, i) => (
              <tr key={i}>
                <td data-label={t("import.col.row")}>{e.line}</td>
                <td data-label={t("import.col.column")}>{e.column}</td>
                <td data-label={t("import.col.problem")}>{t(e.message, e.params)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
