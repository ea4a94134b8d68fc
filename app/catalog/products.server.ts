// The public catalogue: what shoppers may see is an active product of a verified producer.
import { statement } from "~/db.server";
import { vietnamToday } from "~/i18n/format";
import type { OcopGroup } from "#db/schema";
import { toImageRef, type ImageRef, type ImageRow } from "./media";
import { PAGE_SIZE, type ListFilters } from "./list-filters";
import { toFtsQuery } from "./search-query";

export type ProductCard = {
  id: number;
  slug: string;
  name: string;
  price: number;
  unit: string;
  stock: number;
  ocopGroup: OcopGroup;
  stars: number | null;
  producerName: string;
  producerSlug: string;
  provinceName: string;
  image: ImageRef | null;
};

export const PUBLIC = "p.status = 'active' AND pr.status = 'verified'";
const VALID_STARS = `(SELECT max(c.stars) FROM certifications c
   WHERE c.product_id = p.id AND c.kind = 'ocop' AND c.expires_on >= @today)`;

const CARD_COLUMNS = `p.id, p.slug, p.name, p.price, p.unit, p.stock, p.ocop_group AS ocopGroup,
  ${VALID_STARS} AS stars, pr.name AS producerName, pr.slug AS producerSlug, pv.name AS provinceName`;

const ORDER_BY = {
  relevance: "bm25(products_fts, 10.0, 1.0, 4.0), p.id DESC",
  newest: "p.created_at DESC, p.id DESC",
  price_asc: "p.price ASC, p.id DESC",
  price_desc: "p.price DESC, p.id DESC",
} as const;

type CardRow = Omit<ProductCard, "image">;

/** Attaches each product's first photo, in one query for the whole page. */
export function withFirstImages(rows: CardRow[]): ProductCard[] {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const images = statement(
    `SELECT product_id AS productId, storage_key AS storageKey, widths, avif_ready AS avifReady, alt, width, height
     FROM product_images WHERE product_id IN (SELECT value FROM json_each(?))
     ORDER BY product_id, position, id`,
  ).all(JSON.stringify(ids)) as (ImageRow & { productId: number })[];
  const first = new Map<number, ImageRef>();
  for (const { productId, ...img } of images) {
    if (!first.has(productId)) first.set(productId, toImageRef(img));
  }
  return rows.map((r) => ({ ...r, image: first.get(r.id) ?? null }));
}

export type ProductPage = { items: ProductCard[]; total: number; page: number; pages: number };

export function listProducts(filters: ListFilters, provinceId: number | null, today = vietnamToday()): ProductPage {
  const where = [PUBLIC];
  const params: Record<string, string | number> = { today };
  const fts = filters.q ? toFtsQuery(filters.q) : null;
  if (filters.q && !fts) return { items: [], total: 0, page: 1, pages: 1 };
  if (fts) {
    where.push("products_fts MATCH @fts");
    params.fts = fts;
  }
  if (provinceId !== null) {
    where.push("pr.province_id = @province");
    params.province = provinceId;
  }
  if (filters.group) {
    where.push("p.ocop_group = @group");
    params.group = filters.group;
  }
  if (filters.stars) {
    where.push(`EXISTS (SELECT 1 FROM certifications c WHERE c.product_id = p.id AND c.kind = 'ocop'
      AND c.stars >= @stars AND c.expires_on >= @today)`);
    params.stars = filters.stars;
  }
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
  const from = `FROM products p
    JOIN producers pr ON pr.id = p.producer_id
    JOIN provinces pv ON pv.id = pr.province_id
    ${fts ? "JOIN products_fts ON products_fts.rowid = p.id" : ""}
    WHERE ${where.join(" AND ")}`;

  const { n: total } = statement(`SELECT count(*) AS n ${from}`).get(params) as { n: number };
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(filters.page, pages);
  const sort = filters.sort === "relevance" && !fts ? "newest" : (filters.sort ?? (fts ? "relevance" : "newest"));
  const rows = statement(
    `SELECT ${CARD_COLUMNS} ${from} ORDER BY ${ORDER_BY[sort]} LIMIT ${PAGE_SIZE} OFFSET @offset`,
  ).all({ ...params, offset: (page - 1) * PAGE_SIZE }) as CardRow[];
  return { items: withFirstImages(rows), total, page, pages };
}

/** Cards for a fixed query shape: newest public products, optionally of one producer or star level. */
export function latestProducts(
  opts: { limit: number; producerId?: number; minStars?: number; excludeId?: number },
  today = vietnamToday(),
): ProductCard[] {
  const where = [PUBLIC];
  if (opts.producerId !== undefined) where.push("p.producer_id = @producerId");
  if (opts.excludeId !== undefined) where.push("p.id <> @excludeId");
  if (opts.minStars !== undefined) {
    where.push(`EXISTS (SELECT 1 FROM certifications c WHERE c.product_id = p.id AND c.kind = 'ocop'
      AND c.stars >= @minStars AND c.expires_on >= @today)`);
  }
  const rows = statement(
    `SELECT ${CARD_COLUMNS} FROM products p
     JOIN producers pr ON pr.id = p.producer_id
     JOIN provinces pv ON pv.id = pr.province_id
     WHERE ${where.join(" AND ")} ORDER BY ${ORDER_BY.newest} LIMIT @limit`,
  ).all({ today, ...opts }) as CardRow[];
  return withFirstImages(rows);
}
