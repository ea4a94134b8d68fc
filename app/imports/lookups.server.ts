// Names a spreadsheet may use for provinces, categories and OCOP groups, matched without
// diacritics or case ("dong thap", "Tỉnh Đồng Tháp" and "ĐỒNG THÁP" are one province).
import { statement } from "~/db.server";
import { foldVietnamese } from "#db/fold";
import type { OcopGroup } from "#db/vocabulary";

export const nameKey = (s: string) =>
  foldVietnamese(s)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

export type ProvinceRef = { id: number; slug: string; name: string; kind: "city" | "province"; isCurrent: boolean; successorId: number };

/** All 63 provincial units by folded name ("tinh"/"thanh pho"/"tp" prefixes optional) and by slug. */
export function provinceLookup(): Map<string, ProvinceRef> {
  const rows = statement<[], Omit<ProvinceRef, "isCurrent"> & { isCurrent: number }>(
    `SELECT id, slug, name, kind, is_current AS isCurrent, successor_id AS successorId FROM provinces`,
  ).all();
  const map = new Map<string, ProvinceRef>();
  for (const r of rows) {
    const ref = { ...r, isCurrent: r.isCurrent === 1 };
    const base = nameKey(r.name).replace(/^(tp|thanh pho|tinh) /, "");
    for (const k of [base, `tinh ${base}`, `thanh pho ${base}`, `tp ${base}`, r.slug.replace(/-/g, " ")]) map.set(k, ref);
  }
  return map;
}

export type CategoryRef = { id: number; slug: string; name: string; ocopGroup: OcopGroup };

export function categoryLookup(): Map<string, CategoryRef> {
  const rows = statement<[], CategoryRef>(`SELECT id, slug, name, ocop_group AS ocopGroup FROM categories`).all();
  const map = new Map<string, CategoryRef>();
  for (const r of rows) {
    map.set(nameKey(r.name), r);
    map.set(r.slug.replace(/-/g, " "), r);
  }
  return map;
}

/** The six OCOP groups (Decision 148/QĐ-TTg) by the names registries use for them. */
const GROUP_NAMES: Record<OcopGroup, string[]> = {
  food: ["thuc pham", "nhom thuc pham"],
  beverage: ["do uong", "nhom do uong"],
  herbal: ["thao duoc", "duoc lieu", "nhom thao duoc"],
  textile: ["vai va may mac", "vai may mac", "vai", "det may"],
  souvenir: ["luu niem noi that trang tri", "luu niem", "thu cong my nghe", "luu niem noi that", "do luu niem"],
  tourism: ["dich vu du lich cong dong du lich sinh thai va diem du lich", "du lich", "dich vu du lich", "du lich cong dong", "du lich cong dong sinh thai"],
};

export function groupByName(text: string): OcopGroup | null {
  const key = nameKey(text);
  for (const [group, names] of Object.entries(GROUP_NAMES) as [OcopGroup, string[]][]) if (names.includes(key)) return group;
  return null;
}

/** "UBND tỉnh Đồng Tháp", "UBND thành phố Hà Nội": who recognises 3-4★ OCOP products. */
export const provinceCommittee = (p: Pick<ProvinceRef, "kind" | "name">) => `UBND ${p.kind === "city" ? "thành phố" : "tỉnh"} ${p.name}`;
