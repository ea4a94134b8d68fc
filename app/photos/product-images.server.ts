// The one place that writes product_images: a product's photos keep positions 0, 1, 2… in the
// order shown (the first is the cover), at most MAX_PHOTOS_PER_PRODUCT of them, and avif_ready
// turns on once the AVIF variants of their storage key are on disk. The seller centre's photo
// page (app/seller/photos.server.ts) checks the producer owns the product and calls these inside
// its transaction; a duplicated product copies its photos (the files are shared, content-addressed);
// the AVIF queue marks what it encoded.
import { and, asc, eq, max } from "drizzle-orm";
import { statement, type Tx } from "~/db.server";
import { productImages } from "#db/schema";
import type { StoredImage } from "./image-variants.server";
import { MAX_PHOTOS_PER_PRODUCT } from "./photo-limits";

/** The product's photo ids, in the order shown. */
export function photoIdsInOrder(tx: Tx, productId: number): number[] {
  return tx
    .select({ id: productImages.id })
    .from(productImages)
    .where(eq(productImages.productId, productId))
    .orderBy(asc(productImages.position), asc(productImages.id))
    .all()
    .map((r) => r.id);
}

/** Adds processed photos after the product's last one, as many as still fit; returns the storage keys stored. */
export function addPhotos(tx: Tx, productId: number, images: StoredImage[], alt: string): string[] {
  const last = tx.select({ n: max(productImages.position) }).from(productImages).where(eq(productImages.productId, productId)).get();
  const existing = tx.select({ id: productImages.id }).from(productImages).where(eq(productImages.productId, productId)).all().length;
  let position = (last?.n ?? -1) + 1;
  return images.slice(0, Math.max(0, MAX_PHOTOS_PER_PRODUCT - existing)).map((image) => {
    tx.insert(productImages)
      .values({ productId, position: position++, ...image, alt, avifReady: false })
      .run();
    return image.storageKey;
  });
}

/** Numbers the product's photos 0, 1, 2… in the order of `ids`. */
export function setPhotoOrder(tx: Tx, productId: number, ids: number[]): void {
  ids.forEach((id, position) =>
    tx.update(productImages).set({ position }).where(and(eq(productImages.id, id), eq(productImages.productId, productId))).run(),
  );
}

export function setPhotoAltText(tx: Tx, productId: number, photoId: number, alt: string): boolean {
  return tx.update(productImages).set({ alt }).where(and(eq(productImages.id, photoId), eq(productImages.productId, productId))).run().changes === 1;
}

/** Removes the photo and closes the gap in the positions. Its files stay: they are content-addressed and may be shared. */
export function removePhoto(tx: Tx, productId: number, photoId: number): boolean {
  const gone = tx.delete(productImages).where(and(eq(productImages.id, photoId), eq(productImages.productId, productId))).run().changes === 1;
  if (gone) setPhotoOrder(tx, productId, photoIdsInOrder(tx, productId));
  return gone;
}

/** Gives `toProductId` the same photos as `fromProductId` (same files, positions, alt texts). */
export function copyPhotos(tx: Tx, fromProductId: number, toProductId: number): void {
  const images = tx.select().from(productImages).where(eq(productImages.productId, fromProductId)).all();
  for (const { id: _id, productId: _p, createdAt: _c, ...img } of images) tx.insert(productImages).values({ ...img, productId: toProductId }).run();
}

/** Every photo stored under this key now has its AVIF variants. */
export function markAvifReady(storageKey: string): void {
  statement<[storageKey: string]>(`UPDATE product_images SET avif_ready = 1 WHERE storage_key = ?`).run(storageKey);
}

/** A claimed registry copy merged into the claimant's product: the copy's photos follow it. */
export function reassignProductImages(tx: Tx, fromProductId: number, toProductId: number): void {
  tx.update(productImages).set({ productId: toProductId }).where(eq(productImages.productId, fromProductId)).run();
}
