import type { Ratio } from "~/indicators/ratios";
import { formatNumber, formatPercent } from "~/i18n/format";
import { useAllT } from "~/i18n/use-all-t";
import { TableWrap } from "./table-wrap";

export type RatioRow = { key: string | number; label: string; ratio: Ratio; extra?: Ratio };

/** A breakdown as a table: label, numerator, denominator, share (and optionally a second share). */
export function RatioTable({
  caption,
  labelHeader,
  rows,
  numHeader,
  extraHeader,
  testId,
}: {
  caption: string;
  labelHeader: string;
  rows: RatioRow[];
  numHeader?: string;
  extraHeader?: string;
  testId?: string;
}) {
  const t = useAllT();
  return (
    <TableWrap label={caption}>
      <table className="data stack-on-phone" data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{labelHeader}</th>
            <th scope="col" className="num">
              {numHeader ?? t("ind.col.listed")}
            </th>
            <th scope="col" className="num">
              {t("ind.col.total")}
            </th>
            <th scope="col" className="num">
              {t("ind.col.share")}
            </th>
            {extraHeader ? (
              <th scope="col" className="num">
                {extraHeader}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td className="num" data-label={numHeader ?? t("ind.col.listed")}>{formatNumber(r.ratio.num)}</td>
              <td className="num" data-label={t("ind.col.total")}>{formatNumber(r.ratio.den)}</td>
              <td className="num" data-label={t("ind.col.share")}>{formatPercent(r.ratio.value)}</td>
              {extraHeader ? <td className="num" data-label={extraHeader}>{r.extra ? formatPercent(r.extra.value) : "—"}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
