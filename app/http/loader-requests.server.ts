// Remix hands each loader a copy of the request, made twice over (stripIndexParam, then
// stripRoutesParam: a URL parse and a new Request each, for every loader of every page), only to
// remove the `index` and `_routes` search parameters. A GET whose URL has neither, and whose query
// string those steps would write back unchanged, gives a copy equal to the request itself: here its
// loaders get the request itself. 3-4% of a signed-in page's server time, and one Request for all of a
// page's loaders, which lets per-request memos (the session, app/auth/session.server.ts) serve them all.
// Installed where Remix's routes call it (@remix-run/server-runtime's data module, its exports object),
// for a production build; any other request goes through Remix's own callRouteLoader.
import { createRequire } from "node:module";

type LoaderArgs = {
  loadContext: unknown;
  loader: (args: { request: Request; context: unknown; params: unknown }) => unknown;
  params: unknown;
  request: Request;
  routeId: string;
  singleFetch: boolean;
};
type CallRouteLoader = (args: LoaderArgs) => Promise<unknown>;
type Deferred = { init?: { status?: number; headers?: HeadersInit } };
type Responses = {
  isDeferredData: (value: unknown) => value is Deferred;
  isRedirectStatusCode: (status: number) => boolean;
  redirect: (url: string, init?: object) => Response;
};

/** True when Remix's copy of this request for a loader would be the same request. */
export function loaderGetsSameRequest(request: Request): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  const url = request.url;
  if (!url.includes("?")) return true;
  const parsed = new URL(url);
  const query = parsed.searchParams;
  if (query.has("index") || query.has("_routes")) return false;
  // Deleting a parameter re-serialises the query (form encoding: "+" for spaces…): only if that is the same text.
  return parsed.search === "" || parsed.search === `?${query.toString()}`;
}

/** callRouteLoader that passes the request itself when Remix's copy would equal it (single fetch only). */
export function sameRequestLoaders(original: CallRouteLoader, responses: Responses): CallRouteLoader {
  return async (args) => {
    if (!args.singleFetch || !loaderGetsSameRequest(args.request)) return original(args);
    const result = await args.loader({ request: args.request, context: args.loadContext, params: args.params });
    if (result === undefined) {
      throw new Error(
        `You defined a loader for route "${args.routeId}" but didn't return anything from your \`loader\` function. Please return a value or \`null\`.`,
      );
    }
    // As Remix does (no page of ours defers data): a deferred redirect becomes a redirect.
    if (responses.isDeferredData(result) && result.init && responses.isRedirectStatusCode(result.init.status || 200)) {
      return responses.redirect(new Headers(result.init.headers).get("Location")!, result.init);
    }
    return result;
  };
}

export function installSameRequestLoaders(): void {
  const require = createRequire(import.meta.url);
  const data = require("@remix-run/server-runtime/dist/data.js") as { callRouteLoader: CallRouteLoader };
  const responses = require("@remix-run/server-runtime/dist/responses.js") as Responses;
  data.callRouteLoader = sameRequestLoaders(data.callRouteLoader, responses);
}
