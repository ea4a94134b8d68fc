import { statement } from "~/db.server";
import { PUBLIC } from "./products.server";

export type ProvinceOption = { id: number; slug: string; name: string; nameEn: string };

/** The 34 current provincial units, for pickers. */
export function currentProvinces(): ProvinceOption[] {
  return statement(
    `SELECT id, slug, name, name_en AS nameEn FROM provinces WHERE is_current = 1 ORDER BY name COLLATE NOCASE`,
  ).all() as ProvinceOption[];
}

export function currentProvinceBySlug(slug: string): ProvinceOption | null {
  return (
    (statement(`SELECT id, slug, name, name_en AS nameEn FROM provinces WHERE is_current = 1 AND slug = ?`).get(
      slug,
    ) as ProvinceOption | undefined) ?? null
  );
}

/** Current provinces with at least one public product, busiest first. */
export function provincesWithProducts(): (ProvinceOption & { products: number })[] {
  return statement(
    `SELECT pv.id, pv.slug, pv.name, pv.name_en AS nameEn, count(*) AS products
     FROM products p JOIN producers pr ON pr.id = p.producer_id JOIN provinces pv ON pv.id = pr.province_id
     WHERE ${PUBLIC} GROUP BY pv.id ORDER BY products DESC, pv.name`,
  ).all() as (ProvinceOption & { products: number })[];
}
