// A product's photos in the seller centre: upload (checked, processed, then recorded in one
// transaction and queued for AVIF), order, alt text, removal. Scoped to the member's producer;
// the rows are written by their owner, app/photos/product-images.server.ts.
import { and, asc, eq } from "drizzle-orm";
import { db, type Tx } from "~/db.server";
import { env } from "~/env.server";
import { productImages, products } from "#db/schema";
import { queueAvif, whileUploading } from "~/photos/avif-queue.server";
import type { StoredImage } from "~/photos/image-variants.server";
import { toImageRef, type ImageRef } from "~/photos/media";
import type { PhotoProblem } from "~/photos/photo-check.server";
import { processPhoto } from "~/photos/photo-pipeline.server";
import { addPhotos, photoIdsInOrder, removePhoto, setPhotoAltText, setPhotoOrder } from "~/photos/product-images.server";
import type { UploadedFile } from "~/http/upload-form.server";
import { holdBackWithoutPhoto } from "./seller-products.server";


export type ProductPhoto = ImageRef & { id: number; position: number };

function ownsProduct(tx: Pick<Tx, "select">, producerId: number, productId: number): boolean {
  return !!tx
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.id, productId), eq(products.producerId, producerId)))
    .get();
}

export function productPhotos(producerId: number, productId: number): ProductPhoto[] {
  return db()
    .select({
      id: productImages.id,
      position: productImages.position,
      storageKey: productImages.storageKey,
      widths: productImages.widths,
      avifReady: productImages.avifReady,
      alt: productImages.alt,
      width: productImages.width,
      height: productImages.height,
    })
    .from(productImages)
    .innerJoin(products, eq(products.id, productImages.productId))
    .where(and(eq(productImages.productId, productId), eq(products.producerId, producerId)))
    .orderBy(asc(productImages.position), asc(productImages.id))
    .all()
    .map(({ avifReady, ...p }) => ({ ...toImageRef({ ...p, avifReady: avifReady ? 1 : 0 }), id: p.id, position: p.position }));
}

export type UploadOutcome = {
  added: number;
  /** Each refused file by name, with why. */
  problems: { filename: string; problem: PhotoProblem | "too_many" }[];
};

/**
 * Processes the files one after another (bounded memory), then records the good ones in one
 * transaction and queues their AVIF encode. Null when the product is not the producer's.
 */
export async function uploadPhotos(producerId: number, productId: number, files: UploadedFile[], altBase: string): Promise<UploadOutcome | null> {
  if (!ownsProduct(db(), producerId, productId)) return null;
  const problems: UploadOutcome["problems"] = [];
  const stored: { filename: string; image: StoredImage }[] = [];
  await whileUploading(async () => {
    for (const file of files) {
      const result = await processPhoto(file.bytes, env().MEDIA_DIR);
      if (result.ok) stored.push({ filename: file.filename, image: result.image });
      else problems.push({ filename: file.filename, problem: result.problem });
    }
  });
  const added = db().transaction((tx) => {
    if (!ownsProduct(tx, producerId, productId)) return [];
    return addPhotos(tx, productId, stored.map((s) => s.image), altBase);
  });
  for (const { filename } of stored.slice(added.length)) problems.push({ filename, problem: "too_many" });
  queueAvif(added);
  return { added: added.length, problems };
}

/** Moves a photo one place up or down, or to the front (the cover photo). */
export function movePhoto(producerId: number, productId: number, photoId: number, to: "up" | "down" | "first"): boolean {
  return db().transaction((tx) => {
    if (!ownsProduct(tx, producerId, productId)) return false;
    const ids = photoIdsInOrder(tx, productId);
    const at = ids.indexOf(photoId);
    if (at < 0) return false;
    const target = to === "first" ? 0 : to === "up" ? Math.max(0, at - 1) : Math.min(ids.length - 1, at + 1);
    ids.splice(at, 1);
    ids.splice(target, 0, photoId);
    setPhotoOrder(tx, productId, ids);
    return true;
  });
}

/** Sets the whole order at once (drag and drop); the ids must be exactly the product's photos. */
export function reorderPhotos(producerId: number, productId: number, order: number[]): boolean {
  return db().transaction((tx) => {
    if (!ownsProduct(tx, producerId, productId)) return false;
    const ids = photoIdsInOrder(tx, productId);
    const same = ids.length === order.length && new Set(order).size === order.length && order.every((id) => ids.includes(id));
    if (!same) return false;
    setPhotoOrder(tx, productId, order);
    return true;
  });
}

export function setPhotoAlt(producerId: number, productId: number, photoId: number, alt: string): boolean {
  return db().transaction((tx) => {
    if (!ownsProduct(tx, producerId, productId)) return false;
    return setPhotoAltText(tx, productId, photoId, alt);
  });
}

/**
 * Removes the photo from the product. Its files stay: they are content-addressed and may be shared.
 * A live product left without any photo goes back to draft (never a blank tile on the storefront).
 */
export function deletePhoto(producerId: number, productId: number, photoId: number): boolean {
  return db().transaction((tx) => {
    if (!ownsProduct(tx, producerId, productId)) return false;
    if (!removePhoto(tx, productId, photoId)) return false;
    holdBackWithoutPhoto(tx, productId);
    return true;
  });
}

