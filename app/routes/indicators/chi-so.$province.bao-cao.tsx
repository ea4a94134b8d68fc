import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { requireCsrf } from "~/auth/csrf.server";
import { CsrfInput } from "~/components/csrf-input";
import { invalid, submitted } from "~/form-errors";
import { readForm } from "~/http/read-form.server";
import { mayNameOffice, reportOffice, saveReportOffice } from "~/indicators/report-office.server";
import { LineChart } from "~/components/charts/line-chart";
import { ReportTable } from "~/components/report-table";
import { formatDateTime, formatDay, vietnamToday } from "~/i18n/format";
import { translator } from "~/i18n/messages";
import { requireIndicatorScope } from "~/indicators/access.server";
import { provinceComparison, provinceRankings } from "~/indicators/comparison.server";
import { marketplaceNames, paymentMethodNames } from "~/indicators/labels.server";
import { overview } from "~/indicators/overview.server";
import { periodFromUrl } from "~/indicators/period-param.server";
import { asOfDay, isComplete, monthPeriod, periodLabel } from "~/indicators/periods";
import { overviewTables, rankingTable, reportFiguresTable } from "~/indicators/tables";
import { provinceTitle } from "~/places/provinces.server";
import { OCOP_GROUPS } from "#db/vocabulary";

const TOP = 10;
/** The office that issues the report: the province's setting, named by its official (Sở Công Thương until then). */
const OfficeSchema = z.object({
  office: z.string({ error: "ind.report.officeError" }).trim().min(2, { error: "ind.report.officeError" }).max(120, { error: "ind.report.officeError" }),
});
/** The report is a document filed in Vietnamese, whatever the interface language. */
const vi = translator("vi");

