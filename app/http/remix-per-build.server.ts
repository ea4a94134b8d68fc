// What Remix does again for every request although, for a production build, the answer never changes
// (README, "Benchmarks": each was a share of a signed-in page's server time):
// - its static handler (the loaders' and actions' router) matches the URL against all ~80 routes with
//   @remix-run/router's internal matchRoutes, which the route-match cache cannot reach (8-10%). Here
//   each request is handed to a static handler made for the one branch the URL matches (root → … →
//   leaf, found through the cached matchRoutes over the whole tree), so its own matching ranks a
//   handful of routes, not the whole tree. The branch's routes are the same objects' properties: the
//   same loaders, actions and error boundaries; a URL that matches nothing goes to the whole tree's
//   handler (its 404).
// - the document's render rebuilds React Router's route objects from the manifest (RemixServer's
//   createServerRoutes, the route modules' map, createStaticRouter's data routes: 6-7%). Here they are
//   built once per build and kept.
// Each is installed where Remix calls it, in its package's exports object (as the route-match cache
// is), only for a production build, where the route tree and its modules never change while the process runs.
import { createRequire } from "node:module";

type Route = { id?: string; path?: string; index?: boolean; children?: Route[]; [key: string]: unknown };
type Match = { route: Route };
type MatchRoutes = (routes: Route[], location: string | { pathname?: string }, basename?: string) => Match[] | null;
type StaticHandler = {
  dataRoutes: Route[];
  query: (request: Request, opts?: unknown) => Promise<unknown>;
  queryRoute: (request: Request, opts?: unknown) => Promise<unknown>;
};
type HandlerOptions = { basename?: string } | undefined;
type CreateStaticHandler = (routes: Route[], opts?: HandlerOptions) => StaticHandler;

/** The branch of `routes` through the routes of `ids` (root first): copies of those routes, each with only the next as child. */
export function branchOf(routes: Route[], ids: string[], depth = 0): Route[] {
  const route = routes.find((r) => r.id === ids[depth]);
  if (!route) throw new Error(`route ${ids[depth]} not in the tree`);
  if (route.index) return [{ ...route }]; // index routes have no children (React Router refuses even an empty list)
  const children = depth + 1 < ids.length ? branchOf(route.children ?? [], ids, depth + 1) : [];
  return [{ ...route, children }];
}

/**
 * createStaticHandler whose handlers answer each request with a handler of the URL's branch, made on
 * first use (one per route that a URL ends on: bounded by the tree). `matchRoutes` finds the branch
 * (the cached one in production); `original` is @remix-run/router's createStaticHandler.
 */
export function branchStaticHandlers(original: CreateStaticHandler, matchRoutes: () => MatchRoutes): CreateStaticHandler & { made: () => number } {
  let made = 0;
  const create = (routes: Route[], opts?: HandlerOptions): StaticHandler => {
    const whole = original(routes, opts);
    const basename = opts?.basename || "/";
    const branches = new Map<string, StaticHandler>();
    const handlerFor = (request: Request): StaticHandler => {
      const matches = matchRoutes()(whole.dataRoutes, new URL(request.url).pathname, basename);
      if (!matches?.length) return whole;
      const ids = matches.map((m) => m.route.id!);
      const key = ids.join("\u0000");
      let handler = branches.get(key);
      if (!handler) {
        handler = original(branchOf(routes, ids), opts);
        made++;
        branches.set(key, handler);
      }
      return handler;
    };
    return {
      ...whole,
      dataRoutes: whole.dataRoutes,
      query: (request, opts) => handlerFor(request).query(request, opts),
      queryRoute: (request, opts) => handlerFor(request).queryRoute(request, opts),
    };
  };
  return Object.assign(create, { made: () => made });
}

/** `fn` remembered per first argument (an object that stays the same while the build does). */
function perObject<A extends object, R>(fn: (arg: A) => R) {
  const kept = new WeakMap<A, R>();
  return (arg: A): R => {
    let value = kept.get(arg);
    if (value === undefined) kept.set(arg, (value = fn(arg)));
    return value;
  };
}

type ConvertRoutes = (routes: Route[], mapRouteProperties: unknown, parentPath?: string[], manifest?: Record<string, Route>) => Route[];

/**
 * convertRoutesToDataRoutes kept per route array. The caller's manifest (createStaticRouter looks its
 * matches' routes up in it) gets the kept one as its prototype: the same lookups, without copying ~80 entries.
 */
export function keptDataRoutes(original: ConvertRoutes): ConvertRoutes {
  const kept = new WeakMap<Route[], { mapRouteProperties: unknown; dataRoutes: Route[]; manifest: Record<string, Route> }>();
  return (routes, mapRouteProperties, parentPath, manifest) => {
    if (parentPath?.length || (manifest && Object.keys(manifest).length > 0)) return original(routes, mapRouteProperties, parentPath, manifest);
    let entry = kept.get(routes);
    if (!entry || entry.mapRouteProperties !== mapRouteProperties) {
      const built: Record<string, Route> = {};
      entry = { mapRouteProperties, dataRoutes: original(routes, mapRouteProperties, undefined, built), manifest: built };
      kept.set(routes, entry);
    }
    if (manifest) Object.setPrototypeOf(manifest, entry.manifest);
    return entry.dataRoutes;
  };
}

/** Installs the above in @remix-run/router's, @remix-run/server-runtime's and @remix-run/react's exports. */
export function installPerBuildCaches(): void {
  const require = createRequire(import.meta.url);
  const router = require("@remix-run/router") as { createStaticHandler: CreateStaticHandler; matchRoutes: MatchRoutes; UNSAFE_convertRoutesToDataRoutes: ConvertRoutes };
  router.createStaticHandler = branchStaticHandlers(router.createStaticHandler, () => router.matchRoutes);
  router.UNSAFE_convertRoutesToDataRoutes = keptDataRoutes(router.UNSAFE_convertRoutesToDataRoutes);
  // The route modules by id (a new object per document) and RemixServer's route objects made from them.
  const entry = require("@remix-run/server-runtime/dist/entry.js") as { createEntryRouteModules: (routes: object) => object };
  entry.createEntryRouteModules = perObject(entry.createEntryRouteModules);
  const routes = require("@remix-run/react/dist/routes.js") as { createServerRoutes: (manifest: object, routeModules: object, ...rest: never[]) => Route[] };
  const createServerRoutes = routes.createServerRoutes;
  // Per manifest, then per route modules' map (the same object from the kept createEntryRouteModules); only
  // the top-level call (Remix's own recursion passes a parent id and does not come through the exports).
  const byManifest = new WeakMap<object, WeakMap<object, Route[]>>();
  routes.createServerRoutes = (manifest, routeModules, ...rest) => {
    if (rest.length > 2) return createServerRoutes(manifest, routeModules, ...rest);
    let byModules = byManifest.get(manifest);
    if (!byModules) byManifest.set(manifest, (byModules = new WeakMap()));
    let kept = byModules.get(routeModules);
    if (!kept) byModules.set(routeModules, (kept = createServerRoutes(manifest, routeModules, ...rest)));
    return kept;
  };
}
