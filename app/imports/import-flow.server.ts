// A sheet import's two steps, the same for every kind of sheet. Preview: read the file, check every
// row, keep the file and its report. Import: read and check the kept file again (so what is written is
// what is checked at that moment), then write the good rows, or every row or nothing, in one
// synchronous transaction, run in the import writer's thread (import-writer.server.ts) so the web
// thread's event loop stays free. What differs between the products sheet and the province registry is an
// `ImportKind`: its columns, its row checks, what its report counts and how it writes.
import type { Column } from "./columns";
import type { WriteJob, Written } from "./import-write.server";
import { writeInThread } from "./import-writer.server";
import { getImport, importFile, MAX_PLAN_ROWS, MAX_REPORTED_ERRORS, recordImport, type ImportReport, type ImportScope, type PlanRow } from "./imports.server";
import { drive, type ProgressReporter } from "./progress.server";
import { readSpreadsheet, type FileProblem, type ReadSheet } from "./read-file.server";
import type { RowError } from "./row-errors";

type CheckedRows<Row> = { rows: Row[]; errors: RowError[]; badLines: number[]; plan?: PlanRow[] };

export type ImportKind<K extends string, Row, Checked extends CheckedRows<Row>, Result extends Written> = {
  columns: readonly Column<K>[];
  /** Checks every row; `owner` is the producer (products) or the province (registry). */
  check(sheet: ReadSheet<K>, owner: number): Generator<number, Checked>;
  /** The report's counts beside the good rows ("newProducts", "knownProducers"…). */
  counts(checked: Checked): Record<string, number>;
  /** Which writer the import writer's thread runs for the good rows (import-writer.worker.ts). */
  writer: WriteJob["writer"];
  /** Only for the result's type: what `writer` returns. */
  readonly result?: Result;
};

export type PreviewOutcome = { ok: true; importId: number } | { ok: false; problem: FileProblem };
export type ImportOutcome<Result> =
  | { ok: true; result: Result }
  | { ok: false; error: "not_found" | "import.error.done" | "import.error.hasErrors" | "import.error.missingColumns" | "import.error.unreadable" };

async function readAndCheck<K extends string, Row, C extends CheckedRows<Row>, R extends Written>(
  kind: ImportKind<K, Row, C, R>,
  bytes: Uint8Array,
  owner: number,
  report: ProgressReporter,
) {
  report({ phase: "reading", done: 0, total: 0 });
  const sheet = await readSpreadsheet(bytes, kind.columns);
  if (!sheet.ok) return sheet;
  if (sheet.missing.length > 0) return { ok: true as const, sheet, checked: null };
  report({ phase: "checking", done: 0, total: sheet.rows.length }); // read: the checking begins
  const checked = await drive(kind.check(sheet, owner), sheet.rows.length, report);
  return { ok: true as const, sheet, checked };
}

function toReport<Row, C extends CheckedRows<Row>>(counts: (checked: C) => Record<string, number>, rows: number, missingColumns: string[], checked: C | null): ImportReport {
  return {
    totalRows: rows,
    badRows: checked ? checked.badLines.length : rows,
    errors: checked ? checked.errors.slice(0, MAX_REPORTED_ERRORS) : [],
    errorCount: checked?.errors.length ?? 0,
    missingColumns,
    counts: checked ? { goodRows: checked.rows.length, ...counts(checked) } : {},
    ...(checked?.plan ? { plan: checked.plan.slice(0, MAX_PLAN_ROWS) } : {}),
  };
}

/** Reads and checks an uploaded file and keeps it with its report, waiting for the user's decision. */
export async function previewImport<K extends string, Row, C extends CheckedRows<Row>, R extends Written>(
  kind: ImportKind<K, Row, C, R>,
  target: { scope: ImportScope; owner: number; provinceId?: number },
  userId: number,
  file: { filename: string; bytes: Uint8Array },
  report: ProgressReporter,
): Promise<PreviewOutcome> {
  const read = await readAndCheck(kind, file.bytes, target.owner, report);
  if (!read.ok) return read;
  const importId = recordImport({
    scope: target.scope,
    provinceId: target.provinceId,
    userId,
    filename: file.filename,
    format: read.sheet.format,
    file: file.bytes,
    report: toReport(kind.counts, read.sheet.rows.length, read.sheet.missing, read.checked),
  });
  report({ phase: "done", done: read.sheet.rows.length, total: read.sheet.rows.length });
  return { ok: true, importId };
}

/**
 * Imports a previewed file: "valid_only" writes the good rows, "all" writes every row or, when any
 * row is bad, nothing. One synchronous transaction either way, in the writer thread; a file imported or discarded meanwhile
 * (another tab) is refused.
 */
export async function runImport<K extends string, Row, C extends CheckedRows<Row>, R extends Written>(
  kind: ImportKind<K, Row, C, R>,
  scope: ImportScope,
  ownerOf: (record: NonNullable<ReturnType<typeof getImport>>) => number | null,
  importId: number,
  mode: "valid_only" | "all",
  report: ProgressReporter,
): Promise<ImportOutcome<R>> {
  const record = getImport(scope, importId);
  const bytes = importFile(scope, importId);
  const owner = record ? ownerOf(record) : null;
  if (!record || !bytes || owner === null) return { ok: false, error: "not_found" };
  if (record.status !== "previewed") return { ok: false, error: "import.error.done" };
  const read = await readAndCheck(kind, bytes, owner, report);
  if (!read.ok) return { ok: false, error: "import.error.unreadable" };
  if (!read.checked) return { ok: false, error: "import.error.missingColumns" };
  const checked = read.checked;
  if (mode === "all" && checked.errors.length > 0) return { ok: false, error: "import.error.hasErrors" };
  report({ phase: "writing", done: 0, total: checked.rows.length });
  const outcome = await writeInThread<Row, R>({
    writer: kind.writer,
    scope,
    owner,
    importId,
    mode,
    rows: checked.rows,
    report: toReport(kind.counts, read.sheet.rows.length, [], checked),
  });
  if (!outcome.ok) return outcome;
  report({ phase: "done", done: checked.rows.length, total: checked.rows.length });
  return outcome;
}
