import { Link } from "@remix-run/react";
import type { RankedRow } from "~/indicators/comparison.server";
import { formatNumber, formatPercent } from "~/i18n/format";
import { useAllT } from "~/i18n/use-all-t";
import { TableWrap } from "./table-wrap";

/** Rows ranked by gap to the listing target, furthest behind first. */
export function RankingTable({
  rows,
  labelHeader,
  caption,
  linkOf,
  testId,
}: {
  rows: (RankedRow & { slug?: string })[];
  labelHeader: string;
  caption: string;
  linkOf?: (row: RankedRow & { slug?: string }) => string;
  testId?: string;
}) {
  const t = useAllT();
  const withCashless = rows.some((r) => r.cashless);
  return (
    <TableWrap label={caption}>
      <table className="data stack-on-phone" data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{labelHeader}</th>
            <th scope="col" className="num">{t("ind.col.listed")}</th>
            <th scope="col" className="num">{t("ind.col.total")}</th>
            <th scope="col" className="num">{t("ind.col.share")}</th>
            <th scope="col" className="num">{t("ind.col.gap")}</th>
            <th scope="col" className="num">{t("ind.col.claimed")}</th>
            {withCashless ? <th scope="col" className="num">{t("ind.short.cashlessCount")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{linkOf ? <Link to={linkOf(r)}>{r.label || "—"}</Link> : r.label || "—"}</th>
              <td className="num" data-label={t("ind.col.listed")}>{formatNumber(r.listed.num)}</td>
              <td className="num" data-label={t("ind.col.total")}>{formatNumber(r.listed.den)}</td>
              <td className="num" data-label={t("ind.col.share")}>{formatPercent(r.listed.value)}</td>
              <td className="num" data-label={t("ind.col.gap")}>{r.gap === null ? "—" : `${r.gap >= 0 ? "+" : "−"}${formatNumber(Math.round(Math.abs(r.gap) * 10) / 10)}`}</td>
              <td className="num" data-label={t("ind.col.claimed")}>{formatPercent(r.onboarded.value)}</td>
              {withCashless ? <td className="num" data-label={t("ind.short.cashlessCount")}>{formatPercent(r.cashless?.value ?? null)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
