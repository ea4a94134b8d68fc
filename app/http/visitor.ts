// Whether a request comes from a visitor with state: a session or a guest cart. Everyone else
// sees the same catalogue pages (per language), which any cache may keep: the root loader reads
// nothing of theirs, their pages set no cookie (see app/auth/csrf.server.ts), and the web server may answer
// them from its page cache (page-cache.server.ts). No server-only imports: scripts/serve.ts
// and the app share it.

export const SESSION_COOKIE = "ocop_session";
export const CART_COOKIE = "ocop_cart";
export const LOCALE_COOKIE = "ocop_lang";

/** The value of a cookie in a Cookie header, undecoded ("" when absent or empty). */
export function rawCookie(header: string | null | undefined, name: string): string {
  if (!header) return "";
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return "";
}

export function requestHasCookie(request: Request, name: string): boolean {
  return rawCookie(request.headers.get("Cookie"), name) !== "";
}

/** A session or a guest cart: the visitor's pages are theirs alone. */
export function cookieHeaderHasState(header: string | null | undefined): boolean {
  return rawCookie(header, SESSION_COOKIE) !== "" || rawCookie(header, CART_COOKIE) !== "";
}

export function hasVisitorState(request: Request): boolean {
  return cookieHeaderHasState(request.headers.get("Cookie"));
}
