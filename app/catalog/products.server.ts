// The public catalogue. What shoppers may see is `products.visible = 1` (active, producer verified),
// kept by triggers along with the product's province and its OCOP validity per star level, so
// listing, counting and filtering read one table through its indexes (see the 0001 migration).
import { statement } from "~/db.server";
import { vietnamToday } from "~/i18n/format";
import type { OcopGroup } from "#db/vocabulary";
import { toImageRef, type ImageRef, type ImageRow } from "~/photos/media";
import { PAGE_SIZE, type ListFilters } from "./list-filters";
import { ocopBadgeStates } from "./ocop-badge.server";
import { toFtsQuery } from "./search-query";
import { catalogueVersion } from "./version.server";

export type ProductCard = {
  id: number;
  slug: string;
  name: string;
  price: number;
  unit: string;
  stock: number;
  ocopGroup: OcopGroup;
  stars: number | null;
  /** "awaiting": no registry entry backs these stars yet (the badge says "chờ đối chiếu"). */
  starsAwaiting: boolean;
  producerName: string;
  producerSlug: string;
  provinceName: string;
  image: ImageRef | null;
};

/** The star level a product holds today (null: no valid OCOP certificate). */
export const VALID_STARS = `CASE WHEN p.ocop5_valid_until >= @today THEN 5
  WHEN p.ocop4_valid_until >= @today THEN 4 WHEN p.ocop3_valid_until >= @today THEN 3 END`;

const STARS_AT_LEAST = { 3: "p.ocop3_valid_until", 4: "p.ocop4_valid_until", 5: "p.ocop5_valid_until" } as const;

const ORDER_BY = {
  newest: "p.created_at DESC, p.id DESC",
  price_asc: "p.price ASC, p.id DESC",
  price_desc: "p.price DESC, p.id DESC",
  relevance: "products_fts.rank, p.id DESC",
} as const;

type CardRow = Omit<ProductCard, "image" | "starsAwaiting">;

/** The cards for some product ids, in the order given, each with its first photo. */
export function productCards(ids: number[], today = vietnamToday()): ProductCard[] {
  if (ids.length === 0) return [];
  const json = JSON.stringify(ids);
  const rows = statement<unknown[], CardRow>(
    `SELECT p.id, p.slug, p.name, p.price, p.unit, p.stock, p.ocop_group AS ocopGroup, ${VALID_STARS} AS stars,
       pr.name AS producerName, pr.slug AS producerSlug, pv.name AS provinceName
     FROM json_each(@ids) j
     JOIN products p ON p.id = j.value
     JOIN producers pr ON pr.id = p.producer_id
     JOIN provinces pv ON pv.id = p.province_id
     ORDER BY j.key`,
  ).all({ ids: json, today });
  const images = statement<unknown[], ImageRow & { productId: number }>(
    `SELECT product_id AS productId, storage_key AS storageKey, widths, avif_ready AS avifReady, alt, width, height
     FROM product_images WHERE product_id IN (SELECT value FROM json_each(?))
     ORDER BY product_id, position, id`,
  ).all(json);
  const first = new Map<number, ImageRef>();
  for (const { productId, ...img } of images) {
    if (!first.has(productId)) first.set(productId, toImageRef(img));
  }
  const badges = ocopBadgeStates(rows.filter((r) => r.stars !== null).map((r) => r.id), today);
  return rows.map((r) => ({ ...r, starsAwaiting: badges.get(r.id) === "awaiting", image: first.get(r.id) ?? null }));
}

export type ProductPage = { items: ProductCard[]; total: number; page: number; pages: number };

