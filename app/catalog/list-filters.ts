// The product list's URL parameters: their names, types and how they go back into a URL.
// Parsing them is in list-filters.server.ts.
import type { CertKind, OcopGroup } from "#db/vocabulary";

export const SORTS = ["relevance", "newest", "price_asc", "price_desc"] as const;
export type Sort = (typeof SORTS)[number];

export const MAX_QUERY_LENGTH = 200;
export const PAGE_SIZE = 24;

export const FILTER_NAMES = ["q", "province", "stars", "group", "cert", "min", "max", "sort", "page"] as const;

export type ListFilters = {
  q?: string;
  province?: string;
  stars?: number;
  group?: OcopGroup;
  cert?: CertKind;
  min?: number;
  max?: number;
  sort?: Sort;
  page: number;
};

/** The same filters as a query string, with some changed (for links and pagination). */
export function filtersToSearch(filters: ListFilters, change: Partial<ListFilters> = {}): string {
  const merged: Record<string, unknown> = { ...filters, ...change };
  const params = new URLSearchParams();
  for (const key of FILTER_NAMES) {
    const value = merged[key];
    if (value === undefined || value === null || value === "") continue;
    if (key === "page" && value === 1) continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}
