// Turns one decoded-safe image into the responsive variants the storefront and the
// marketplaces use. The upload path (checks on the bytes, size and pixel limits) sits in
// front of this; here the input is already trusted to be an image sharp can read.
import { createHash } from "node:crypto";
import { mkdir, writeFile, access } from "node:fs/promises";
import { join } from "node:path";
import sharp from "sharp";
import { IMAGE_WIDTHS, variantUrl } from "./media";

sharp.concurrency(2);

export const SQUARE_SIZE = 800;

export type StoredImage = { storageKey: string; width: number; height: number; widths: string };

const fileFor = (mediaDir: string, url: string) => join(mediaDir, url.replace(/^\/media\//, ""));

async function exists(path: string) {
  return access(path).then(
    () => true,
    () => false,
  );
}

/**
 * Writes `{key}-{w}.webp` for each width up to the photo's own (at least the smallest),
 * and `{key}-sq.webp`, a 1:1 crop of at least 500×500 as Shopee and Tiki require.
 * The key is the content hash, so the same photo is stored once and can be cached forever.
 */
export async function storeWebpVariants(input: Buffer, mediaDir: string): Promise<StoredImage> {
  const storageKey = createHash("sha256").update(input).digest("hex").slice(0, 32);
  await mkdir(mediaDir, { recursive: true });
  const base = sharp(input, { failOn: "error" }).rotate();
  const { width = 0, height = 0 } = await base.clone().metadata().then(async (m) => {
    // metadata() reports the stored orientation; rotate() swaps the sides for EXIF 5-8.
    const swap = (m.orientation ?? 1) >= 5;
    return swap ? { width: m.height, height: m.width } : { width: m.width, height: m.height };
  });
  const widths = IMAGE_WIDTHS.filter((w, i) => i === 0 || w <= width);
  await Promise.all([
    ...widths.map(async (w) => {
      const path = fileFor(mediaDir, variantUrl(storageKey, w));
      if (await exists(path)) return;
      const out = await base.clone().resize({ width: w, withoutEnlargement: true }).webp({ quality: 78 }).toBuffer();
      await writeFile(path, out);
    }),
    (async () => {
      const path = fileFor(mediaDir, variantUrl(storageKey, "sq"));
      if (await exists(path)) return;
      const out = await base
        .clone()
        .resize({ width: SQUARE_SIZE, height: SQUARE_SIZE, fit: "cover", position: "attention" })
        .webp({ quality: 80 })
        .toBuffer();
      await writeFile(path, out);
    })(),
  ]);
  return { storageKey, width, height, widths: widths.join(",") };
}

/** The slow part, run off the request path: AVIF for each width already stored as WebP. */
export async function storeAvifVariants(input: Buffer, image: StoredImage, mediaDir: string): Promise<void> {
  const base = sharp(input, { failOn: "error" }).rotate();
  for (const w of image.widths.split(",").map(Number)) {
    const path = fileFor(mediaDir, variantUrl(image.storageKey, w, "avif"));
    if (await exists(path)) continue;
    const out = await base.clone().resize({ width: w, withoutEnlargement: true }).avif({ quality: 55, effort: 2 }).toBuffer();
    await writeFile(path, out);
  }
}
