// Writing CSV that Excel opens in Vietnamese without garbling it: UTF-8 with a BOM, CRLF line
// ends, RFC 4180 quoting. A text cell that a spreadsheet would run as a formula (=, +, -, @)
// gets a leading apostrophe, which the importer takes off again, so a round trip is exact.
const FORMULA_START = /^[=+\-@\t\r]/;

function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function unguardFormula(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

const quote = (cell: string) => (/[",\r\n;]/.test(cell) || cell !== cell.trim() ? `"${cell.replace(/"/g, '""')}"` : cell);

export function toCsv(rows: (string | number | null)[][]): Buffer {
  const text = rows.map((r) => r.map((c) => (c === null ? "" : typeof c === "number" ? String(c) : quote(guardFormula(c)))).join(",")).join("\r\n");
  return Buffer.from(`\uFEFF${text}\r\n`, "utf8");
}
