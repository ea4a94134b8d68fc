// Remix matches a request's URL against the whole route tree four times per document: the server
// runtime, its static handler, React Router's <Routes> and the lazy-discovery manifest in <Scripts>.
// Each time @remix-run/router's matchRoutes flattens and ranks all ~80 routes and compiles a regular
// expression per candidate: a quarter of a signed-in page's CPU time (README, "Benchmarks"). The
// answer depends only on the tree's shape and the path, so this keeps it: per tree shape and path,
// which routes matched (by id) with their params and pathnames. Three of the four callers reach
// matchRoutes through the package's exports object at call time; `installRouteMatchCache` replaces
// that export with one that answers from the cache and otherwise asks the original. Two of those
// callers build their route objects anew for each request, so a kept answer is re-attached to the
// tree it is asked about (the same ids, that tree's objects). Only for a production build, where the
// route tree never changes while the process runs.
import { createRequire } from "node:module";

type Route = { id?: string; path?: string; index?: boolean; caseSensitive?: boolean; children?: Route[] };
type Match = { params: Record<string, string | undefined>; pathname: string; pathnameBase: string; route: Route };
type MatchRoutes = (routes: Route[], location: string | { pathname?: string }, basename?: string) => Match[] | null;
type Kept = { ids: string[]; params: Record<string, string | undefined>; pathnames: [string, string][] } | null;

const MAX_PATHS = 5000;

/** The tree's shape: ids, paths and index flags, depth first; kept per array (the server's is built once). */
const shapes = new WeakMap<Route[], string>();
function shapeOf(routes: Route[]): string | null {
  let shape = shapes.get(routes);
  if (shape !== undefined) return shape;
  const parts: string[] = [];
  const walk = (level: Route[]): boolean => {
    parts.push("[");
    for (const r of level) {
      if (typeof r.id !== "string") return false; // routes without ids: not Remix's, not ours to keep
      parts.push(r.id, "\u0000", r.path ?? "", r.index ? "!" : "", r.caseSensitive ? "^" : "", "\u0001");
      if (r.children?.length && !walk(r.children)) return false;
    }
    parts.push("]");
    return true;
  };
  if (!walk(routes)) return null;
  shape = parts.join("");
  shapes.set(routes, shape);
  return shape;
}

/** The route of each kept id, in this tree: each match's route is a child of the previous one's. */
function reattach(routes: Route[], kept: NonNullable<Kept>): Match[] | null {
  const params = { ...kept.params }; // one object shared by all matches, as matchRoutes does
  const matches: Match[] = [];
  let level: Route[] | undefined = routes;
  for (let i = 0; i < kept.ids.length; i++) {
    const route: Route | undefined = level?.find((r) => r.id === kept.ids[i]);
    if (!route) return null;
    matches.push({ params, pathname: kept.pathnames[i]![0], pathnameBase: kept.pathnames[i]![1], route });
    level = route.children;
  }
  return matches;
}

/** matchRoutes with a memory of shapes and paths. `original` is @remix-run/router's. */
export function cachedMatchRoutes(original: MatchRoutes): MatchRoutes & { calls: () => number } {
  const byShape = new Map<string, Map<string, Kept>>();
  let originalCalls = 0;
  const ask = (routes: Route[], location: string | { pathname?: string }, basename?: string) => {
    originalCalls++;
    return original(routes, location, basename);
  };
  const matchRoutes = (routes: Route[], location: string | { pathname?: string }, basename = "/") => {
    const raw = typeof location === "string" ? location : location.pathname ?? "/";
    const shape = Array.isArray(routes) ? shapeOf(routes) : null;
    if (shape === null) return ask(routes, location, basename);
    const cut = raw.search(/[?#]/);
    const key = `${basename}\u0000${cut === -1 ? raw : raw.slice(0, cut)}`;
    let paths = byShape.get(shape);
    if (!paths) byShape.set(shape, (paths = new Map()));
    if (paths.has(key)) {
      const kept = paths.get(key)!;
      if (kept === null) return null;
      const again = reattach(routes, kept);
      if (again) return again;
    }
    const matches = ask(routes, location, basename);
    if (paths.size >= MAX_PATHS) paths.clear();
    paths.set(
      key,
      matches === null
        ? null
        : { ids: matches.map((m) => m.route.id!), params: { ...matches[0]?.params }, pathnames: matches.map((m) => [m.pathname, m.pathnameBase]) },
    );
    return matches;
  };
  return Object.assign(matchRoutes, { calls: () => originalCalls });
}

/** Puts the cached matchRoutes in @remix-run/router's exports, where Remix and React Router call it. */
export function installRouteMatchCache(): void {
  const router = createRequire(import.meta.url)("@remix-run/router") as { matchRoutes: MatchRoutes };
  router.matchRoutes = cachedMatchRoutes(router.matchRoutes);
}
