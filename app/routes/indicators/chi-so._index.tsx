import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireRole } from "~/auth/guards.server";
import { homeScope } from "~/indicators/access.server";
import { provinceSlugById } from "~/places/provinces.server";

/** /chi-so: an official goes to their province, national officials and admins to the country. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["admin", "national_official", "official"]);
  const slug = user.provinceId === null ? null : provinceSlugById(user.provinceId);
  throw redirect(`/chi-so/${homeScope(user, slug)}${new URL(request.url).search}`);
}
