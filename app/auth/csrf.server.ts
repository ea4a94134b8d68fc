// CSRF protection for every form that changes data: a random token in an HttpOnly,
// SameSite=Lax cookie, echoed by the form in a hidden field, plus an Origin check.
import { data } from "@remix-run/node";
import { randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "~/env.server";
import { csrfCookie } from "./cookies.server";

export const CSRF_FIELD = "csrf";

/** The visitor's token, and the Set-Cookie header to send when it is new. */
export async function csrfToken(request: Request): Promise<{ token: string; setCookie: string | null }> {
  const existing: unknown = await csrfCookie.parse(request.headers.get("Cookie"));
  if (typeof existing === "string" && existing.length >= 32) return { token: existing, setCookie: null };
  const token = randomBytes(32).toString("base64url");
  return { token, setCookie: await csrfCookie.serialize(token) };
}

/** Browsers send Origin on every POST; when they do, it must be ours. */
function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("Origin");
  if (origin === null) return true;
  return origin === new URL(request.url).origin || origin === new URL(env().PUBLIC_URL).origin;
}

/** Throws 403 unless the form's token matches the cookie's and the request is same-origin. */
export async function requireCsrf(request: Request, form: FormData): Promise<void> {
  const cookieToken: unknown = await csrfCookie.parse(request.headers.get("Cookie"));
  const formToken = form.get(CSRF_FIELD);
  const ok =
    typeof cookieToken === "string" &&
    typeof formToken === "string" &&
    cookieToken.length === formToken.length &&
    timingSafeEqual(Buffer.from(cookieToken), Buffer.from(formToken)) &&
    sameOrigin(request);
  if (!ok) throw data({ reason: "csrf" as const }, { status: 403 });
}
