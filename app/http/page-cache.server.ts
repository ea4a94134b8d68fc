// Catalogue pages for visitors without state (no session, no guest cart), answered from memory.
// A page is the same for every such visitor of one language, and it changes only when the
// catalogue does: triggers bump `change_counters.catalogue` on every change a shopper could see
// (migration 0014). So a rendered page is kept under (version, Vietnam's date, language, URL) and
// its validator is that same tuple: a price or stock change moves the version, and the next request
// renders afresh. Which answers may be kept is the route's word: 200, `Cache-Control: public`, no
// Set-Cookie (see ./public-cache.ts). Memory is bounded: least recently used pages go first, counted
// in bytes. Each answer gets a nonce of its own: the kept page's nonce is swapped, in the document and
// in its Content-Security-Policy, for a fresh one (so a nonce is never shared between two answers);
// the server's compression middleware then compresses it like any page. Requests that miss the same
// key while it is being rendered wait for that render instead of rendering it again.
import type { Request as ExpressRequest, Response as ExpressResponse, NextFunction } from "express";
// Not in the package's typings, but exported by its server module: the adapter's own conversions.
import { createRemixRequest, sendRemixResponse } from "@remix-run/express/dist/server.js";
import { catalogueVersion } from "~/catalog/version.server";
import { vietnamToday } from "~/i18n/format";
import { newNonce } from "./content-security.server";
import { cookieHeaderHasState, LOCALE_COOKIE, rawCookie } from "./visitor";

/** A kept page: its body as text, and the nonce it was rendered with (null: a page without one, the sitemap). */
type Entry = { status: number; headers: [string, string][]; html: string; nonce: string | null; bytes: number };

/** A map that forgets its least recently used entries past `maxBytes`. */
export class ByteLru<V extends { bytes: number }> {
  private readonly map = new Map<string, V>();
  private total = 0;
  constructor(private readonly maxBytes: number) {}
  get(key: string): V | undefined {
    const value = this.map.get(key);
    if (value === undefined) return undefined;
    this.map.delete(key); // re-inserted: the most recently used is last
    this.map.set(key, value);
    return value;
  }
  set(key: string, value: V): void {
    this.delete(key);
    if (value.bytes > this.maxBytes) return;
    this.map.set(key, value);
    this.total += value.bytes;
    for (const [oldest, old] of this.map) {
      if (this.total <= this.maxBytes) break;
      this.map.delete(oldest);
      this.total -= old.bytes;
    }
  }
  delete(key: string): void {
    const value = this.map.get(key);
    if (value === undefined) return;
    this.map.delete(key);
    this.total -= value.bytes;
  }
  get size() {
    return this.map.size;
  }
  get bytes() {
    return this.total;
  }
}

// When this process first saw each version: the pages' Last-Modified.
let seen: { version: number; at: string } = { version: Number.NaN, at: new Date().toUTCString() };
function lastModified(version: number): string {
  if (seen.version !== version) seen = { version, at: new Date().toUTCString() };
  return seen.at;
}

/** The paths whose pages may be public: home, list and search, product, producer, sitemap. */
const CATALOGUE_PATH = /^\/(?:san-pham(?:\/[a-z0-9-]{1,200})?|nha-san-xuat\/[a-z0-9-]{1,200}|sitemap\.xml)?$/;

/** The visitor's language from the raw cookie (createCookie's base64 of a JSON string). */
function languageOf(cookieHeader: string | undefined): "vi" | "en" {
  const raw = rawCookie(cookieHeader, LOCALE_COOKIE);
  if (raw === "") return "vi";
  try {
    return JSON.parse(Buffer.from(decodeURIComponent(raw), "base64").toString("utf8")) === "en" ? "en" : "vi";
  } catch {
    return "vi";
  }
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((t) => {
    const tag = t.trim();
    return tag === "*" || tag === etag || tag.replace(/^W\//, "") === etag.replace(/^W\//, "");
  });
}

function keepable(response: Response): boolean {
  return (
    response.status === 200 &&
    (response.headers.get("Cache-Control") ?? "").startsWith("public") &&
    !response.headers.has("Set-Cookie") &&
    response.body !== null
  );
}

export type PageCacheOptions = {
  /** Remix's handler for a Fetch request. */
  handle: (request: Request) => Promise<Response>;
  /** Names the build: a new deployment never answers 304 for the previous one's page. */
  buildId: string;
  maxBytes: number;
};

/** Express middleware: answers anonymous GETs of catalogue pages from memory, or 304. */
export function pageCache({ handle, buildId, maxBytes }: PageCacheOptions) {
  const cache = new ByteLru<Entry>(maxBytes);
  // Pages being rendered: the requests that miss the same key meanwhile (a campaign's first second,
  // every visitor right after a price change moved the version) wait for that one render.
  const rendering = new Map<string, Promise<Entry | null>>();

  /** Renders the page; keeps and returns it, or answers the request itself with what may not be kept (null). */
  async function render(req: ExpressRequest, res: ExpressResponse, key: string, etag: string, version: number): Promise<Entry | null> {
    const response = await handle(createRemixRequest(req, res));
    if (!keepable(response)) {
      await sendRemixResponse(res, response);
      return null;
    }
    const html = await response.text();
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(response.headers.get("Content-Security-Policy") ?? "")?.[1] ?? null;
    const headers: [string, string][] = [];
    response.headers.forEach((value, name) => {
      if (name !== "content-length" && name !== "etag" && name !== "last-modified" && name !== "vary") headers.push([name, value]);
    });
    headers.push(["ETag", etag], ["Last-Modified", lastModified(version)], ["Vary", "Accept-Encoding, Cookie"]);
    const entry = { status: response.status, headers, html, nonce, bytes: Buffer.byteLength(html) + 512 };
    cache.set(key, entry);
    return entry;
  }

  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    try {
      if ((req.method !== "GET" && req.method !== "HEAD") || !CATALOGUE_PATH.test(req.path)) return next();
      if (cookieHeaderHasState(req.headers.cookie)) return next();
      const version = catalogueVersion();
      const etag = `W/"${buildId}.${version}.${vietnamToday()}.${languageOf(req.headers.cookie)}"`;
      const key = `${etag} ${req.originalUrl}`;
      let entry = cache.get(key);
      if (entry === undefined) {
        const other = rendering.get(key);
        // Another request's render failed or could not be kept: this one renders (and answers) for itself.
        const waited = other ? await other.catch(() => null) : null;
        if (waited) entry = waited;
        else {
          const mine = render(req, res, key, etag, version);
          if (!other) {
            rendering.set(key, mine);
            void mine.then(
              () => rendering.delete(key),
              () => rendering.delete(key),
            );
          }
          const rendered = await mine;
          if (rendered === null) return; // answered already
          entry = rendered;
        }
      }
      const fresh = entry.nonce === null ? null : newNonce();
      const swap = (text: string) => (entry!.nonce === null ? text : text.replaceAll(entry!.nonce, fresh!));
      for (const [name, value] of entry.headers) res.setHeader(name, name === "content-security-policy" ? swap(value) : value);
      if (matches(req.headers["if-none-match"], etag)) {
        res.removeHeader("Content-Type");
        res.status(304).end();
        return;
      }
      const body = Buffer.from(swap(entry.html));
      res.setHeader("Content-Length", body.length);
      res.status(entry.status);
      if (req.method === "HEAD") res.end();
      else res.end(body);
    } catch (error) {
      next(error);
    }
  };
}
