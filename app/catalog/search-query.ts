import { foldVietnamese } from "#db/fold";

const MAX_TERMS = 8;
const MAX_TERM_LENGTH = 40;

/**
 * Turns what a shopper typed into a safe FTS5 MATCH expression over the folded index:
 * every word must appear, the last one as a prefix (so "nuoc ma" already finds "nước mắm").
 * Returns null when nothing searchable is left. Quotes make each word a plain string, so
 * FTS5 operators typed by the user (AND, NEAR, *, ") are never interpreted.
 */
export function toFtsQuery(input: string): string | null {
  const terms = foldVietnamese(input)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, MAX_TERMS)
    .map((t) => t.slice(0, MAX_TERM_LENGTH));
  if (terms.length === 0) return null;
  return terms.map((t, i) => (i === terms.length - 1 ? `"${t}"*` : `"${t}"`)).join(" ");
}
