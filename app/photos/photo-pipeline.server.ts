// An uploaded photo, from checked bytes to stored variants: decoded once (with the pixel limit
// as a second guard), turned upright by its EXIF orientation, flattened on white, capped to
// MASTER_SIDE and re-encoded without any metadata (GPS, camera, owner) into the "master" that
// every variant and the background AVIF encode are made from.
import { access, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import sharp from "sharp";
import { storeWebpVariants, type StoredImage } from "./image-variants.server";
import { largestWidth, variantUrl } from "./media";
import { checkPhoto, type PhotoProblem } from "./photo-check.server";
import { MAX_PHOTO_PIXELS } from "./photo-limits";

/** The longest side kept: more than the largest variant (1280), enough to re-make variants later. */
export const MASTER_SIDE = 2048;

/** Masters live in a dot-directory of the media folder, which the static server never serves. */
const masterPath = (mediaDir: string, storageKey: string) => join(mediaDir, ".masters", `${storageKey}.jpg`);

export type ProcessedPhoto = { ok: true; image: StoredImage } | { ok: false; problem: PhotoProblem };

export async function processPhoto(bytes: Uint8Array, mediaDir: string): Promise<ProcessedPhoto> {
  const checked = await checkPhoto(bytes);
  if (!checked.ok) return checked;
  let master: Buffer;
  try {
    master = await sharp(bytes, { failOn: "truncated", limitInputPixels: MAX_PHOTO_PIXELS })
      .rotate()
      .flatten({ background: "#ffffff" })
      .resize({ width: MASTER_SIDE, height: MASTER_SIDE, fit: "inside", withoutEnlargement: true })
      .jpeg({ quality: 90 })
      .toBuffer();
  } catch {
    return { ok: false, problem: "corrupt" };
  }
  const image = await storeWebpVariants(master, mediaDir);
  const path = masterPath(mediaDir, image.storageKey);
  await mkdir(join(mediaDir, ".masters"), { recursive: true });
  await access(path).catch(() => writeFile(path, master));
  return { ok: true, image };
}

/** Where the background AVIF encode reads from: the master, or (older images) the largest WebP. */
export function avifSourcePaths(mediaDir: string, image: Pick<StoredImage, "storageKey" | "widths">): string[] {
  return [
    masterPath(mediaDir, image.storageKey),
    join(mediaDir, variantUrl(image.storageKey, largestWidth(image)).replace(/^\/media\//, "")),
  ];
}