/** A one-month report laid out for paper (A4): the figures, the trend, payments, who is furthest behind. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { province, user } = await requireIndicatorScope(request, params.province);
  const url = new URL(request.url);
  const today = vietnamToday();
  const { period: asked } = periodFromUrl(url, today);
  const last = asOfDay(asked, today);
  const month = asked.kind === "month" ? asked : monthPeriod(Number(last.slice(0, 4)), Number(last.slice(5, 7)));
  const o = overview(province?.id ?? null, month, today);
  const groups = Object.fromEntries(OCOP_GROUPS.map((g) => [g, vi(`group.${g}`)]));
  const figures = reportFiguresTable(o);
  const [, trend, byMarketplace, , , byMethod] = overviewTables(o, {
    methods: paymentMethodNames("vi"),
    marketplaces: marketplaceNames(),
    groups,
  });
  const rankings = province
    ? (() => {
        const r = provinceRankings(province.id, month, today);
        return [
          rankingTable("Xã phường", vi("ind.compare.communes"), "Xã, phường", r.communes),
          rankingTable("Chủ thể", `${TOP} chủ thể xa mục tiêu nhất`, "Chủ thể", r.producers.slice(0, TOP)),
        ];
      })()
    : [rankingTable("Tỉnh", vi("ind.compare.provinces"), "Tỉnh, thành phố", provinceComparison(month, today).rows)];
  const office = reportOffice(province?.id ?? null);
  return {
    name: province?.name ?? null,
    authority: province ? provinceTitle(province.id) : null,
    office: office.office,
    officeSaved: office.saved,
    mayNameOffice: mayNameOffice(user, province?.id ?? null),
    periodKey: month.key,
    month: periodLabel(month),
    from: month.from,
    to: month.to,
    asOf: o.asOf,
    complete: isComplete(month, today),
    chart: o.trend.map((p) => ({ month: p.month, listing: p.ocopListing.value, cashless: p.cashlessCount.value })),
    tables: { figures, trend, byMarketplace, byMethod, rankings },
    definitions: o.cards.map((c) => c.id),
    generated: today,
    stale: o.freshness.current ? null : { count: o.freshness.staleProvinceIds.length, time: o.freshness.computedAt },
  };
}

/** The province's official names the issuing office; it is kept for every later report. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { province, user } = await requireIndicatorScope(request, params.province);
  const form = await readForm(request);
  await requireCsrf(request, form);
  if (!mayNameOffice(user, province?.id ?? null)) throw data({ reason: "forbidden" as const }, { status: 403 });
  const values = submitted(form, ["office"], 120);
  const parsed = OfficeSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalid(parsed.error, { values });
  saveReportOffice(province!.id, parsed.data.office, user.id);
  const ky = new URL(request.url).searchParams.get("ky");
  throw redirect(`/chi-so/${province!.slug}/bao-cao?${ky ? `ky=${encodeURIComponent(ky)}&` : ""}da-luu=1`);
}

export default function MonthlyReport() {
  const r = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const t = vi;
  const months = r.chart.map((p) => `${p.month.slice(5)}/${p.month.slice(2, 4)}`);
  const [year, mm, dd] = r.generated.split("-");
  return (
    <article className="report" lang="vi">
      <div className="no-print report-tools">
        <button type="button" className="button" onClick={() => window.print()}>
          {t("ind.report.print")}
        </button>
        {r.mayNameOffice ? (
          <Form method="post" action={`?ky=${r.periodKey}`} className="period-form" noValidate>
            <CsrfInput />
            <div className="field">
              <label htmlFor="office">{t("ind.report.office")}</label>
              <input
                id="office"
                name="office"
                defaultValue={result?.values.office ?? (r.officeSaved ? r.office : "")}
                placeholder={r.office}
                maxLength={120}
                aria-invalid={result?.errors.office ? true : undefined}
                aria-describedby={result?.errors.office ? "office-error" : "office-hint"}
              />
              {result?.errors.office ? (
                <span id="office-error" className="field-error">
                  {t(result.errors.office)}
                </span>
              ) : (
                <span id="office-hint" className="field-hint">
                  {t("ind.report.officeHint")}
                </span>
              )}
            </div>
            <button type="submit" className="button secondary">
              {t("ind.report.officeSave")}
            </button>
          </Form>
        ) : null}
        {search.get("da-luu") ? (
          <p className="alert success" role="status">
            {t("ind.report.officeSaved")}
          </p>
        ) : null}
      </div>
      <header className="report-head">
        <div className="report-office" data-testid="report-office">
          {r.authority ? <span>UBND {r.authority.toLocaleUpperCase("vi")}</span> : null}
          <strong>{r.office.toLocaleUpperCase("vi")}</strong>
        </div>
        <div className="report-motto">
          <strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong>
          <strong className="underlined">Độc lập - Tự do - Hạnh phúc</strong>
          <em>
            {r.name ?? "Hà Nội"}, ngày {dd} tháng {mm} năm {year}
          </em>
        </div>
      </header>
      <h2 className="report-title">
        BÁO CÁO
        <span>{t("ind.report.title", { month: r.month })}</span>
        <span>{r.name ? `${r.authority ?? r.name}` : t("ind.national")}</span>
      </h2>
      <p className="report-period" data-testid="report-period">
        {t("ind.report.period", { from: formatDay(r.from), to: formatDay(r.to), asOf: formatDay(r.asOf) })}
        {r.complete ? null : <strong> ({t("ind.period.runningMonth")})</strong>}
      </p>

      <h3>1. {t("ind.report.figures")}</h3>
      <ReportTable table={r.tables.figures} testId="report-figures" />

      <h3>2. {t("ind.trend")}</h3>
      <LineChart
        title={t("ind.trend")}
        labels={months}
        series={[
          { name: t("ind.ocop_listing_share"), values: r.chart.map((p) => p.listing), className: "s1" },
          { name: t("ind.cashless_rate_count"), values: r.chart.map((p) => p.cashless), className: "s2" },
        ]}
      />
      <p className="legend">
        <span className="k1">{t("ind.ocop_listing_share")}</span>
        <span className="k2">{t("ind.cashless_rate_count")}</span>
      </p>
      <ReportTable table={r.tables.trend} testId="report-trend" numbered={false} />

      <h3>3. {t("ind.byMarketplace")}</h3>
      <ReportTable table={r.tables.byMarketplace} />
      <h3>4. {t("ind.byMethod")}</h3>
      <ReportTable table={r.tables.byMethod} testId="report-methods" />

      {r.tables.rankings.map((table, i) => (
        <section key={table.sheet} className="report-section">
          <h3>
            {5 + i}. {table.title}
          </h3>
          <ReportTable table={table} testId={`report-ranking-${i}`} />
        </section>
      ))}

      <section className="report-section report-notes">
        <h3>{t("ind.report.definitions")}</h3>
        <dl>
          {r.definitions.map((id) => (
            <div key={id}>
              <dt>{t(`ind.${id}`)}</dt>
              <dd>{t(`ind.${id}.def`)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <footer className="report-signatures">
        <div>
          <strong>{t("ind.report.preparer")}</strong>
          <em>{t("ind.report.signHint")}</em>
        </div>
        <div>
          <strong>{t("ind.report.head")}</strong>
          <em>{t("ind.report.signSealHint")}</em>
        </div>
      </footer>
      <p className="muted report-source">{t("ind.report.generated", { day: formatDay(r.generated) })}</p>
      {r.stale ? <p className="muted report-source">{t("ind.stale", { count: r.stale.count, time: formatDateTime(r.stale.time) })}</p> : null}
    </article>
  );
}
