// All product templates, and which of them a producer in a given place can make.
import { FOOD_TEMPLATES } from "./catalog-food";
import { MORE_TEMPLATES } from "./catalog-more";
import type { ProductTemplate } from "./catalog-types";
import type { CommuneRow } from "./model";
import { push } from "./random";

export type { ProductTemplate } from "./catalog-types";

export const ALL_TEMPLATES: ProductTemplate[] = [...FOOD_TEMPLATES, ...MORE_TEMPLATES];

export const TEMPLATES_BY_CATEGORY: Map<string, ProductTemplate[]> = ALL_TEMPLATES.reduce((map, t) => {
  push(map, t.category, t);
  return map;
}, new Map<string, ProductTemplate[]>());

/** Templates a producer in this place can make: its local specialities (weight 4) and generic ones (1). */
export function eligibleTemplates(category: string, commune: CommuneRow): [ProductTemplate, number][] {
  return (TEMPLATES_BY_CATEGORY.get(category) ?? []).flatMap((t): [ProductTemplate, number][] => {
    if (t.areas.length === 0) return [[t, 1]];
    // Areas name provinces as they were before the 2025 merger, as the specialities are known.
    return t.areas.includes(commune.formerSlug) ? [[t, 4]] : [];
  });
}
