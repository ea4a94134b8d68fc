import { srcSet, variantUrl, type ImageRef } from "~/photos/media";

/** A responsive photo: AVIF when ready, WebP always, the browser picks the width. */
export function Picture({
  image,
  sizes,
  className,
  alt,
  eager = false,
}: {
  image: ImageRef;
  sizes: string;
  className?: string;
  alt?: string;
  eager?: boolean;
}) {
  const widths = image.widths.split(",").map(Number);
  const fallback = widths.includes(640) ? 640 : (widths[widths.length - 1] ?? 320);
  const ratio = image.height / image.width;
  return (
    <picture>
      {image.avifReady ? <source type="image/avif" srcSet={srcSet(image, "avif")} sizes={sizes} /> : null}
      <source type="image/webp" srcSet={srcSet(image, "webp")} sizes={sizes} />
      <img
        src={variantUrl(image.storageKey, fallback)}
        alt={alt ?? image.alt}
        width={fallback}
        height={Math.round(fallback * ratio)}
        loading={eager ? "eager" : "lazy"}
        decoding="async"
        className={className}
      />
    </picture>
  );
}
