// Reads an uploaded spreadsheet (CSV or XLSX, told apart by its bytes) into text cells, finds
// the header row, and refuses what it cannot read with a reason the page can explain: an old
// .xls, a CSV not in UTF-8, a zip that really inflates beyond reason, too many rows or cells.
// The limits (import-limits.ts) are enforced while reading: a CSV is parsed as a stream, a slice at
// a time with other requests served in between, and abandoned at the first row or cell over a cap;
// an XLSX is measured by inflating it (zip-check.server.ts) before anything opens it.
import { parse } from "csv-parse";
import ExcelJS from "exceljs";
import { formatDay } from "~/i18n/format";
import { matchHeaders, type Column } from "./columns";
import { unguardFormula } from "~/formula-safe";
import { MAX_CELL_CHARS, MAX_IMPORT_BYTES, MAX_IMPORT_CELLS, MAX_IMPORT_ROWS, MAX_INFLATED_BYTES } from "./import-limits";
import { checkZip } from "./zip-check.server";

/** Rows above the header that may hold a title or a date. */
const HEADER_SEARCH_ROWS = 15;
/** Bytes of CSV decoded and parsed between two turns of the event loop. */
const CSV_SLICE_BYTES = 16 * 1024;

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
  | "import.file.tooMuchContent"
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
    const zip = await checkZip(bytes, MAX_INFLATED_BYTES);
    if (!zip.ok) return { ok: false, problem: zip.problem === "corrupt" ? "import.file.corrupt" : "import.file.tooMuchContent" };
    const read = await readXlsx(bytes);
    if (!read) return { ok: false, problem: "import.file.corrupt" };
    if (typeof read === "string") return { ok: false, problem: read };
    table = read;
  } else if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return { ok: false, problem: "import.file.xls" };
  } else {
    format = "csv";
    const read = await readCsv(bytes);
    if (typeof read === "string") return { ok: false, problem: read };
    table = read;
  }
  // The header is the first of the top rows that names at least two known columns (registries
  // often have a title and a date above it).
  for (const row of table.slice(0, HEADER_SEARCH_ROWS)) {
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

type TooMuch = "import.file.tooManyRows" | "import.file.tooMuchContent";

/** Counts what a reader keeps and says which cap a row passes, if any. */
function rowBudget() {
  let nonEmpty = 0;
  let cells = 0;
  return (row: string[]): TooMuch | null => {
    cells += row.length;
    if (row.some((c) => c.trim() !== "")) nonEmpty += 1;
    if (nonEmpty > MAX_IMPORT_ROWS + HEADER_SEARCH_ROWS) return "import.file.tooManyRows";
    if (cells > MAX_IMPORT_CELLS || row.some((c) => c.length > MAX_CELL_CHARS)) return "import.file.tooMuchContent";
    return null;
  };
}

type CsvProblem = TooMuch | "import.file.corrupt" | "import.file.encoding" | "import.file.unknown";

/** Decodes (UTF-8, strictly) and parses a slice at a time, giving other requests their turn in between. */
async function readCsv(bytes: Uint8Array): Promise<SheetRow[] | CsvProblem> {
  const decoder = new TextDecoder("utf-8", { fatal: true }); // drops a leading BOM
  let parser: ReturnType<typeof parse> | null = null;
  const rows: SheetRow[] = [];
  const over = rowBudget();
  let problem: CsvProblem | null = null;
  let finished: Promise<void> = Promise.resolve();
  const start = (firstText: string) => {
    const firstLine = firstText.slice(0, firstText.search(/\r?\n|$/));
    // Excel in a Vietnamese locale saves ";"-separated CSV (the comma is the decimal mark).
    const delimiter = [",", ";", "\t"].sort((a, b) => firstLine.split(b).length - firstLine.split(a).length)[0]!;
    const p = parse({ delimiter, relax_column_count: true, skip_empty_lines: false, relax_quotes: false, max_record_size: MAX_IMPORT_BYTES });
    p.on("data", (cells: string[]) => {
      if (problem) return;
      problem = over(cells);
      if (!problem) rows.push({ line: rows.length + 1, cells: cells.map(unguardFormula) });
    });
    finished = new Promise<void>((resolve) => {
      p.on("end", resolve);
      p.on("error", () => {
        problem ??= "import.file.corrupt";
        resolve();
      });
    });
    return p;
  };
  for (let at = 0; at < bytes.length && !problem; at += CSV_SLICE_BYTES) {
    let text: string;
    try {
      text = decoder.decode(bytes.subarray(at, at + CSV_SLICE_BYTES), { stream: at + CSV_SLICE_BYTES < bytes.length });
    } catch {
      problem = "import.file.encoding";
      break;
    }
    if (text.includes("\u0000")) {
      problem = "import.file.unknown";
      break;
    }
    parser ??= start(text);
    parser.write(text);
    await new Promise((resolve) => setImmediate(resolve)); // the other requests' turn
  }
  if (problem) parser?.destroy();
  else if (parser) {
    parser.end();
    await finished;
  }
  return problem ?? rows;
}

async function readXlsx(bytes: Uint8Array): Promise<SheetRow[] | TooMuch | null> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return null;
  const rows: SheetRow[] = [];
  const over = rowBudget();
  let problem: TooMuch | null = null;
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    if (problem) return;
    const values = row.values as unknown[];
    const cells: string[] = [];
    for (let i = 1; i < values.length; i++) cells.push(unguardFormula(cellText(values[i]))); // as the export wrote it
    problem = over(cells);
    if (!problem) rows.push({ line, cells });
  });
  return problem ?? rows;
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
