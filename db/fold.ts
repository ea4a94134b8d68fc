// Vietnamese folding, shared by the database's stored search text and slugs (written by the app and the
// seed alike) and by the queries that read them: both sides must fold the same way. Plain code, no
// imports, so the browser, the app and db/seed may all use it.
/**
 * Folds Vietnamese text to plain lowercase ASCII letters: tone and vowel marks dropped,
 * "đ"/"Đ" → "d" (Unicode does not decompose đ, so NFD alone leaves it).
 * "Nước mắm Đặc sản" → "nuoc mam dac san".
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase();
}

/** A URL slug: "Nước mắm Phú Quốc 40°N" → "nuoc-mam-phu-quoc-40-n". */
export function slugify(text: string): string {
  return foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
