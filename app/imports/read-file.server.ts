// Reads an uploaded spreadsheet (CSV or XLSX, told apart by its bytes) into text cells, finds
// the header row, and refuses what it cannot read with a reason the page can explain: an old
// .xls, a CSV not in UTF-8, a zip that would inflate beyond reason, too many rows.
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { formatDay } from "~/i18n/format";
import { matchHeaders, type Column } from "./columns";
import { unguardFormula } from "~/formula-safe";

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
const MAX_IMPORT_ROWS = 20_000;
/** What an XLSX may inflate to: a 10 MB zip of 20,000 rows is far below this. */
const MAX_INFLATED_BYTES = 300 * 1024 * 1024;

export type SheetRow = { line: number; cells: string[] };
export type FileProblem =
  | "import.file.empty"
  | "import.file.tooLarge"
  | "import.file.xls"
  | "import.file.unknown"
  | "import.file.encoding"
  | "import.file.corrupt"
  | "import.file.noHeader"
  | "import.file.tooManyRows"
  | "import.file.noRows";

export type ReadSheet<K extends string> = {
  ok: true;
  format: "csv" | "xlsx";
  headerLine: number;
  headers: string[];
  /** column index → key of the columns recognised. */
  columns: Map<number, K>;
  /** Required columns the header lacks (by header text). */
  missing: string[];
  rows: SheetRow[];
};

export async function readSpreadsheet<K extends string>(
  bytes: Uint8Array,
  columns: readonly Column<K>[],
): Promise<ReadSheet<K> | { ok: false; problem: FileProblem }> {
  if (bytes.length === 0) return { ok: false, problem: "import.file.empty" };
  if (bytes.length > MAX_IMPORT_BYTES) return { ok: false, problem: "import.file.tooLarge" };
  let table: SheetRow[];
  let format: "csv" | "xlsx";
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    format = "xlsx";
    const inflated = zipInflatedSize(bytes);
    if (inflated === null) return { ok: false, problem: "import.file.corrupt" };
    if (inflated > MAX_INFLATED_BYTES) return { ok: false, problem: "import.file.tooLarge" };
    const read = await readXlsx(bytes);
    if (!read) return { ok: false, problem: "import.file.corrupt" };
    table = read;
  } else if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return { ok: false, problem: "import.file.xls" };
  } else {
    format = "csv";
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      return { ok: false, problem: "import.file.encoding" };
    }
    if (text.includes("\u0000")) return { ok: false, problem: "import.file.unknown" };
    const read = readCsv(text);
    if (!read) return { ok: false, problem: "import.file.corrupt" };
    table = read;
  }
  // The header is the first of the top rows that names at least two known columns (registries
  // often have a title and a date above it).
  for (const row of table.slice(0, 15)) {
    const found = matchHeaders(columns, row.cells);
    if (found.size < 2) continue;
    const keys = new Set(found.values());
    const rows = table.filter((r) => r.line > row.line && r.cells.some((c) => c.trim() !== ""));
    if (rows.length > MAX_IMPORT_ROWS) return { ok: false, problem: "import.file.tooManyRows" };
    if (rows.length === 0) return { ok: false, problem: "import.file.noRows" };
    return {
      ok: true,
      format,
      headerLine: row.line,
      headers: row.cells,
      columns: found,
      missing: columns.filter((c) => c.required && !keys.has(c.key)).map((c) => c.header),
      rows,
    };
  }
  return { ok: false, problem: "import.file.noHeader" };
}

function readCsv(text: string): SheetRow[] | null {
  const body = text.replace(/^\uFEFF/, "");
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  // Excel in a Vietnamese locale saves ";"-separated CSV (the comma is the decimal mark).
  const delimiter = [",", ";", "\t"].sort((a, b) => firstLine.split(b).length - firstLine.split(a).length)[0]!;
  try {
    const records = parse(body, { delimiter, relax_column_count: true, skip_empty_lines: false, relax_quotes: false }) as string[][];
    return records.map((cells, i) => ({ line: i + 1, cells: cells.map(unguardFormula) }));
  } catch {
    return null;
  }
}

async function readXlsx(bytes: Uint8Array): Promise<SheetRow[] | null> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return null;
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const values = row.values as unknown[];
    const cells: string[] = [];
    for (let i = 1; i < values.length; i++) cells.push(unguardFormula(cellText(values[i]))); // as the export wrote it
    rows.push({ line, cells });
  });
  return rows;
}

/** A cell as the text a person sees: numbers plainly, dates as dd/MM/yyyy, formulas by their result. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(6)));
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  // Excel dates are calendar dates; exceljs gives them as midnight UTC.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : formatDay(value.toISOString().slice(0, 10));
  if (typeof value === "object") {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (v.richText) return v.richText.map((r) => r.text).join("");
    if ("result" in v) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
    if (v.error) return "";
  }
  return String(value);
}

/**
 * The total uncompressed size a zip declares in its central directory, without inflating
 * anything; null when the directory cannot be read. ZIP64 archives count as too large.
 */
function zipInflatedSize(bytes: Uint8Array): number | null {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const from = Math.max(0, view.length - 22 - 65_535);
  let eocd = -1;
  for (let i = view.length - 22; i >= from; i--) {
    if (view.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = view.readUInt16LE(eocd + 10);
  let at = view.readUInt32LE(eocd + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > view.length || view.readUInt32LE(at) !== 0x02014b50) return null;
    const size = view.readUInt32LE(at + 24);
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY;
    total += size;
    at += 46 + view.readUInt16LE(at + 28) + view.readUInt16LE(at + 30) + view.readUInt16LE(at + 32);
  }
  return total;
}
