// The headers that say what a page may do, beside the nonce-based Content-Security-Policy of each
// document (app/entry.server.tsx): scripts only from this site or carrying the request's nonce
// (Remix's <Scripts>/<ScrollRestoration> carry it), no plug-ins, no <base> elsewhere, never framed.
// Styles allow inline attributes: a few bars and charts are sized by a style attribute, which runs nothing.
import { randomBytes } from "node:crypto";

/** A fresh nonce: 128 random bits, as CSP Level 3 asks. */
export const newNonce = () => randomBytes(16).toString("base64");

export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Sent with every response (scripts/http-guards.ts). */
export function securityHeaders(publicUrl: string): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    // The app uses none of these; a script that slipped in gets none of them either.
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    // A year of https only, once the site is served over https (never on a plain-http demo: it would stick).
    ...(publicUrl.startsWith("https:") ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}
