// The readiness checklist's input, read from the database for one of the producer's products
// (app/catalog/readiness.ts holds the rules; the connector uses the same ones).
import { statement } from "~/db.server";
import { vietnamToday } from "~/i18n/format";
import { MARKETPLACE_CODES, type MarketplaceCode } from "#db/vocabulary";
import { VALID_STARS } from "~/catalog/products.server";
import { readiness, type ReadinessInput, type ReadinessProblem } from "~/catalog/readiness";

export function readinessInput(producerId: number, productId: number, today = vietnamToday()): ReadinessInput | null {
  const p = statement<
    [{ productId: number; producerId: number; today: string }],
    Omit<ReadinessInput, "images" | "hasOcopCertificate"> & { hasOcop: number }
  >(
    `SELECT p.name, p.description, p.weight_grams AS weightGrams, p.price, p.stock, p.category_id AS categoryId,
       ${VALID_STARS} AS validOcopStars,
       EXISTS (SELECT 1 FROM certifications c WHERE c.product_id = p.id AND c.kind = 'ocop' AND c.review IS NULL) AS hasOcop
     FROM products p WHERE p.id = @productId AND p.producer_id = @producerId`,
  ).get({ productId, producerId, today });
  if (!p) return null;
  const images = statement<[productId: number], { width: number; height: number }>(
    `SELECT width, height FROM product_images WHERE product_id = ? ORDER BY position, id`,
  ).all(productId);
  const { hasOcop, ...rest } = p;
  return { ...rest, images, hasOcopCertificate: hasOcop === 1 };
}

export type MarketplaceReadiness = { marketplace: MarketplaceCode; ready: boolean; problems: ReadinessProblem[] };

export function productReadiness(input: ReadinessInput): MarketplaceReadiness[] {
  return MARKETPLACE_CODES.map((marketplace) => {
    const problems = readiness(input, marketplace);
    return { marketplace, ready: problems.every((x) => x.severity !== "blocker"), problems };
  });
}
