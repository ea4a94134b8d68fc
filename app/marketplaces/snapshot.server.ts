// A product as a marketplace receives it: the listing snapshot (content, price, stock, category
// mapping, photos as square JPEG files) and the readiness input the rules check.
import { access, readFile, rename, writeFile } from "node:fs/promises";
import { createHash, randomBytes } from "node:crypto";
import { join } from "node:path";
import sharp from "sharp";
import type { ReadinessInput } from "~/catalog/readiness";
import { statement } from "~/db.server";
import { env } from "~/env.server";
import { vietnamToday } from "~/i18n/format";
import type { ProductStatus } from "#db/vocabulary";
import type { ListingSnapshot } from "./types";

export const sellerSku = (productId: number) => `OCOP-${productId}`;

type ProductRow = {
  id: number;
  producerId: number;
  producerName: string;
  name: string;
  description: string;
  price: number;
  stock: number;
  weightGrams: number | null;
  categoryId: number | null;
  status: ProductStatus;
  ocop3: string | null;
  ocop4: string | null;
  ocop5: string | null;
  hasOcop: number;
};

export type ProductState = {
  product: ProductRow;
  readinessInput: ReadinessInput;
  images: { storageKey: string; width: number; height: number }[];
  mapping: { externalId: string; name: string; attributes: Record<string, string> } | null;
};

export function loadProductState(productId: number, marketplaceId: number, today = vietnamToday()): ProductState | null {
  const product = statement<unknown[], ProductRow>(
    `SELECT p.id, p.producer_id AS producerId, pr.name AS producerName, p.name, p.description, p.price, p.stock,
       p.weight_grams AS weightGrams, p.category_id AS categoryId, p.status,
       p.ocop3_valid_until AS ocop3, p.ocop4_valid_until AS ocop4, p.ocop5_valid_until AS ocop5,
       EXISTS (SELECT 1 FROM certifications c WHERE c.product_id = p.id AND c.kind = 'ocop' AND c.review IS NULL) AS hasOcop
     FROM products p JOIN producers pr ON pr.id = p.producer_id WHERE p.id = ?`,
  ).get(productId);
  if (!product) return null;
  const images = statement<unknown[], (ProductState["images"])[number]>(
    `SELECT storage_key AS storageKey, width, height FROM product_images WHERE product_id = ? ORDER BY position, id`,
  ).all(productId);
  const map = statement<unknown[], { externalId: string; name: string; attributes: string }>(
    `SELECT external_category_id AS externalId, external_category_name AS name, attributes FROM marketplace_category_map
     WHERE marketplace_id = ? AND category_id = ?`,
  ).get(marketplaceId, product.categoryId);
  const stars = [5, 4, 3].find((s) => (product[`ocop${s}` as "ocop3"] ?? "") >= today) ?? null;
  return {
    product,
    images,
    mapping: map ? { externalId: map.externalId, name: map.name, attributes: JSON.parse(map.attributes) as Record<string, string> } : null,
    readinessInput: {
      name: product.name,
      description: product.description,
      weightGrams: product.weightGrams,
      price: product.price,
      stock: product.stock,
      categoryId: product.categoryId,
      images: images.map((i) => ({ width: i.width, height: i.height })),
      validOcopStars: stars,
      hasOcopCertificate: product.hasOcop === 1,
    },
  };
}

const exists = (path: string) => access(path).then(() => true, () => false);

const converting = new Map<string, Promise<string | null>>();

/**
 * The 1:1 variant as JPEG (marketplaces take JPEG/PNG, the store keeps WebP), made once per
 * photo: concurrent jobs for the same photo share one conversion, and the file appears
 * atomically (another process may be making it at the same time).
 */
export function squareJpeg(storageKey: string, mediaDir = env().MEDIA_DIR): Promise<string | null> {
  const jpeg = join(mediaDir, `${storageKey}-sq.jpg`);
  let pending = converting.get(jpeg);
  if (!pending) {
    pending = (async () => {
      if (await exists(jpeg)) return jpeg;
      const webp = join(mediaDir, `${storageKey}-sq.webp`);
      if (!(await exists(webp))) return null;
      const out = await sharp(await readFile(webp)).jpeg({ quality: 85 }).toBuffer();
      const tmp = `${jpeg}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
      await writeFile(tmp, out);
      await rename(tmp, jpeg);
      return jpeg;
    })().finally(() => converting.delete(jpeg));
    converting.set(jpeg, pending);
  }
  return pending;
}

export async function listingSnapshot(state: ProductState): Promise<ListingSnapshot> {
  const base = env().PUBLIC_URL.replace(/\/$/, "");
  const images: ListingSnapshot["images"] = [];
  for (const image of state.images) {
    const file = await squareJpeg(image.storageKey);
    if (file) images.push({ file, url: `${base}/media/${image.storageKey}-sq.jpg` });
  }
  const p = state.product;
  return {
    productId: p.id,
    sellerSku: sellerSku(p.id),
    name: p.name,
    description: p.description,
    price: p.price,
    stock: p.stock,
    weightGrams: p.weightGrams,
    category: state.mapping,
    images,
    ocopStars: state.readinessInput.validOcopStars,
    producerName: p.producerName,
  };
}

/** What a content update would change: a hash of everything but price and stock. */
export function contentHash(state: ProductState): string {
  const p = state.product;
  return createHash("sha256")
    .update(JSON.stringify([p.name, p.description, p.weightGrams, state.mapping, state.images.map((i) => i.storageKey)]))
    .digest("hex")
    .slice(0, 32);
}
