// The first line of defence for uploaded photos: what the bytes really are (never the file name
// or the browser's MIME type), and how big the picture is, read from the header alone so a
// decompression bomb (a 20000×20000 PNG of a few kB) is refused before anything is decoded.
import sharp, { type Metadata } from "sharp";
import { MAX_PHOTO_BYTES, MAX_PHOTO_PIXELS } from "./photo-limits";

export type PhotoFormat = "jpeg" | "png" | "webp" | "avif";

export type PhotoProblem =
  /** Over MAX_PHOTO_BYTES. */
  | "too_large"
  /** Not JPEG, PNG, WebP or AVIF (text, SVG, GIF, PDF…). */
  | "unsupported"
  /** An iPhone HEIC photo: this build of sharp cannot decode HEVC. */
  | "heic"
  /** Over MAX_PHOTO_PIXELS, judged from the header. */
  | "too_many_pixels"
  /** The header or the pixels cannot be read (truncated, damaged). */
  | "corrupt"
  | "empty";

export type PhotoHeader = { format: PhotoFormat; width: number; height: number };

const HEIC_BRANDS = new Set(["heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs"]);

/** The container the bytes start with, or what it is not. */
export function sniffFormat(bytes: Uint8Array): PhotoFormat | "heic" | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b)) return "png";
  if (bytes.length >= 12 && ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "webp";
  if (bytes.length >= 16 && ascii(4, 8) === "ftyp") {
    // ISO base media: the major brand, then the compatible brands up to the box's end.
    const boxSize = Math.min(((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0, bytes.length, 256);
    const brands = [ascii(8, 12)];
    for (let at = 16; at + 4 <= boxSize; at += 4) brands.push(ascii(at, at + 4));
    if (brands.includes("avif") || brands.includes("avis")) return "avif";
    if (brands.some((b) => HEIC_BRANDS.has(b)) || brands.includes("mif1") || brands.includes("msf1")) return "heic";
  }
  return null;
}

/** What sharp calls each format in metadata(). */
const SHARP_FORMAT: Record<PhotoFormat, string> = { jpeg: "jpeg", png: "png", webp: "webp", avif: "heif" };

/**
 * Checks an upload without decoding its pixels: size, real format, and pixel count from the
 * header. The decoding step (photo-pipeline) still guards itself with limitInputPixels.
 */
export async function checkPhoto(bytes: Uint8Array): Promise<{ ok: true; header: PhotoHeader } | { ok: false; problem: PhotoProblem }> {
  if (bytes.length === 0) return { ok: false, problem: "empty" };
  if (bytes.length > MAX_PHOTO_BYTES) return { ok: false, problem: "too_large" };
  const format = sniffFormat(bytes);
  if (format === "heic") return { ok: false, problem: "heic" };
  if (format === null) return { ok: false, problem: "unsupported" };
  let meta: Metadata;
  try {
    // metadata() parses the header only; `limitInputPixels: false` so a huge header is reported, not thrown.
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    return { ok: false, problem: "corrupt" };
  }
  if (meta.format !== SHARP_FORMAT[format] || !meta.width || !meta.height) return { ok: false, problem: "corrupt" };
  const height = meta.pageHeight ?? meta.height;
  if (meta.width * height > MAX_PHOTO_PIXELS) return { ok: false, problem: "too_many_pixels" };
  return { ok: true, header: { format, width: meta.width, height } };
}
