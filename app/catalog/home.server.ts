import { statement } from "~/db.server";
import type { OcopGroup } from "#db/schema";
import { PUBLIC } from "./products.server";

export type CatalogueStats = { products: number; producers: number; groups: Record<OcopGroup, number> };

export function catalogueStats(): CatalogueStats {
  const rows = statement(
    `SELECT p.ocop_group AS ocopGroup, count(*) AS n, count(DISTINCT p.producer_id) AS producers
     FROM products p JOIN producers pr ON pr.id = p.producer_id WHERE ${PUBLIC} GROUP BY p.ocop_group`,
  ).all() as { ocopGroup: OcopGroup; n: number; producers: number }[];
  const { n: producers } = statement(
    `SELECT count(DISTINCT p.producer_id) AS n FROM products p JOIN producers pr ON pr.id = p.producer_id WHERE ${PUBLIC}`,
  ).get() as { n: number };
  const groups = { food: 0, beverage: 0, herbal: 0, textile: 0, souvenir: 0, tourism: 0 };
  for (const r of rows) groups[r.ocopGroup] = r.n;
  return { products: rows.reduce((s, r) => s + r.n, 0), producers, groups };
}
