import { statement } from "~/db.server";
import { sortVietnamese } from "~/i18n/collate";

export type ProvinceOption = { id: number; slug: string; name: string; nameEn: string };

/** The 34 current provincial units, for pickers. */
export function currentProvinces(): ProvinceOption[] {
  return sortVietnamese(statement<[], ProvinceOption>(`SELECT id, slug, name, name_en AS nameEn FROM provinces WHERE is_current = 1`).all(), (p) => p.name);
}

export function currentProvinceBySlug(slug: string): ProvinceOption | null {
  return (
    statement<[slug: string], ProvinceOption>(`SELECT id, slug, name, name_en AS nameEn FROM provinces WHERE is_current = 1 AND slug = ?`).get(slug) ??
    null
  );
}

/** Current provinces with at least one public product, busiest first (then in Vietnamese order). */
export function provincesWithProducts(): (ProvinceOption & { products: number })[] {
  const rows = statement<[], ProvinceOption & { products: number }>(
    `SELECT pv.id, pv.slug, pv.name, pv.name_en AS nameEn, n.products
     FROM (SELECT province_id, count(*) AS products FROM products WHERE visible = 1 GROUP BY province_id) n
     JOIN provinces pv ON pv.id = n.province_id
     ORDER BY n.products DESC`,
  ).all();
  return sortVietnamese(rows, (p) => p.name).sort((a, b) => b.products - a.products);
}

export function provinceSlugById(id: number): string | null {
  return statement<[id: number], { slug: string }>(`SELECT slug FROM provinces WHERE id = ?`).get(id)?.slug ?? null;
}

/** "tỉnh Đồng Tháp", "thành phố Hà Nội", "TP Hồ Chí Minh": a current unit as an authority's name says it. */
export function provinceTitle(id: number): string | null {
  const row = statement<unknown[], { name: string; kind: string }>(`SELECT name, kind FROM provinces WHERE id = ?`).get(id);
  if (!row) return null;
  return row.name.startsWith("TP") ? row.name : `${row.kind === "city" ? "thành phố" : "tỉnh"} ${row.name}`;
}
