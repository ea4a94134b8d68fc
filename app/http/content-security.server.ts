// The headers that say what a page may do, beside the nonce-based Content-Security-Policy of each
// document (app/entry.server.tsx): scripts only from this site or carrying the request's nonce
// (Remix's <Scripts>/<ScrollRestoration> carry it), no plug-ins, no <base> elsewhere, never framed.
// Styles allow inline attributes: a few bars and charts are sized by a style attribute, which runs nothing.
import { randomFillSync } from "node:crypto";

// Random bytes drawn 4 KiB at a time (one call into the system's generator per 256 documents, not one
// each); every byte serves one nonce only.
const pool = Buffer.alloc(4096);
let used = pool.length;

/** A fresh nonce: 128 random bits, as CSP Level 3 asks. */
export function newNonce(): string {
  if (used + 16 > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  used += 16;
  return pool.toString("base64", used - 16, used);
}

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
