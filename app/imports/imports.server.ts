// The record of each uploaded spreadsheet, from preview to import. A products import belongs to
// one producer, a registry import to one province: every read is scoped to it.
import { and, desc, eq, isNull, type SQL } from "drizzle-orm";
import { db } from "~/db.server";
import { productImports } from "#db/schema";
import type { RowError } from "./row-errors";

export type ImportScope = { kind: "products"; producerId: number } | { kind: "registry"; provinceId: number | null };

export type ImportReport = {
  totalRows: number;
  badRows: number;
  /** Every bad cell (at most MAX_REPORTED_ERRORS); `errorCount` says how many in all. */
  errors: RowError[];
  errorCount: number;
  /** The file lacks required columns: nothing can be imported. */
  missingColumns: string[];
  counts: Record<string, number>;
  /** What the import will do, row by row (products sheet; at most MAX_PLAN_ROWS): create, update, leave alone, or skip a template sample. */
  plan?: PlanRow[];
  /** After the import. */
  result?: Record<string, number>;
};

export const MAX_REPORTED_ERRORS = 2000;
export const MAX_PLAN_ROWS = 500;

export type PlanAction = "create" | "update" | "unchanged" | "sample";
export type PlanRow = { line: number; action: PlanAction; sku: string; name: string };

function scopeWhere(scope: ImportScope): SQL {
  if (scope.kind === "products") return and(eq(productImports.kind, "products"), eq(productImports.producerId, scope.producerId))!;
  return scope.provinceId === null
    ? eq(productImports.kind, "registry")
    : and(eq(productImports.kind, "registry"), eq(productImports.provinceId, scope.provinceId))!;
}

export function recordImport(values: {
  scope: ImportScope;
  provinceId?: number;
  userId: number;
  filename: string;
  format: "csv" | "xlsx";
  file: Uint8Array;
  report: ImportReport;
}): number {
  const { scope, report } = values;
  return db()
    .insert(productImports)
    .values({
      kind: scope.kind,
      producerId: scope.kind === "products" ? scope.producerId : null,
      provinceId: scope.kind === "registry" ? (values.provinceId ?? scope.provinceId) : null,
      userId: values.userId,
      filename: values.filename.slice(0, 200),
      format: values.format,
      file: Buffer.from(values.file),
      rowCount: report.totalRows,
      badRowCount: report.badRows,
      report: JSON.stringify(report),
    })
    .returning({ id: productImports.id })
    .get().id;
}

export type ImportRecord = {
  id: number;
  provinceId: number | null;
  filename: string;
  format: "csv" | "xlsx";
  status: "previewed" | "imported" | "discarded";
  mode: "valid_only" | "all" | null;
  createdAt: string;
  finishedAt: string | null;
  report: ImportReport;
};

const columns = {
  id: productImports.id,
  provinceId: productImports.provinceId,
  filename: productImports.filename,
  format: productImports.format,
  status: productImports.status,
  mode: productImports.mode,
  createdAt: productImports.createdAt,
  finishedAt: productImports.finishedAt,
  report: productImports.report,
};

export function getImport(scope: ImportScope, id: number): ImportRecord | null {
  const row = db().select(columns).from(productImports).where(and(eq(productImports.id, id), scopeWhere(scope))).get();
  return row ? { ...row, report: JSON.parse(row.report) as ImportReport } : null;
}

export function importFile(scope: ImportScope, id: number): Buffer | null {
  return db().select({ file: productImports.file }).from(productImports).where(and(eq(productImports.id, id), scopeWhere(scope))).get()?.file ?? null;
}

export function recentImports(scope: ImportScope, limit = 10): Omit<ImportRecord, "report">[] {
  const { report: _r, ...rest } = columns;
  return db().select(rest).from(productImports).where(scopeWhere(scope)).orderBy(desc(productImports.id)).limit(limit).all();
}

/** Marks a previewed import as imported or discarded; false if it was not waiting (imported twice, another tab). */
export function finishImport(
  tx: Pick<ReturnType<typeof db>, "update">,
  scope: ImportScope,
  id: number,
  outcome: { status: "imported" | "discarded"; mode?: "valid_only" | "all"; report?: ImportReport; importedRows?: number; created?: number; updated?: number },
): boolean {
  return (
    tx
      .update(productImports)
      .set({
        status: outcome.status,
        mode: outcome.mode ?? null,
        ...(outcome.report ? { report: JSON.stringify(outcome.report) } : {}),
        importedRows: outcome.importedRows ?? null,
        createdProducts: outcome.created ?? null,
        updatedProducts: outcome.updated ?? null,
        finishedAt: new Date().toISOString(),
      })
      .where(and(eq(productImports.id, id), scopeWhere(scope), eq(productImports.status, "previewed"), isNull(productImports.finishedAt)))
      .run().changes === 1
  );
}

export function discardImport(scope: ImportScope, importId: number): boolean {
  return finishImport(db(), scope, importId, { status: "discarded" });
}
