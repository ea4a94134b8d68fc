// The province's registry imports as versions: the council's decision date each is effective
// from, and what it did (entries added, changed, left as they were). Written by
// apply-registry.server.ts in the import's transaction; read here for the officials' pages.
import { statement } from "~/db.server";

export type RegistryVersion = { importId: number; effectiveFrom: string; added: number; changed: number; unchanged: number };

/** The versions of the province's registry (every province's for an admin), by import. */
export function registryVersions(provinceId: number | null): Record<number, RegistryVersion> {
  const rows = statement<unknown[], RegistryVersion>(
    `SELECT import_id AS importId, effective_from AS effectiveFrom, added, changed, unchanged
     FROM ocop_registry_versions WHERE ${provinceId === null ? "1 = 1" : "province_id = ?"} ORDER BY import_id DESC LIMIT 200`,
  ).all(...(provinceId === null ? [] : [provinceId]));
  return Object.fromEntries(rows.map((r) => [r.importId, r]));
}
