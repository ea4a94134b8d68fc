// Writes indicator tables as XLSX (one sheet per table, numbers as numbers, shares formatted as
// percentages) or CSV (UTF-8 with a BOM so Excel reads the Vietnamese, shares in percent).
import ExcelJS from "exceljs";
import { safeCell } from "~/formula-safe";
import type { Table } from "./tables";

const FORMATS = { int: "#,##0", vnd: '#,##0 "₫"', share: "0.0%", points: "0.0" } as const;

export async function toXlsx(tables: Table[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "OCOP Connect";
  book.created = new Date();
  for (const table of tables) {
    const sheet = book.addWorksheet(table.sheet.slice(0, 31));
    sheet.addRow([table.title]).font = { bold: true, size: 13 };
    const header = sheet.addRow(table.columns.map((c) => c.header));
    header.font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map(safeCell)); // a producer's "=HYPERLINK(…)" stays text
    table.columns.forEach((c, i) => {
      const column = sheet.getColumn(i + 1);
      column.width = c.kind === "text" ? 36 : 16;
      if (c.kind !== "text") column.numFmt = FORMATS[c.kind];
    });
    sheet.views = [{ state: "frozen", ySplit: 2 }];
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

const csvCell = (v: string | number | null) => {
  if (v === null) return "";
  const s = String(safeCell(v));
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function toCsv(table: Table): string {
  const header = table.columns.map((c) => (c.kind === "share" ? `${c.header} (%)` : c.header));
  const rows = table.rows.map((row) =>
    row.map((v, i) => (table.columns[i]!.kind === "share" && typeof v === "number" ? Math.round(v * 1000) / 10 : v)),
  );
  return "\uFEFF" + [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
