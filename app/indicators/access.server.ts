// Who may see which indicators. An official sees their own province only; national officials and
// admins see every province and the country ("toan-quoc"). Enforced here, in every loader, not
// by hiding links.
import { data } from "@remix-run/node";
import { requireRole } from "~/auth/guards.server";
import type { SessionUser } from "~/auth/session.server";
import { currentProvinceBySlug, type ProvinceOption } from "~/places/provinces.server";
import { NATIONAL_SLUG } from "./scope";

const ROLES = ["admin", "national_official", "official"] as const;

export type IndicatorScope = { user: SessionUser; province: ProvinceOption | null; slug: string };

export async function requireIndicatorScope(request: Request, slug: string | undefined): Promise<IndicatorScope> {
  const user = await requireRole(request, ROLES);
  const sees = (provinceId: number | null) => user.role !== "official" || (provinceId !== null && provinceId === user.provinceId);
  if (slug === NATIONAL_SLUG) {
    if (!sees(null)) throw data({ reason: "forbidden" as const }, { status: 403 });
    return { user, province: null, slug };
  }
  const province = slug && /^[a-z0-9-]{1,40}$/.test(slug) ? currentProvinceBySlug(slug) : null;
  if (!province) throw data({ reason: "not_found" as const }, { status: 404 });
  if (!sees(province.id)) throw data({ reason: "forbidden" as const }, { status: 403 });
  return { user, province, slug: province.slug };
}

/** Where an indicator user lands: their province, or the country. */
export function homeScope(user: SessionUser, provinceSlug: string | null): string {
  return user.role === "official" && provinceSlug ? provinceSlug : NATIONAL_SLUG;
}
