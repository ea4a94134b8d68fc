// Vietnamese alphabetical order for every sorted list shown to people (provinces in selects,
// communes, producers, products): a, ă, â, b, c, d, đ, e, ê… with tones after the bare letter,
// so "Hà Nội" comes before "Huế" and every "Đ…" right after "D…". SQLite's ORDER BY compares
// code points ("Huế" before "Hà Nội", every "Đ…" after "Z…"), so lists are sorted here instead.
const collator = new Intl.Collator("vi", { numeric: true });

/** Compares two strings in Vietnamese order (for Array.prototype.sort). */
export const compareVietnamese = (a: string, b: string): number => collator.compare(a, b);

/** A sorted copy of `items` in Vietnamese order of `key(item)`; ties keep their order. */
export function sortVietnamese<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => collator.compare(key(a), key(b)));
}
