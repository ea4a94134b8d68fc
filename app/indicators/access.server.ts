// Who may see which indicators. An official sees their own province only; national officials and
// admins see every province and the country ("toan-quoc"). Enforced here, in every loader, not
// by hiding links.
import { data } from "@remix-run/node";
import { requireRole } from "~/auth/guards.server";
import { getSessionUser, type SessionUser } from "~/auth/session.server";
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

const apiError = (status: number, error: string, message: string) =>
  Response.json({ error, message }, { status, headers: { "Cache-Control": "no-store", Vary: "Cookie" } });

/**
 * The same rule for API callers, answered as JSON: 401 without a session (never a redirect to
 * the log-in page), 403 outside the caller's province, 404 for an unknown province.
 */
export async function indicatorApiScope(request: Request, slug: string | undefined): Promise<IndicatorScope | Response> {
  const user = await getSessionUser(request);
  if (!user) return apiError(401, "unauthorized", "Cần đăng nhập bằng tài khoản cán bộ. / Log in with an official's account.");
  if (!(ROLES as readonly string[]).includes(user.role)) return apiError(403, "forbidden", "Tài khoản này không xem được chỉ số. / This account may not see the indicators.");
  const sees = (provinceId: number | null) => user.role !== "official" || (provinceId !== null && provinceId === user.provinceId);
  if (slug === NATIONAL_SLUG) {
    return sees(null) ? { user, province: null, slug } : apiError(403, "forbidden", "Chỉ xem được tỉnh của mình. / Your own province only.");
  }
  const province = slug && /^[a-z0-9-]{1,40}$/.test(slug) ? currentProvinceBySlug(slug) : null;
  if (!province) return apiError(404, "not_found", "Không có tỉnh, thành phố này. / No such province.");
  if (!sees(province.id)) return apiError(403, "forbidden", "Chỉ xem được tỉnh của mình. / Your own province only.");
  return { user, province, slug: province.slug };
}

/** Where an indicator user lands: their province, or the country. */
export function homeScope(user: SessionUser, provinceSlug: string | null): string {
  return user.role === "official" && provinceSlug ? provinceSlug : NATIONAL_SLUG;
}
