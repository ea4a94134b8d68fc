// Communes and wards (the level below the province since 1 July 2025). The reference list is
// not complete in every installation, so a producer may type one that is missing: it is added
// to the province, matched without diacritics or case so "xa tan thuan" finds "Xã Tân Thuận".
import { eq } from "drizzle-orm";
import { statement, type Tx } from "~/db.server";
import { foldVietnamese } from "#db/fold";
import { communes } from "#db/schema";
import { compareVietnamese } from "~/i18n/collate";

export function communeNames(provinceId: number): string[] {
  return statement<[provinceId: number], { name: string }>(`SELECT name FROM communes WHERE province_id = ?`)
    .all(provinceId)
    .map((r) => r.name)
    .sort(compareVietnamese);
}

const key = (name: string) => foldVietnamese(name).replace(/\s+/g, " ").trim();

/** The id of the province's commune with that name (folded), created if missing. */
export function findOrCreateCommune(tx: Tx, provinceId: number, name: string): number {
  const wanted = key(name);
  const existing = tx
    .select({ id: communes.id, name: communes.name })
    .from(communes)
    .where(eq(communes.provinceId, provinceId))
    .all()
    .find((c) => key(c.name) === wanted);
  if (existing) return existing.id;
  const kind = name.startsWith("Phường") ? "ward" : name.startsWith("Đặc khu") ? "special_zone" : "commune";
  return tx.insert(communes).values({ provinceId, name, kind }).returning({ id: communes.id }).get().id;
}
