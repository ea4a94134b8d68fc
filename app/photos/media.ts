// Where an image variant is served from. Shared by the server and the browser bundle.
export const IMAGE_WIDTHS = [320, 640, 1280] as const;

export type ImageRef = { storageKey: string; widths: string; avifReady: boolean; alt: string; width: number; height: number };

/** An image row as SQLite returns it (booleans are 0/1). */
export type ImageRow = Omit<ImageRef, "avifReady"> & { avifReady: number };

export const toImageRef = ({ avifReady, ...img }: ImageRow): ImageRef => ({ ...img, avifReady: avifReady === 1 });

export function variantUrl(storageKey: string, width: number | "sq", format: "webp" | "avif" = "webp"): string {
  return `/media/${storageKey}-${width}.${format}`;
}

export function srcSet(image: Pick<ImageRef, "storageKey" | "widths">, format: "webp" | "avif"): string {
  return image.widths
    .split(",")
    .map((w) => `${variantUrl(image.storageKey, Number(w), format)} ${w}w`)
    .join(", ");
}

export function largestWidth(image: Pick<ImageRef, "widths">): number {
  return Math.max(...image.widths.split(",").map(Number));
}
