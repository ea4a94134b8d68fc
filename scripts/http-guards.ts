// What the web server checks before Remix sees a request, and adds to every answer (issue 11):
// methods the app does not use are 405; a form posted from another site is 403 (Remix itself would
// throw a 500 on a foreign or malformed Origin); answers to a signed-in visitor are never stored by a
// shared cache; the photo masters beside the variants are never served. scripts/serve.ts mounts them.
import express from "express";
import type { NextFunction, Request, Response } from "express";
import { securityHeaders } from "~/http/content-security.server";

export const ALLOWED_METHODS = ["GET", "HEAD", "POST"];

/**
 * The security headers on every answer; `Cache-Control: private, no-store` on every answer to a
 * signed-in visitor but the content-addressed files (built assets, image variants), the same for all.
 */
export function headers(publicUrl: string) {
  const fixed = Object.entries(securityHeaders(publicUrl));
  return (req: Request, res: Response, next: NextFunction) => {
    for (const [name, value] of fixed) res.setHeader(name, value);
    if (signedIn(req) && !/^\/(assets|media)\//.test(req.path)) {
      // Set at the last moment, over whatever a route said (a page cached for anonymous visitors too).
      const writeHead = res.writeHead;
      res.writeHead = function (this: Response, ...args: Parameters<Response["writeHead"]>) {
        if (!this.headersSent) this.setHeader("Cache-Control", "private, no-store");
        return writeHead.apply(this, args);
      } as Response["writeHead"];
    }
    next();
  };
}

/** The session cookie is there (valid or not: an expired one is still somebody's browser). */
function signedIn(req: Request): boolean {
  return /(?:^|;\s*)ocop_session=[^;]/.test(req.headers.cookie ?? "");
}

/** GET, HEAD and POST are the app's; anything else (TRACE, PUT, OPTIONS…) is 405. */
export function methods(req: Request, res: Response, next: NextFunction) {
  if (ALLOWED_METHODS.includes(req.method)) return next();
  res.setHeader("Allow", ALLOWED_METHODS.join(", "));
  res.status(405).type("text/plain").send("Phương thức không được hỗ trợ. Method not allowed.");
}

/**
 * A POST whose Origin is not this site (another site, "null", or garbage) is refused with 403 before
 * anything reads it. Webhooks under /api/ come from servers, carry no Origin, and are checked by
 * their signatures.
 */
export function sameOrigin(publicUrl: string) {
  const ours = new URL(publicUrl).origin;
  return (req: Request, res: Response, next: NextFunction) => {
    const origin = req.headers.origin;
    if (req.method !== "POST" || origin === undefined || req.path.startsWith("/api/")) return next();
    if (origin === ours || hostOf(origin) === (forwardedHost(req) ?? req.headers.host)) return next();
    res.status(403).type("text/plain").send("Biểu mẫu gửi từ trang web khác bị từ chối. Cross-site form refused.");
  };
}

function hostOf(origin: string): string | null {
  try {
    return origin === "null" ? null : new URL(origin).host;
  } catch {
    return null;
  }
}

/** As Remix compares it: the first X-Forwarded-Host, when a proxy sets one. */
function forwardedHost(req: Request): string | undefined {
  const value = req.headers["x-forwarded-host"];
  return (Array.isArray(value) ? value[0] : value)?.split(",")[0]?.trim() || undefined;
}

/**
 * The image variants, named by content hash and cached for a year. Nothing under a dot-directory
 * (`.masters/` holds the full-size originals the README promises are never served) or dot-file,
 * however the path is encoded: serve-static decodes it before this check.
 */
export function media(dir: string) {
  return express.static(dir, { immutable: true, maxAge: "1y", index: false, fallthrough: false, dotfiles: "ignore" });
}

/** Node's parser answers an unknown method ("FOO / HTTP/1.1") itself: 405 there too, not 400. */
export function onClientError(error: Error & { code?: string }, socket: import("node:stream").Duplex) {
  if (!socket.writable) return void socket.destroy();
  const status =
    error.code === "HPE_INVALID_METHOD" ? "405 Method Not Allowed\r\nAllow: GET, HEAD, POST"
    : error.code === "HPE_HEADER_OVERFLOW" ? "431 Request Header Fields Too Large"
    : error.code === "ERR_HTTP_REQUEST_TIMEOUT" ? "408 Request Timeout"
    : "400 Bad Request";
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
