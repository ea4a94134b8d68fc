// Guards throw: a redirect to log in, or a 403. Loaders and actions call them first.
import { data, redirect } from "@remix-run/node";
import type { Role } from "#db/schema";
import { getSessionUser, type SessionUser } from "./session.server";

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/dang-nhap?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return user;
}

export async function requireRole(request: Request, roles: readonly Role[]): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!roles.includes(user.role)) throw data({ reason: "forbidden" as const }, { status: 403 });
  return user;
}

/** A same-site path to return to after logging in; anything else becomes "/". */
export function safeRedirect(to: FormDataEntryValue | string | null, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
