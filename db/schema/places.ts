// Places: the provincial units (current and former, since the 2025 merger) and their communes.
import { index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";

/**
 * Provincial units. The 34 current units (since 1 July 2025) have `is_current = 1` and
 * `successor_id` = their own id; the 29 former provinces that were merged away have
 * `is_current = 0` and point at the unit that absorbed them. A current unit that kept a
 * former name (Lào Cai ← Lào Cai + Yên Bái) is one row: 34 + 29 = the 63 former units.
 */
export const provinces = sqliteTable(
  "provinces",
  {
    id: integer("id").primaryKey(),
    code: text("code").notNull(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    nameEn: text("name_en").notNull(),
    kind: text("kind", { enum: ["city", "province"] }).notNull(),
    isCurrent: integer("is_current", { mode: "boolean" }).notNull(),
    successorId: integer("successor_id").references((): AnySQLiteColumn => provinces.id),
  },
  (t) => [index("provinces_successor_idx").on(t.successorId)],
);

export const communes = sqliteTable(
  "communes",
  {
    id: integer("id").primaryKey(),
    provinceId: integer("province_id")
      .notNull()
      .references(() => provinces.id),
    name: text("name").notNull(),
    kind: text("kind", { enum: ["commune", "ward", "special_zone"] }).notNull(),
    /** The province it belonged to before 1 July 2025 (for "formerly Bến Tre" and old records). */
    formerProvinceId: integer("former_province_id").references(() => provinces.id),
  },
  (t) => [uniqueIndex("communes_province_name_uq").on(t.provinceId, t.name)],
);
