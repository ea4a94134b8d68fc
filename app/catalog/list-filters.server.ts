// Parses the product list's URL parameters. Each is parsed on its own: a bad one is dropped
// and named (the page still renders), so "?page=-1" or "?stars=abc" never becomes an error page.
import { z } from "zod";
import { CERT_KINDS, OCOP_GROUPS } from "#db/vocabulary";
import { FILTER_NAMES, MAX_QUERY_LENGTH, SORTS, type ListFilters } from "./list-filters";

const MAX_PRICE = 1_000_000_000;

const fields = {
  q: z
    .string()
    .transform((s) => s.trim().slice(0, MAX_QUERY_LENGTH))
    .pipe(z.string().min(1)),
  province: z.string().regex(/^[a-z0-9-]{1,40}$/),
  stars: z.coerce.number().int().min(3).max(5),
  group: z.enum(OCOP_GROUPS),
  cert: z.enum(CERT_KINDS),
  min: z.coerce.number().int().min(0).max(MAX_PRICE),
  max: z.coerce.number().int().min(0).max(MAX_PRICE),
  sort: z.enum(SORTS),
  page: z.coerce.number().int().min(1).max(10_000),
} satisfies Record<(typeof FILTER_NAMES)[number], z.ZodType>;

type Fields = Omit<ListFilters, "page"> & { page?: number };

export function parseListFilters(params: URLSearchParams): { filters: ListFilters; invalid: string[] } {
  const filters: Record<string, unknown> = {};
  const invalid: string[] = [];
  for (const [name, schema] of Object.entries(fields)) {
    const raw = params.get(name);
    if (raw === null || raw === "") continue;
    const parsed = schema.safeParse(raw.slice(0, 10_000));
    if (parsed.success) filters[name] = parsed.data;
    else invalid.push(name);
  }
  const result = filters as Fields;
  if (result.min !== undefined && result.max !== undefined && result.min > result.max) {
    [result.min, result.max] = [result.max, result.min];
  }
  return { filters: { ...result, page: result.page ?? 1 }, invalid };
}

