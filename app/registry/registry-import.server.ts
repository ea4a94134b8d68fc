// The province OCOP registry import (preview, then import), for an official of the province or an
// admin acting for one; the steps are the products import's (import-flow.server.ts).
import { statement } from "~/db.server";
import { vietnamToday } from "~/i18n/format";
import type { RegistryResult } from "./apply-registry.server";
import { REGISTRY_COLUMNS, type RegistryColumnKey } from "~/imports/columns";
import { previewImport, runImport, type ImportKind } from "~/imports/import-flow.server";
import type { ImportScope } from "~/imports/imports.server";
import { provinceLookup, type ProvinceRef } from "~/imports/lookups.server";
import type { ProgressReporter } from "~/imports/progress.server";
import { checkRegistryRows, type CheckedRegistry, type KnownProducer, type RegistryRow } from "./registry-rows.server";

function provinceRef(provinceId: number): ProvinceRef {
  const slug = statement<[provinceId: number], { slug: string }>(`SELECT slug FROM provinces WHERE id = ? AND is_current = 1`).get(provinceId)?.slug;
  if (!slug) throw new Error(`province ${provinceId} is not a current province`);
  return provinceLookup().get(slug.replace(/-/g, " "))!;
}

function knownProducers(): Map<string, KnownProducer> {
  return new Map(
    statement<[], KnownProducer & { taxCode: string }>(
      `SELECT pr.tax_code AS taxCode, pr.id, pr.province_id AS provinceId, pv.name AS provinceName
       FROM producers pr JOIN provinces pv ON pv.id = pr.province_id WHERE pr.tax_code IS NOT NULL`,
    )
      .all()
      .map(({ taxCode, ...p }) => [taxCode, p]),
  );
}

const REGISTRY_CHECK: Omit<ImportKind<RegistryColumnKey, RegistryRow, CheckedRegistry, RegistryResult>, "writer"> = {
  columns: REGISTRY_COLUMNS,
  check: (sheet, provinceId) => checkRegistryRows(sheet, { province: provinceRef(provinceId), known: knownProducers() }),
  counts: (c) => ({ newProducers: c.newProducers, knownProducers: c.knownProducers }),
};

const registryKind = (effectiveFrom: string): ImportKind<RegistryColumnKey, RegistryRow, CheckedRegistry, RegistryResult> => ({
  ...REGISTRY_CHECK,
  writer: { kind: "registry", effectiveFrom }, // applyRegistryRows, in the import writer's thread
});

export function previewRegistryImport(provinceId: number, userId: number, file: { filename: string; bytes: Uint8Array }, report: ProgressReporter = () => {}) {
  return previewImport(registryKind(vietnamToday()), { scope: { kind: "registry", provinceId }, owner: provinceId, provinceId }, userId, file, report);
}

/**
 * Imports a previewed registry. `effectiveFrom` is the council's decision date the registry is
 * valid from (default: today): its entries count from that day on, never in months before it.
 */
export function runRegistryImport(
  scope: Extract<ImportScope, { kind: "registry" }>,
  importId: number,
  mode: "valid_only" | "all",
  report: ProgressReporter = () => {},
  effectiveFrom: string = vietnamToday(),
) {
  return runImport(registryKind(effectiveFrom), scope, (record) => record.provinceId, importId, mode, report);
}

export type RegistrySummary = { entries: number; products: number; producers: number; unclaimedProducers: number; verifiedProducers: number };

/** The province's registry as imported so far: what the onboarding share is measured against. */
export function registrySummary(provinceId: number): RegistrySummary {
  return statement<[provinceId: number], RegistrySummary>(
    `SELECT count(*) AS entries, count(DISTINCT e.product_id) AS products, count(DISTINCT e.producer_id) AS producers,
       count(DISTINCT CASE WHEN pr.status = 'unclaimed' THEN e.producer_id END) AS unclaimedProducers,
       count(DISTINCT CASE WHEN pr.status = 'verified' THEN e.producer_id END) AS verifiedProducers
     FROM ocop_registry_entries e JOIN producers pr ON pr.id = e.producer_id WHERE e.province_id = ?`,
  ).get(provinceId)!;
}
