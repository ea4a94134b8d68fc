// The drill-down an official calls from: valid OCOP products not live on any marketplace, with
// their producer's contact and what each still lacks (the marketplaces' readiness checklist).
import { statement } from "~/db.server";
import { vietnamToday } from "~/i18n/format";
import { readiness, type ReadinessCode } from "~/catalog/readiness";
import { MARKETPLACE_CODES, type MarketplaceCode, type OcopGroup, type ProducerKind } from "#db/vocabulary";
import { asOfDay, type Period } from "./periods";
import { registrySnapshots } from "./registry-cache.server";
import { compareVietnamese } from "~/i18n/collate";

export type UnlistedProduct = {
  productId: number;
  name: string;
  slug: string;
  visible: boolean;
  stars: 3 | 4 | 5;
  ocopGroup: OcopGroup;
  producerName: string;
  producerKind: ProducerKind;
  producerPhone: string;
  producerState: "not_joined" | "pending" | "verified";
  communeName: string | null;
  /** Each blocking problem (with its message values) and the marketplaces it blocks. */
  lacks: { code: ReadinessCode; params?: Record<string, number>; marketplaces: MarketplaceCode[] }[];
};

type Detail = {
  id: number;
  name: string;
  slug: string;
  description: string;
  weightGrams: number | null;
  price: number;
  stock: number;
  categoryId: number | null;
  producerStatus: string;
  images: string | null;
};

export function unlistedProducts(provinceId: number, period: Period, today = vietnamToday()): UnlistedProduct[] {
  const asOf = asOfDay(period, today);
  const [snapshot] = registrySnapshots(provinceId, [asOf]);
  const rows = snapshot!.rows.filter((r) => r.stars !== null && r.liveOn.length === 0);
  const details = new Map(
    (
      statement(
        `SELECT p.id, p.name, p.slug, p.description, p.weight_grams AS weightGrams, p.price, p.stock,
           p.category_id AS categoryId, pr.status AS producerStatus,
           (SELECT json_group_array(json_array(i.width, i.height)) FROM product_images i WHERE i.product_id = p.id) AS images
         FROM json_each(?) j JOIN products p ON p.id = j.value JOIN producers pr ON pr.id = p.producer_id`,
      ).all(JSON.stringify(rows.map((r) => r.productId))) as Detail[]
    ).map((d) => [d.id, d]),
  );
  return rows
    .map((r): UnlistedProduct => {
      const d = details.get(r.productId)!;
      const images = (JSON.parse(d.images ?? "[]") as [number, number][]).map(([width, height]) => ({ width, height }));
      const input = { ...d, images, validOcopStars: r.stars, hasOcopCertificate: true };
      const lacks = new Map<string, UnlistedProduct["lacks"][number]>();
      for (const m of MARKETPLACE_CODES) {
        for (const p of readiness(input, m)) {
          if (p.severity !== "blocker") continue;
          const key = `${p.code}${JSON.stringify(p.params ?? {})}`;
          const entry = lacks.get(key) ?? { code: p.code, params: p.params, marketplaces: [] };
          entry.marketplaces.push(m);
          lacks.set(key, entry);
        }
      }
      return {
        productId: r.productId,
        name: d.name,
        slug: d.slug,
        visible: r.visible,
        stars: r.stars!,
        ocopGroup: r.ocopGroup,
        producerName: r.producerName,
        producerKind: r.producerKind,
        producerPhone: r.producerPhone,
        producerState: d.producerStatus === "verified" ? "verified" : d.producerStatus === "pending" ? "pending" : "not_joined",
        communeName: r.communeName,
        lacks: [...lacks.values()],
      };
    })
    .sort((a, b) => compareVietnamese(a.producerName, b.producerName) || compareVietnamese(a.name, b.name));
}
