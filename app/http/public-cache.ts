// The catalogue pages' answer to caches. For a visitor without state (no session, no cart) the page
// is the same for everyone of one language, so any cache may keep it for a minute and serve it stale
// for five more while it revalidates (ETag/Last-Modified come from the catalogue's version, added
// by the web server's page cache: app/http/page-cache.server.ts). Anyone else: nothing said here.
import type { HeadersFunction } from "@remix-run/node";
import { hasVisitorState } from "./visitor";

export const PUBLIC_CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=300";

/** The headers a catalogue loader sends with its data. */
export function catalogueCacheHeaders(request: Request): HeadersInit {
  // Vary: the page differs by language cookie, and a visitor who signs in must not get it back from a cache.
  return hasVisitorState(request) ? {} : { "Cache-Control": PUBLIC_CACHE_CONTROL, Vary: "Cookie" };
}

/** A catalogue route's `headers` export: the loader's Cache-Control, when it gave one. */
export const catalogueHeaders: HeadersFunction = ({ loaderHeaders }) => {
  const cacheControl = loaderHeaders.get("Cache-Control");
  return cacheControl ? { "Cache-Control": cacheControl, Vary: loaderHeaders.get("Vary") ?? "Cookie" } : new Headers();
};
