import { Form, Link } from "@remix-run/react";
import type { ImportRecord, ImportReport, PlanAction } from "~/imports/imports.server";
import { CsrfInput } from "~/components/csrf-input";
import { ProgressForm } from "~/components/progress-form";
import { formatDateTime, formatNumber } from "~/i18n/format";
import type { MessageKey } from "~/i18n/messages";
import { useAllT } from "~/i18n/use-all-t";

/** Every bad cell of an uploaded sheet: row, column, and what is wrong, in the reader's language. */
/** The top of an import's page: back to the import page, the file, when and where it stands, the action's refusal. */
export function ImportHeader({ record, back, error }: { record: Pick<ImportRecord, "filename" | "createdAt" | "status">; back: { to: string; label: MessageKey }; error?: MessageKey }) {
  const t = useAllT();
  return (
    <>
      <p>
        <Link to={back.to}>← {t(back.label)}</Link>
      </p>
      <h1>{record.filename}</h1>
      <p className="muted">
        {formatDateTime(record.createdAt)} · {t(`import.status.${record.status}`)}
      </p>
      {error ? (
        <p className="alert error" role="alert">
          {t(error)}
        </p>
      ) : null}
    </>
  );
}

export function ImportErrors({ report }: { report: ImportReport }) {
  const t = useAllT();
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

/** The sheet's row counts (rows, good, bad) followed by the import kind's own counts. */
export function ImportCounts({ report, extra }: { report: ImportReport; extra: { label: MessageKey; count: string }[] }) {
  const t = useAllT();
  const stats: [MessageKey, string][] = [
    ["import.count.rows", formatNumber(report.totalRows)],
    ["import.count.good", formatNumber(report.counts.goodRows ?? 0)],
    ["import.count.bad", formatNumber(report.badRows)],
    ...extra.map((e): [MessageKey, string] => [e.label, formatNumber(report.counts[e.count] ?? 0)]),
  ];
  return (
    <dl className="stat-grid import-counts">
      {stats.map(([label, value]) => (
        <div className="stat" key={label}>
          <dt>{t(label)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * What to do with a checked sheet: import only its good rows or all of them (all or nothing), with a
 * progress bar; or discard it. Shown only while the sheet waits for that decision.
 */
export function ImportDecision({
  report,
  status,
  progressUrl,
  hint,
  children,
}: {
  report: ImportReport;
  status: string;
  progressUrl: string;
  hint?: MessageKey;
  /** Fields sent with the import (the registry's effective date). */
  children?: React.ReactNode;
}) {
  const t = useAllT();
  if (status !== "previewed") return null;
  const good = report.counts.goodRows ?? 0;
  return (
    <>
      {report.missingColumns.length === 0 ? (
        <div className="card section">
          <ProgressForm progressUrl={progressUrl} className="inline-actions">
            <CsrfInput />
            {children}
            {report.badRows > 0 ? (
              <button type="submit" name="intent" value="valid_only" className="button" disabled={good === 0}>
                {t("import.importGood", { count: formatNumber(good), bad: formatNumber(report.badRows) })}
              </button>
            ) : null}
            <button type="submit" name="intent" value="all" className={report.badRows > 0 ? "button secondary" : "button"} disabled={report.badRows === 0 && good === 0}>
              {report.badRows > 0 ? t("import.importAllOrNothing") : t("import.importAll", { count: formatNumber(good) })}
            </button>
          </ProgressForm>
          <p className="field-hint">{hint ? t(hint) : report.badRows > 0 ? t("import.modeHint") : t("import.oneTransaction")}</p>
        </div>
      ) : null}
      <Form method="post" className="discard-form">
        <CsrfInput />
        <button type="submit" name="intent" value="discard" className="link-button">
          {t("import.discard")}
        </button>
      </Form>
    </>
  );
}

const PLAN_LABEL = {
  create: "import.plan.create",
  update: "import.plan.update",
  unchanged: "import.plan.unchanged",
  sample: "import.plan.sample",
} as const satisfies Record<PlanAction, MessageKey>;

/** Row by row, what the import will do: create, update, leave alone, or skip (a template sample). */
export function ImportPlan({ report }: { report: ImportReport }) {
  const t = useAllT();
  const plan = report.plan ?? [];
  if (plan.length === 0) return null;
  const samples = report.counts.sampleRows ?? 0;
  return (
    <section className="section" aria-labelledby="plan-heading">
      <h2 id="plan-heading">{t("import.plan.title")}</h2>
      {samples > 0 ? (
        <p className="alert info" role="note">
          {t("import.plan.samplesSkipped", { count: formatNumber(samples) })}
        </p>
      ) : null}
      {plan.length < (report.counts.goodRows ?? 0) + samples ? <p className="muted">{t("import.plan.truncated", { shown: formatNumber(plan.length) })}</p> : null}
      <div className="table-wrap">
        <table className="data stack-on-phone import-plan">
          <thead>
            <tr>
              <th scope="col">{t("import.col.row")}</th>
              <th scope="col">{t("import.plan.product")}</th>
              <th scope="col">{t("import.plan.action")}</th>
            </tr>
          </thead>
          <tbody>
            {plan.map((r) => (
              <tr key={r.line} className={`plan-${r.action}`}>
                <td data-label={t("import.col.row")}>{r.line}</td>
                <td data-label={t("import.plan.product")}>
                  {r.name || "—"}
                  {r.sku ? <span className="muted"> · {r.sku}</span> : null}
                </td>
                <td data-label={t("import.plan.action")}>
                  <span className={`badge ${r.action === "create" ? "ok" : r.action === "update" ? "waiting" : "muted-badge"}`}>{t(PLAN_LABEL[r.action])}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
