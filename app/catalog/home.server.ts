import { statement } from "~/db.server";
import { provincesWithProducts } from "~/places/provinces.server";
import { latestProducts } from "./products.server";
import { whileCatalogueUnchanged } from "./version.server";
import type { OcopGroup } from "#db/vocabulary";

export type CatalogueStats = { products: number; producers: number; groups: Record<OcopGroup, number> };

/** Public products per OCOP group, and how many producers they come from. */
export function catalogueStats(): CatalogueStats {
  const rows = statement<unknown[], { ocopGroup: OcopGroup; n: number }>(
    `SELECT ocop_group AS ocopGroup, count(*) AS n FROM products WHERE visible = 1 GROUP BY ocop_group`,
  ).all();
  const { n: producers } = statement<unknown[], { n: number }>(
    `SELECT count(*) AS n FROM producers pr WHERE pr.status = 'verified'
       AND EXISTS (SELECT 1 FROM products p WHERE p.producer_id = pr.id AND p.visible = 1)`,
  ).get()!;
  const groups = { food: 0, beverage: 0, herbal: 0, textile: 0, souvenir: 0, tourism: 0 };
  for (const r of rows) groups[r.ocopGroup] = r.n;
  return { products: rows.reduce((s, r) => s + r.n, 0), producers, groups };
}

/**
 * What the home page shows. Counting every visible product by group and province was the
 * home page's largest cost under load (~60% of its server time at 20,000 products): computed
 * once per catalogue version.
 */
export const homeFacts = whileCatalogueUnchanged(() => ({
  stats: catalogueStats(),
  fiveStar: latestProducts({ limit: 8, minStars: 5 }),
  latest: latestProducts({ limit: 8 }),
  provinces: provincesWithProducts().slice(0, 12),
}));
