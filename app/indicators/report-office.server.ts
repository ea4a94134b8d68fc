// The office that issues a province's monthly indicator report ("Sở Nông nghiệp và Môi trường tỉnh …"),
// named once by the province's official and printed at the head of every report. The one place
// that writes province_report_settings.
import { db, statement } from "~/db.server";
import { provinceReportSettings } from "#db/schema";

/** Until a province names its office, the report is issued by the Department of Industry and Trade. */
export const DEFAULT_PROVINCE_OFFICE = "Sở Công Thương";
export const NATIONAL_OFFICE = "Bộ Công Thương";

export function reportOffice(provinceId: number | null): { office: string; saved: boolean } {
  if (provinceId === null) return { office: NATIONAL_OFFICE, saved: false };
  const row = statement<[number], { office: string }>(`SELECT office FROM province_report_settings WHERE province_id = ?`).get(provinceId);
  return row ? { office: row.office, saved: true } : { office: DEFAULT_PROVINCE_OFFICE, saved: false };
}

/** The province's official names the issuing office (one synchronous statement, an upsert). */
export function saveReportOffice(provinceId: number, office: string, userId: number): void {
  db()
    .insert(provinceReportSettings)
    .values({ provinceId, office, updatedBy: userId })
    .onConflictDoUpdate({
      target: provinceReportSettings.provinceId,
      set: { office, updatedBy: userId, updatedAt: new Date().toISOString() },
    })
    .run();
}

/** Who may name it: the province's own official, or an admin. */
export const mayNameOffice = (user: { role: string; provinceId: number | null }, provinceId: number | null) =>
  provinceId !== null && (user.role === "admin" || (user.role === "official" && user.provinceId === provinceId));
