// A rendered document is one body (app/entry.server.tsx), so it is gzipped in one call here rather than
// by the `compression` middleware, whose stream per answer (and brotli, for browsers that take it) cost a
// signed-in cart ~0.55 ms of CPU against ~0.17 ms for one gzip of the same 11 kB (README, "Benchmarks").
// The middleware leaves an answer that already has a Content-Encoding alone, and still compresses the
// rest (data requests, resource routes).
import { gzipSync } from "node:zlib";

/** Below this, gzip's header and trailer outweigh what it saves (the middleware's own threshold). */
const THRESHOLD = 1024;

/** Whether the client takes gzip (RFC 9110 12.5.3): named, or "*", with a weight above 0. */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  let any = false;
  for (const item of header.split(",")) {
    const semicolon = item.indexOf(";");
    const coding = (semicolon < 0 ? item : item.slice(0, semicolon)).trim().toLowerCase();
    if (coding !== "gzip" && coding !== "x-gzip" && coding !== "*") continue;
    const q = semicolon < 0 ? null : /(?:^|;)\s*q\s*=\s*([0-9.]+)/i.exec(item.slice(semicolon))?.[1];
    const taken = q == null || Number(q) > 0;
    if (coding === "*") any = taken;
    else return taken;
  }
  return any;
}

/** The document's body for this request: gzipped when the client takes it, with the headers that say so. */
export function encodedDocument(request: Request, html: Buffer<ArrayBuffer>, headers: Headers): Buffer<ArrayBuffer> {
  headers.append("Vary", "Accept-Encoding");
  if (html.length < THRESHOLD || !acceptsGzip(request.headers.get("Accept-Encoding") ?? undefined)) return html;
  headers.set("Content-Encoding", "gzip");
  return gzipSync(html) as Buffer<ArrayBuffer>; // a fresh buffer of its own
}
