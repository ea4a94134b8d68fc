import { statement } from "~/db.server";
import type { OcopGroup } from "#db/vocabulary";

export type CategoryOption = { slug: string; name: string; nameEn: string; ocopGroup: OcopGroup };

/** Every category, grouped by OCOP group in the order the groups are listed. */
export function categoryOptions(): CategoryOption[] {
  return statement<[], CategoryOption>(`SELECT slug, name, name_en AS nameEn, ocop_group AS ocopGroup FROM categories ORDER BY id`).all();
}
