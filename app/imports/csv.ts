// Writing CSV that Excel opens in Vietnamese without garbling it: UTF-8 with a BOM, CRLF line
// ends, RFC 4180 quoting. A text cell that a spreadsheet would run as a formula (=, +, -, @)
// gets a leading apostrophe (app/formula-safe.ts), which the importer takes off again, so a round
// trip is exact.
import { formulaSafe } from "~/formula-safe";

const quote = (cell: string) => (/[",\r\n;]/.test(cell) || cell !== cell.trim() ? `"${cell.replace(/"/g, '""')}"` : cell);

export function toCsv(rows: (string | number | null)[][]): Buffer {
  const text = rows.map((r) => r.map((c) => (c === null ? "" : typeof c === "number" ? String(c) : quote(formulaSafe(c)))).join(",")).join("\r\n");
  return Buffer.from(`\uFEFF${text}\r\n`, "utf8");
}
