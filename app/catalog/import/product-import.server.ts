// A producer's bulk import, end to end: upload → preview (every bad cell explained) → import of
// the good rows, or of every row or nothing, in one transaction. The preview keeps the file, and
// the import reads and checks it again, so what is written is what is checked at that moment.
import { eq } from "drizzle-orm";
import { db, statement } from "~/db.server";
import { products } from "#db/schema";
import { applyProductRows, type ApplyResult } from "./apply-products.server";
import { PRODUCT_COLUMNS } from "./columns";
import { finishImport, getImport, importFile, MAX_REPORTED_ERRORS, recordImport, type ImportReport, type ImportScope } from "./imports.server";
import { provinceLookup, type ProvinceRef } from "./lookups.server";
import { checkProductRows, type CheckedProducts } from "./product-rows.server";
import { drive, type ProgressReporter } from "./progress.server";
import { readSpreadsheet, type FileProblem } from "./read-file.server";

function context(producerId: number) {
  const existingSkus = new Map(
    db()
      .select({ sku: products.sku, id: products.id })
      .from(products)
      .where(eq(products.producerId, producerId))
      .all()
      .map((p) => [p.sku ?? "", p.id]),
  );
  const slug = (statement(`SELECT pv.slug FROM producers pr JOIN provinces pv ON pv.id = pr.province_id WHERE pr.id = ?`).get(producerId) as { slug: string })
    .slug;
  const producerProvince = provinceLookup().get(slug.replace(/-/g, " ")) as ProvinceRef;
  return { existingSkus, producerProvince };
}

async function readAndCheck(bytes: Uint8Array, producerId: number, report: ProgressReporter) {
  report({ phase: "reading", done: 0, total: 0 });
  const sheet = await readSpreadsheet(bytes, PRODUCT_COLUMNS);
  if (!sheet.ok) return sheet;
  if (sheet.missing.length > 0) return { ok: true as const, sheet, checked: null };
  const checked = await drive(checkProductRows(sheet, context(producerId)), sheet.rows.length, report);
  return { ok: true as const, sheet, checked };
}

function toReport(rows: number, missingColumns: string[], checked: CheckedProducts | null): ImportReport {
  return {
    totalRows: rows,
    badRows: checked ? checked.badLines.length : rows,
    errors: checked ? checked.errors.slice(0, MAX_REPORTED_ERRORS) : [],
    errorCount: checked?.errors.length ?? 0,
    missingColumns,
    counts: checked
      ? { goodRows: checked.rows.length, newProducts: checked.newProducts, updatedProducts: checked.updatedProducts, certificates: checked.certificates }
      : {},
  };
}

export type PreviewOutcome = { ok: true; importId: number } | { ok: false; problem: FileProblem };

export async function previewProductImport(
  producerId: number,
  userId: number,
  file: { filename: string; bytes: Uint8Array },
  report: ProgressReporter = () => {},
): Promise<PreviewOutcome> {
  const read = await readAndCheck(file.bytes, producerId, report);
  if (!read.ok) return read;
  const importId = recordImport({
    scope: { kind: "products", producerId },
    userId,
    filename: file.filename,
    format: read.sheet.format,
    file: file.bytes,
    report: toReport(read.sheet.rows.length, read.sheet.missing, read.checked),
  });
  report({ phase: "done", done: read.sheet.rows.length, total: read.sheet.rows.length });
  return { ok: true, importId };
}

export type ImportOutcome =
  | { ok: true; result: ApplyResult }
  | { ok: false; error: "not_found" | "import.error.done" | "import.error.hasErrors" | "import.error.missingColumns" | "import.error.unreadable" };

class AlreadyFinished extends Error {}

/**
 * Imports a previewed file: "valid_only" writes the good rows, "all" writes every row or, when
 * any row is bad, nothing. One synchronous transaction either way.
 */
export async function runProductImport(
  producerId: number,
  importId: number,
  mode: "valid_only" | "all",
  report: ProgressReporter = () => {},
): Promise<ImportOutcome> {
  const scope: ImportScope = { kind: "products", producerId };
  const record = getImport(scope, importId);
  const bytes = importFile(scope, importId);
  if (!record || !bytes) return { ok: false, error: "not_found" };
  if (record.status !== "previewed") return { ok: false, error: "import.error.done" };
  const read = await readAndCheck(bytes, producerId, report);
  if (!read.ok) return { ok: false, error: "import.error.unreadable" };
  if (!read.checked) return { ok: false, error: "import.error.missingColumns" };
  const checked = read.checked;
  if (mode === "all" && checked.errors.length > 0) return { ok: false, error: "import.error.hasErrors" };
  report({ phase: "writing", done: 0, total: checked.rows.length });
  try {
    const result = db().transaction((tx) => {
      const applied = applyProductRows(tx, producerId, checked.rows);
      const finalReport = { ...toReport(read.sheet.rows.length, [], checked), result: { ...applied } };
      const finished = finishImport(tx, scope, importId, {
        status: "imported",
        mode,
        report: finalReport,
        importedRows: applied.importedRows,
        created: applied.createdProducts,
        updated: applied.updatedProducts,
      });
      if (!finished) throw new AlreadyFinished();
      return applied;
    });
    report({ phase: "done", done: checked.rows.length, total: checked.rows.length });
    return { ok: true, result };
  } catch (error) {
    if (error instanceof AlreadyFinished) return { ok: false, error: "import.error.done" };
    throw error;
  }
}
