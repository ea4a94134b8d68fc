// The write step of an import, the one implementation of it: the kind's rows written and the import
// marked finished in ONE synchronous transaction, or nothing when the import was finished meanwhile
// (another tab) or a write failed. It runs in the import writer's thread (import-writer.worker.ts,
// on a connection of its own), so the web thread's event loop stays free while it runs.
import { db, type Tx } from "~/db.server";
import { finishImport, type ImportReport, type ImportScope } from "./imports.server";

export type Written = { importedRows: number; createdProducts: number; updatedProducts?: number };

/** What the web thread sends the writer: the rows checked, and the report the import is kept with. */
export type WriteJob<Row = unknown> = {
  /** Which kind's writer writes the rows (the tables' owners, called by the worker). */
  writer: { kind: "products" } | { kind: "registry"; effectiveFrom: string };
  scope: ImportScope;
  owner: number;
  importId: number;
  mode: "valid_only" | "all";
  rows: Row[];
  /** The import's report without its result: the result is added from what was written. */
  report: ImportReport;
};

export type WriteOutcome<R extends Written = Written> = { ok: true; result: R } | { ok: false; error: "import.error.done" };

class AlreadyFinished extends Error {}

/**
 * BEGIN IMMEDIATE: the write lock from the start (waiting up to busy_timeout for it). This connection is
 * not the web thread's, and a write committed there between this transaction's first read and its first
 * write would otherwise fail it (SQLITE_BUSY_SNAPSHOT) instead of waiting.
 */
export function writeImport<Row, R extends Written>(job: WriteJob<Row>, write: (tx: Tx) => R): WriteOutcome<R> {
  try {
    const result = db().transaction((tx) => {
      const written = write(tx);
      const finished = finishImport(tx, job.scope, job.importId, {
        status: "imported",
        mode: job.mode,
        report: { ...job.report, result: { ...written } },
        importedRows: written.importedRows,
        created: written.createdProducts,
        updated: written.updatedProducts,
      });
      if (!finished) throw new AlreadyFinished();
      return written;
    }, { behavior: "immediate" });
    return { ok: true, result };
  } catch (error) {
    if (error instanceof AlreadyFinished) return { ok: false, error: "import.error.done" };
    throw error;
  }
}
