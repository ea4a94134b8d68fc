import type { Cell, Column, Table } from "~/indicators/tables";
import { formatNumber, formatPercent, formatVnd } from "~/i18n/format";
import { TableWrap } from "./table-wrap";

/** A cell as the page and the printed report show it: the same value the download holds as a number. */
export function formatCell(value: Cell, kind: Column["kind"]): string {
  if (value === null || value === "") return "—";
  if (typeof value === "string") return value;
  switch (kind) {
    case "share":
      return formatPercent(value);
    case "vnd":
      return formatVnd(value);
    case "points":
      return `${value > 0 ? "+" : value < 0 ? "−" : ""}${formatNumber(Math.abs(value))}`;
    case "int":
      return formatNumber(value);
    default:
      return String(value);
  }
}

/**
 * One of the download's tables as HTML (the printed report): the same headers, the same rows,
 * numbered. Numeric columns align right and never wrap; headers wrap between words.
 */
export function ReportTable({ table, testId, numbered = true }: { table: Table; testId?: string; numbered?: boolean }) {
  return (
    <TableWrap label={table.title}>
      <table className="data report-table stack-on-phone" data-testid={testId}>
        <caption>{table.title}</caption>
        <thead>
          <tr>
            {numbered ? (
              <th scope="col" className="tt">
                TT
              </th>
            ) : null}
            {table.columns.map((c) => (
              <th key={c.header} scope="col" className={c.kind === "text" ? undefined : "num-head"}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={`${row[0]}-${i}`}>
              {numbered ? (
                <td className="tt" data-label="TT">
                  {i + 1}
                </td>
              ) : null}
              {row.map((v, j) =>
                j === 0 ? (
                  <th key={j} scope="row">
                    {formatCell(v, table.columns[j]!.kind)}
                  </th>
                ) : (
                  <td key={j} data-label={table.columns[j]!.header} className={table.columns[j]!.kind === "text" ? undefined : table.columns[j]!.kind === "figure" ? "num figure" : "num"}>
                    {formatCell(v, table.columns[j]!.kind)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
