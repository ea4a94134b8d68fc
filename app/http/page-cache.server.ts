// Catalogue pages for visitors without state (no session, no guest cart), answered from memory.
// A page is the same for every such visitor of one language, and it changes only when the
// catalogue does: triggers bump `change_counters.catalogue` on every change a shopper could see
// (migration 0014). So a rendered page is kept under (version, Vietnam's date, language, URL) and
// its validator is that same tuple: a price or stock change moves the version, and the next request
// renders afresh. Which answers may be kept is the route's word: 200, `Cache-Control: public`, no
// Set-Cookie (see ./public-cache.ts). Memory is bounded: least recently used pages go first, counted
// in bytes. Each answer gets a nonce of its own: a fresh one goes, in the document and in its
// Content-Security-Policy, where the kept page's was (so a nonce is never shared between two answers);
// the page is kept gzipped around those places, so an answer compresses nothing
// (./spliced-gzip.server.ts). A page in memory is answered before Express's middleware chain (`hit`),
// with the headers that chain set when it was rendered. Requests that miss the same key while it is
// being rendered wait for that render instead of rendering it again.
import type { Request as ExpressRequest, Response as ExpressResponse, NextFunction } from "express";
// Not in the package's typings, but exported by its server module: the adapter's own conversions.
import { createRemixRequest, sendRemixResponse } from "@remix-run/express/dist/server.js";
import { catalogueVersion } from "~/catalog/version.server";
import { vietnamToday } from "~/i18n/format";
import type { IncomingMessage, ServerResponse } from "node:http";
import { newNonce } from "./content-security.server";
import { acceptsGzip } from "./document-encoding.server";
import { SplicedPage } from "./spliced-gzip.server";
import { cookieHeaderHasState, LOCALE_COOKIE, rawCookie } from "./visitor";

/**
 * A kept page: its headers (those the server's middleware set before the cache, the security headers,
 * then the route's), the Content-Security-Policy cut where its nonce goes, and the body kept as text
 * and gzip around the nonce's places (./spliced-gzip.server.ts).
 */
type Entry = {
  status: number;
  /** Name, value, name, value… as `writeHead` takes them; no Content-Security-Policy, Length or Encoding. */
  headers: string[];
  /** The same without Content-Type: a 304's. */
  notModified: string[];
  /** The policy around its nonce, or null (a page without one: the sitemap). */
  policy: string[] | null;
  page: SplicedPage;
  bytes: number;
};

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

/** Headers that are the answer's own, never kept: set per answer (or by Node) from the kept page. */
const PER_ANSWER = new Set(["content-length", "content-encoding", "transfer-encoding", "etag", "last-modified", "vary", "content-security-policy", "date", "connection", "keep-alive"]);

/** The page from memory (or 304), with a nonce of its own, gzipped when the client takes it. */
function answer(entry: Entry, req: IncomingMessage, res: ServerResponse, etag: string): void {
  if (matches(req.headers["if-none-match"], etag)) {
    // No Content-Security-Policy on a 304: the browser keeps the page it has, whose scripts carry the
    // nonce of the policy that came with it, and it would replace that policy with this one (Chromium
    // updates stored headers from a 304), refusing every script of the page.
    res.writeHead(304, entry.notModified);
    res.end();
    return;
  }
  const nonce = entry.policy === null ? "" : newNonce();
  const gzip = acceptsGzip(req.headers["accept-encoding"]);
  const body = gzip ? entry.page.gzip(nonce) : entry.page.text(nonce);
  const headers = entry.policy === null ? entry.headers.slice() : [...entry.headers, "Content-Security-Policy", entry.policy.join(nonce)];
  if (gzip) headers.push("Content-Encoding", "gzip");
  headers.push("Content-Length", String(body.length));
  res.writeHead(entry.status, headers);
  if (req.method === "HEAD") res.end();
  else res.end(body);
}

export type PageCacheOptions = {
  /** Remix's handler for a Fetch request. */
  handle: (request: Request) => Promise<Response>;
  /** Names the build: a new deployment never answers 304 for the previous one's page. */
  buildId: string;
  maxBytes: number;
};

