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

/**
 * A same-site path to return to after logging in; anything else becomes `fallback`. Browsers drop
 * tabs and newlines from a Location and read a backslash as a slash, so "/\t/evil.example" would
 * leave the site. A value is taken only when it holds no control or separator character (U+2028
 * too) and no backslash, and its path, percent-decoded as often as it decodes, neither holds one
 * nor starts with "//". What is returned is the path as the URL parser re-serialises it, on our origin.
 */
export function safeRedirect(to: FormDataEntryValue | string | null, fallback = "/"): string {
  if (typeof to !== "string" || to.length > 2048 || UNSAFE.test(to) || !to.startsWith("/")) return fallback;
  const base = "http://same-site.invalid";
  const url = new URL(to, base); // "/./" and "/../" resolved, as the browser will
  if (url.origin !== base) return fallback;
  let path = url.pathname;
  for (let round = 0; round < 5; round++) {
    if (path.startsWith("//") || UNSAFE.test(path)) return fallback;
    let next: string;
    try {
      next = decodeURIComponent(path);
    } catch {
      return fallback; // a malformed escape is not a path we wrote
    }
    if (next === path) break;
    path = next;
  }
  return url.pathname + url.search + url.hash;
}

/** Control characters (tab, CR, LF, DEL, C1…), separators (spaces, U+2028/2029) and backslashes. */
const UNSAFE = /[\\\p{C}\p{Z}]/u;
