// Targets per province, indicator and year, in basis points (8000 = 80%). Where a province has
// none, the provincial plans' common targets apply: 80% of OCOP products on e-commerce, 50% of
// payments cashless, 80% of cashless payments through licensed intermediaries.
import { and, eq } from "drizzle-orm";
import { db, statement } from "~/db.server";
import { provinceTargets } from "#db/schema";
import type { Indicator } from "#db/vocabulary";

export const DEFAULT_TARGETS_BP: Partial<Record<Indicator, number>> = {
  ocop_listing_share: 8000,
  gap_listing_share: 8000,
  cashless_rate_count: 5000,
  cashless_rate_value: 5000,
  intermediary_share: 8000,
};

export type Target = { bp: number; source: string; isDefault: boolean };

export function targetsFor(provinceId: number | null, year: number): Partial<Record<Indicator, Target>> {
  const rows =
    provinceId === null
      ? []
      : (statement(`SELECT indicator, target_bp AS bp, source FROM province_targets WHERE province_id = ? AND year = ?`).all(
          provinceId,
          year,
        ) as { indicator: Indicator; bp: number; source: string }[]);
  const out: Partial<Record<Indicator, Target>> = {};
  for (const [indicator, bp] of Object.entries(DEFAULT_TARGETS_BP) as [Indicator, number][]) {
    out[indicator] = { bp, source: "", isDefault: true };
  }
  for (const r of rows) out[r.indicator] = { bp: r.bp, source: r.source, isDefault: false };
  return out;
}

export type TargetEntry = { indicator: Indicator; bp: number | null };

/** Sets (or clears, with null) a province's targets for a year, all in one transaction. */
export function setTargets(provinceId: number, year: number, entries: TargetEntry[], source: string): void {
  db().transaction((tx) => {
    for (const { indicator, bp } of entries) {
      const where = and(eq(provinceTargets.provinceId, provinceId), eq(provinceTargets.indicator, indicator), eq(provinceTargets.year, year));
      if (bp === null) {
        tx.delete(provinceTargets).where(where).run();
        continue;
      }
      tx.insert(provinceTargets)
        .values({ provinceId, indicator, year, targetBp: bp, source })
        .onConflictDoUpdate({
          target: [provinceTargets.provinceId, provinceTargets.indicator, provinceTargets.year],
          set: { targetBp: bp, source, updatedAt: new Date().toISOString() },
        })
        .run();
    }
  });
}