/** The page cache as Express middleware (misses render through Remix), with `hit` to answer ahead of Express. */
export type PageCache = ((req: ExpressRequest, res: ExpressResponse, next: NextFunction) => Promise<void>) & {
  /**
   * Answers a request whose page is in memory, or 304, at once, before Express's middleware chain
   * (`createServer((req, res) => cache.hit(req, res) || app(req, res))`), with the headers the chain
   * had set when the page was rendered; false: the request is Express's (not a catalogue page, a
   * visitor with state, a page not kept yet).
   */
  hit: (req: IncomingMessage, res: ServerResponse) => boolean;
};

/** Answers anonymous GETs of catalogue pages from memory, or 304. */
export function pageCache({ handle, buildId, maxBytes }: PageCacheOptions): PageCache {
  const cache = new ByteLru<Entry>(maxBytes);
  // Pages being rendered: the requests that miss the same key meanwhile (a campaign's first second,
  // every visitor right after a price change moved the version) wait for that one render.
  const rendering = new Map<string, Promise<Entry | null>>();

  /** The request's page: its key and validator, or null when it is not an anonymous catalogue GET. */
  function lookup(req: IncomingMessage): { key: string; etag: string; version: number } | null {
    const url = req.url ?? "";
    const query = url.indexOf("?");
    if ((req.method !== "GET" && req.method !== "HEAD") || !CATALOGUE_PATH.test(query < 0 ? url : url.slice(0, query))) return null;
    if (cookieHeaderHasState(req.headers.cookie)) return null;
    const version = catalogueVersion();
    const etag = `W/"${buildId}.${version}.${vietnamToday()}.${languageOf(req.headers.cookie)}"`;
    return { key: `${etag} ${url}`, etag, version };
  }

  /** Renders the page; keeps and returns it, or answers the request itself with what may not be kept (null). */
  async function render(req: ExpressRequest, res: ExpressResponse, key: string, etag: string, version: number): Promise<Entry | null> {
    const request = createRemixRequest(req, res);
    // Kept as text and gzipped around its nonce here (SplicedPage), so the render must not gzip it itself.
    request.headers.delete("Accept-Encoding");
    const response = await handle(request);
    if (!keepable(response)) {
      await sendRemixResponse(res, response);
      return null;
    }
    const html = await response.text();
    const policy = response.headers.get("Content-Security-Policy");
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy ?? "")?.[1] ?? null;
    // What the middleware before the cache set (the security headers), then the route's.
    const headers = new Map<string, string>();
    for (const [name, value] of Object.entries(res.getHeaders())) if (!PER_ANSWER.has(name)) headers.set(name, String(value));
    response.headers.forEach((value, name) => {
      if (!PER_ANSWER.has(name)) headers.set(name, value);
    });
    headers.set("etag", etag).set("last-modified", lastModified(version)).set("vary", "Accept-Encoding, Cookie");
    // Names as they are usually written ("X-Frame-Options"): the same on a hit as on the rendered answer.
    const written = (name: string) => name === "etag" ? "ETag" : name.replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => dash + letter.toUpperCase());
    const flat = (names: (name: string) => boolean) => [...headers].filter(([name]) => names(name)).flatMap(([name, value]) => [written(name), value]);
    const page = new SplicedPage(html, nonce);
    const entry: Entry = {
      status: response.status,
      headers: flat(() => true),
      notModified: flat((name) => name !== "content-type"),
      policy: nonce === null ? null : policy!.split(nonce),
      page,
      bytes: page.bytes + 1024,
    };
    cache.set(key, entry);
    return entry;
  }

  const middleware = async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    try {
      const page = lookup(req);
      if (page === null) return next();
      const { key, etag, version } = page;
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
      answer(entry, req, res, etag);
    } catch (error) {
      next(error);
    }
  };

  const hit = (req: IncomingMessage, res: ServerResponse): boolean => {
    try {
      const page = lookup(req);
      const entry = page && cache.get(page.key);
      if (!entry) return false;
      answer(entry, req, res, page.etag);
      return true;
    } catch {
      return res.headersSent; // Express answers, or reports the error, if nothing was sent yet
    }
  };

  return Object.assign(middleware, { hit });
}
