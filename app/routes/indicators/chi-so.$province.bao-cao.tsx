import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { LineChart } from "~/components/charts/line-chart";
import { formatDay, formatNumber, formatPercent, vietnamToday } from "~/i18n/format";
import { useAllT } from "~/i18n/use-all-t";
import { requireIndicatorScope } from "~/indicators/access.server";
import { provinceComparison, provinceRankings } from "~/indicators/comparison.server";
import { overview } from "~/indicators/overview.server";
import { periodFromUrl } from "~/indicators/period-param.server";
import { monthPeriod, periodLabel } from "~/indicators/periods";
import { TableWrap } from "~/components/table-wrap";

const TOP = 10;

/** A one-month report laid out for paper: the figures, the trend, who is furthest behind. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { province } = await requireIndicatorScope(request, params.province);
  const { period: asked } = periodFromUrl(new URL(request.url));
  const month = asked.kind === "month" ? asked : monthPeriod(Number(asked.to.slice(0, 4)), Number(asked.to.slice(5, 7)));
  const o = overview(province?.id ?? null, month);
  const behind = province
    ? provinceRankings(province.id, month).producers.slice(0, TOP)
    : provinceComparison(month).rows.slice(0, TOP);
  return { name: province?.name ?? null, month: periodLabel(month), overview: o, behind, generated: vietnamToday() };
}

export default function MonthlyReport() {
  const { name, month, overview: o, behind, generated } = useLoaderData<typeof loader>();
  const t = useAllT();
  const months = o.trend.map((p) => `${p.month.slice(5)}/${p.month.slice(2, 4)}`);
  return (
    <article className="report">
      <h2>
        {t("ind.report.title", { month })} · {name ?? t("ind.national")}
      </h2>
      <p className="no-print">
        <button type="button" className="button" onClick={() => window.print()}>
          {t("ind.report.print")}
        </button>
      </p>
      <TableWrap label={t("ind.title")}>
        <table className="data" data-testid="report-figures">
          <thead>
            <tr>
              <th scope="col">{t("ind.title")}</th>
              <th scope="col" className="num">{t("ind.col.share")}</th>
              <th scope="col" className="num">{t("ind.col.listed")}</th>
              <th scope="col" className="num">{t("ind.col.gap")}</th>
            </tr>
          </thead>
          <tbody>
            {o.cards.map((c) => (
              <tr key={c.id}>
                <th scope="row">{t(`ind.${c.id}`)}</th>
                <td className="num">
                  {formatPercent(c.value.value)} ({formatNumber(c.value.num)}/{formatNumber(c.value.den)})
                </td>
                <td className="num">{c.target ? formatPercent(c.target.bp / 10_000) : "—"}</td>
                <td className="num">{c.gap === null ? "—" : `${c.gap >= 0 ? "+" : "−"}${formatNumber(Math.round(Math.abs(c.gap) * 10) / 10)}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <h3>{t("ind.trend")}</h3>
      <LineChart
        title={t("ind.trend.listing")}
        labels={months}
        series={[
          { name: t("ind.ocop_listing_share"), values: o.trend.map((p) => p.ocopListing.value), className: "s1" },
          { name: t("ind.cashless_rate_count"), values: o.trend.map((p) => p.cashlessCount.value), className: "s2" },
        ]}
      />
      <p className="legend">
        <span className="k1">{t("ind.ocop_listing_share")}</span>
        <span className="k2">{t("ind.cashless_rate_count")}</span>
      </p>
      <h3>{name ? t("ind.compare.producers") : t("ind.compare.provinces")}</h3>
      <ol>
        {behind.map((r) => (
          <li key={r.key}>
            {r.label}: {formatPercent(r.listed.value)} ({formatNumber(r.listed.num)}/{formatNumber(r.listed.den)})
          </li>
        ))}
      </ol>
      <p className="muted">{t("ind.report.generated", { day: formatDay(generated) })}</p>
    </article>
  );
}
