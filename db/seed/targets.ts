// Provincial targets for the demo provinces, in basis points, from (invented) plan numbers.
import type { Reference } from "./model";
import { DEMO_PROVINCES } from "./places";
import { Rng } from "./random";

export const TARGETS = [
  { indicator: "ocop_listing_share", targetBp: 8000 },
  { indicator: "cashless_rate_count", targetBp: 5000 },
  { indicator: "cashless_rate_value", targetBp: 5000 },
  { indicator: "intermediary_share", targetBp: 8000 },
] as const;

export const TARGET_YEARS = [2025, 2026] as const;

export type TargetRow = { provinceId: number; indicator: string; year: number; targetBp: number; source: string; updatedAt: string };

export function buildTargets(ref: Reference): TargetRow[] {
  const rng = new Rng("targets");
  const rows: TargetRow[] = [];
  for (const { slug } of DEMO_PROVINCES) {
    const province = ref.provinces.get(slug)!;
    const authority = province.kind === "city" ? `UBND thành phố ${province.name}` : `UBND tỉnh ${province.name}`;
    for (const year of TARGET_YEARS) {
      const plan = `Kế hoạch số ${rng.int(12, 390)}/KH-UBND ngày ${rng.int(10, 28)}/${String(rng.int(1, 3)).padStart(2, "0")}/${year} của ${authority} về phát triển thương mại điện tử`;
      for (const t of TARGETS) rows.push({ provinceId: province.id, indicator: t.indicator, year, targetBp: t.targetBp, source: plan, updatedAt: `${year}-04-01T02:00:00.000Z` });
    }
  }
  return rows;
}
