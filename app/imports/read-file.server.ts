// Reads an uploaded spreadsheet (CSV or XLSX, told apart by its bytes) into text cells, finds
// the header row, and refuses what it cannot read with a reason the page can explain: an old
// .xls, a CSV not in UTF-8, a zip that really inflates beyond reason, too many rows or cells.
// The limits (import-limits.ts) are enforced while reading: an XLSX is first measured by inflating
// it (zip-check.server.ts) before anything opens it; then either kind is parsed row by row in a worker
// thread with a heap ceiling (sheet-reader.server.ts), off the event loop, and abandoned at the first
// row or cell over a cap.
import { matchHeaders, type Column } from "./columns";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, MAX_INFLATED_BYTES } from "./import-limits";
import { readRows, type SheetRow } from "./sheet-reader.server";
import { checkZip } from "./zip-check.server";

/** Rows above the header that may hold a title or a date. */
const HEADER_SEARCH_ROWS = 15;

export type { SheetRow };
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
  | "import.file.tooHeavy"
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
    const read = await readRows("xlsx", bytes, { headerRows: HEADER_SEARCH_ROWS });
    if (typeof read === "string") return { ok: false, problem: read };
    table = read;
  } else if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return { ok: false, problem: "import.file.xls" };
  } else {
    format = "csv";
    const read = await readRows("csv", bytes, { headerRows: HEADER_SEARCH_ROWS });
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
