// CSRF protection for every form that changes data. Two kinds of visitor, two proofs (see README,
// "Design decisions", 12/2026):
// - A visitor with state (a session or a guest cart) has a random secret in an HttpOnly, SameSite=Lax
//   cookie, minted on their first page with state and replaced at every log-in and log-out; their
//   forms echo it in a hidden field (double submit), and a present Origin must be ours.
// - A visitor without any state gets catalogue pages that any cache may keep, so they carry no
//   per-visitor secret and set no cookie: their forms carry the public ANONYMOUS_TOKEN, accepted only
//   when the browser proves the form was posted from our own pages (Origin, or Sec-Fetch-Site when
//   Origin is absent) and never on a request that carries a session.
// A missing token, another visitor's, or the anonymous one where it does not apply: 403.
import { data } from "@remix-run/node";
import { randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "~/env.server";
import { csrfCookie, sessionCookie } from "./cookies.server";
import { hasVisitorState, requestHasCookie } from "~/http/visitor";

export const CSRF_FIELD = "csrf";
/** What the forms of a page without state carry; it proves nothing alone (see above). */
export const ANONYMOUS_TOKEN = "anonymous";

async function cookieToken(request: Request): Promise<string | null> {
  const value: unknown = await csrfCookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length >= 32 ? value : null;
}

/**
 * The Set-Cookie header of the secret a visitor needs from now on, for the response that gives them
 * state (a new guest cart): minted there, once, and not by whichever of the next requests comes first.
 * Two requests minting two secrets race (a revalidation and a navigation in flight together), and the
 * page keeps the token of one while the browser keeps the cookie of the other: the next form is a 403.
 * Null when the visitor already has a secret.
 */
export async function csrfCookieForNewState(request: Request): Promise<string | null> {
  return (await cookieToken(request)) ? null : rotatedCsrfCookie();
}

/** A new secret's Set-Cookie header: at log-in and log-out the visitor's secret is replaced. */
export async function rotatedCsrfCookie(): Promise<string> {
  return csrfCookie.serialize(randomBytes(32).toString("base64url"));
}

/**
 * The token the page's forms carry, and the Set-Cookie header to send when a secret was minted.
 * A visitor without state gets the anonymous token and no cookie.
 */
export async function csrfToken(request: Request): Promise<{ token: string; setCookie: string | null }> {
  if (!hasVisitorState(request)) return { token: ANONYMOUS_TOKEN, setCookie: null };
  const existing = await cookieToken(request);
  if (existing) return { token: existing, setCookie: null };
  const token = randomBytes(32).toString("base64url");
  return { token, setCookie: await csrfCookie.serialize(token) };
}

const ours = (origin: string, request: Request) =>
  origin === new URL(request.url).origin || origin === new URL(env().PUBLIC_URL).origin;

/** Browsers send Origin on every POST; when they do, it must be ours. */
function noForeignOrigin(request: Request): boolean {
  const origin = request.headers.get("Origin");
  return origin === null || ours(origin, request);
}

/** The browser says the request comes from our own pages (OWASP: verifying origin with standard headers). */
function provenSameOrigin(request: Request): boolean {
  const origin = request.headers.get("Origin");
  if (origin !== null && origin !== "null") return ours(origin, request);
  return request.headers.get("Sec-Fetch-Site") === "same-origin";
}

function equal(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** Throws 403 unless the form's token is the visitor's (or the anonymous one, where it applies). */
export async function requireCsrf(request: Request, form: FormData): Promise<void> {
  const formToken = form.get(CSRF_FIELD);
  if (typeof formToken !== "string" || formToken === "") throw refused();
  const secret = await cookieToken(request);
  if (secret !== null && equal(secret, formToken) && noForeignOrigin(request)) return;
  if (
    formToken === ANONYMOUS_TOKEN &&
    !requestHasCookie(request, sessionCookie.name) &&
    provenSameOrigin(request)
  ) {
    return;
  }
  throw refused();
}

const refused = () => data({ reason: "csrf" as const }, { status: 403 });
