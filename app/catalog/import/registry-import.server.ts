// The province OCOP registry import, end to end (preview, then import), for an official of the
// province or an admin acting for one. Same shape as the products import: the preview keeps the
// file, the import reads and checks it again and writes in one transaction.
import { db, statement } from "~/db.server";
import { applyRegistryRows, type RegistryResult } from "./apply-registry.server";
import { REGISTRY_COLUMNS } from "./columns";
import { finishImport, getImport, importFile, MAX_REPORTED_ERRORS, recordImport, type ImportReport, type ImportScope } from "./imports.server";
import { provinceLookup, type ProvinceRef } from "./lookups.server";
import { drive, type ProgressReporter } from "./progress.server";
import { readSpreadsheet, type FileProblem } from "./read-file.server";
import { checkRegistryRows, type CheckedRegistry, type KnownProducer } from "./registry-rows.server";

function provinceRef(provinceId: number): ProvinceRef {
  const slug = (statement(`SELECT slug FROM provinces WHERE id = ? AND is_current = 1`).get(provinceId) as { slug: string } | undefined)?.slug;
  if (!slug) throw new Error(`province ${provinceId} is not a current province`);
  return provinceLookup().get(slug.replace(/-/g, " "))!;
}

function knownProducers(): Map<string, KnownProducer> {
  return new Map(
    (
      statement(
        `SELECT pr.tax_code AS taxCode, pr.id, pr.province_id AS provinceId, pv.name AS provinceName
         FROM producers pr JOIN provinces pv ON pv.id = pr.province_id WHERE pr.tax_code IS NOT NULL`,
      ).all() as (KnownProducer & { taxCode: string })[]
    ).map(({ taxCode, ...p }) => [taxCode, p]),
  );
}

async function readAndCheck(bytes: Uint8Array, provinceId: number, report: ProgressReporter) {
  report({ phase: "reading", done: 0, total: 0 });
  const sheet = await readSpreadsheet(bytes, REGISTRY_COLUMNS);
  if (!sheet.ok) return sheet;
  if (sheet.missing.length > 0) return { ok: true as const, sheet, checked: null };
  const checked = await drive(checkRegistryRows(sheet, { province: provinceRef(provinceId), known: knownProducers() }), sheet.rows.length, report);
  return { ok: true as const, sheet, checked };
}

function toReport(rows: number, missingColumns: string[], checked: CheckedRegistry | null): ImportReport {
  return {
    totalRows: rows,
    badRows: checked ? checked.badLines.length : rows,
    errors: checked ? checked.errors.slice(0, MAX_REPORTED_ERRORS) : [],
    errorCount: checked?.errors.length ?? 0,
    missingColumns,
    counts: checked ? { goodRows: checked.rows.length, newProducers: checked.newProducers, knownProducers: checked.knownProducers } : {},
  };
}

export async function previewRegistryImport(
  provinceId: number,
  userId: number,
  file: { filename: string; bytes: Uint8Array },
  report: ProgressReporter = () => {},
): Promise<{ ok: true; importId: number } | { ok: false; problem: FileProblem }> {
  const read = await readAndCheck(file.bytes, provinceId, report);
  if (!read.ok) return read;
  const importId = recordImport({
    scope: { kind: "registry", provinceId },
    provinceId,
    userId,
    filename: file.filename,
    format: read.sheet.format,
    file: file.bytes,
    report: toReport(read.sheet.rows.length, read.sheet.missing, read.checked),
  });
  report({ phase: "done", done: read.sheet.rows.length, total: read.sheet.rows.length });
  return { ok: true, importId };
}

class AlreadyFinished extends Error {}

export async function runRegistryImport(
  scope: Extract<ImportScope, { kind: "registry" }>,
  importId: number,
  mode: "valid_only" | "all",
  report: ProgressReporter = () => {},
): Promise<{ ok: true; result: RegistryResult } | { ok: false; error: "not_found" | "import.error.done" | "import.error.hasErrors" | "import.error.missingColumns" | "import.error.unreadable" }> {
  const record = getImport(scope, importId);
  const bytes = importFile(scope, importId);
  if (!record || !bytes || record.provinceId === null) return { ok: false, error: "not_found" };
  if (record.status !== "previewed") return { ok: false, error: "import.error.done" };
  const provinceId = record.provinceId;
  const read = await readAndCheck(bytes, provinceId, report);
  if (!read.ok) return { ok: false, error: "import.error.unreadable" };
  if (!read.checked) return { ok: false, error: "import.error.missingColumns" };
  const checked = read.checked;
  if (mode === "all" && checked.errors.length > 0) return { ok: false, error: "import.error.hasErrors" };
  report({ phase: "writing", done: 0, total: checked.rows.length });
  try {
    const result = db().transaction((tx) => {
      const applied = applyRegistryRows(tx, provinceId, importId, checked.rows);
      const finished = finishImport(tx, scope, importId, {
        status: "imported",
        mode,
        report: { ...toReport(read.sheet.rows.length, [], checked), result: { ...applied } },
        importedRows: applied.importedRows,
        created: applied.createdProducts,
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

export type RegistrySummary = { entries: number; products: number; producers: number; unclaimedProducers: number; verifiedProducers: number };

/** The province's registry as imported so far: what the onboarding share is measured against. */
export function registrySummary(provinceId: number): RegistrySummary {
  return statement(
    `SELECT count(*) AS entries, count(DISTINCT e.product_id) AS products, count(DISTINCT e.producer_id) AS producers,
       count(DISTINCT CASE WHEN pr.status = 'unclaimed' THEN e.producer_id END) AS unclaimedProducers,
       count(DISTINCT CASE WHEN pr.status = 'verified' THEN e.producer_id END) AS verifiedProducers
     FROM ocop_registry_entries e JOIN producers pr ON pr.id = e.producer_id WHERE e.province_id = ?`,
  ).get(provinceId) as RegistrySummary;
}