export function listProducts(filters: ListFilters, provinceId: number | null, today = vietnamToday()): ProductPage {
  const fts = filters.q ? toFtsQuery(filters.q) : null;
  if (filters.q && !fts) return { items: [], total: 0, page: 1, pages: 1 };

  // Conditions besides visibility and the text match.
  const where: string[] = [];
  const params: Record<string, string | number> = { today };
  if (provinceId !== null) {
    where.push("p.province_id = @province");
    params.province = provinceId;
  }
  if (filters.group) {
    where.push("p.ocop_group = @group");
    params.group = filters.group;
  }
  if (filters.stars) where.push(`${STARS_AT_LEAST[filters.stars as 3 | 4 | 5]} >= @today`);
  if (filters.cert) {
    where.push(`EXISTS (SELECT 1 FROM certifications c WHERE c.product_id = p.id AND c.kind = @cert
      AND c.expires_on >= @today)`);
    params.cert = filters.cert;
  }
  if (filters.min !== undefined) {
    where.push("p.price >= @min");
    params.min = filters.min;
  }
  if (filters.max !== undefined) {
    where.push("p.price <= @max");
    params.max = filters.max;
  }
  if (fts) params.fts = fts;

  // The search index holds only visible products, so a bare search counts inside it.
  const from = fts
    ? `FROM products_fts JOIN products p ON p.id = products_fts.rowid WHERE products_fts MATCH @fts`
    : `FROM products p WHERE p.visible = 1`;
  const conditions = where.map((w) => ` AND ${w}`).join("");
  const countSql =
    fts && where.length === 0
      ? `SELECT count(*) AS n FROM products_fts WHERE products_fts MATCH @fts`
      : `SELECT count(*) AS n ${from}${conditions}`;
  const { n: total } = statement<unknown[], { n: number }>(countSql).get(params)!;

  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(filters.page, pages);
  const offset = (page - 1) * PAGE_SIZE;
  const sort = fts ? (filters.sort ?? "relevance") : filters.sort === "relevance" || !filters.sort ? "newest" : filters.sort;
  const idsSql =
    fts && where.length === 0 && sort === "relevance"
      ? // FTS5 ranks and cuts the page itself when asked directly.
        `SELECT rowid AS id FROM products_fts WHERE products_fts MATCH @fts ORDER BY rank LIMIT ${PAGE_SIZE} OFFSET @offset`
      : `SELECT p.id ${from}${conditions} ORDER BY ${ORDER_BY[sort]} LIMIT ${PAGE_SIZE} OFFSET @offset`;
  const ids = (statement<unknown[], { id: number }>(idsSql).all({ ...params, offset })).map((r) => r.id);
  return { items: productCards(ids, today), total, page, pages };
}

const MAX_KEPT_PAGES = 500;
let kept = { version: "", pages: new Map<string, ProductPage>() };

/**
 * listProducts, kept while the catalogue version and Vietnam's date stand still (one indexed read tells):
 * the list and search pages of signed-in shoppers, which the page cache does not keep, no longer count and
 * read the same rows for every request (a fifth of such a page's server time). Up to 500 queries are kept.
 */
export function keptListPage(filters: ListFilters, provinceId: number | null): ProductPage {
  const today = vietnamToday();
  const version = `${catalogueVersion()} ${today}`;
  if (kept.version !== version) kept = { version, pages: new Map() };
  const key = JSON.stringify([filters, provinceId]);
  let page = kept.pages.get(key);
  if (!page) {
    if (kept.pages.size >= MAX_KEPT_PAGES) kept.pages.clear();
    page = listProducts(filters, provinceId, today);
    kept.pages.set(key, page);
  }
  return page;
}

/** Newest public products, optionally of one producer or from a star level up. */
export function latestProducts(
  opts: { limit: number; producerId?: number; minStars?: 3 | 4 | 5; excludeId?: number },
  today = vietnamToday(),
): ProductCard[] {
  const where = ["p.visible = 1"];
  const params: Record<string, string | number> = { today, limit: opts.limit };
  if (opts.producerId !== undefined) {
    where.push("p.producer_id = @producerId");
    params.producerId = opts.producerId;
  }
  if (opts.excludeId !== undefined) {
    where.push("p.id <> @excludeId");
    params.excludeId = opts.excludeId;
  }
  if (opts.minStars !== undefined) where.push(`${STARS_AT_LEAST[opts.minStars]} >= @today`);
  const ids = statement<unknown[], { id: number }>(
    `SELECT p.id FROM products p WHERE ${where.join(" AND ")} ORDER BY ${ORDER_BY.newest} LIMIT @limit`,
  ).all(params);
  return productCards(
    ids.map((r) => r.id),
    today,
  );
}
