// The kept route matchings (app/http/route-match-cache.server.ts) answer exactly what
// @remix-run/router's matchRoutes answers, with the objects of the tree they are asked about,
// without flattening the tree again for a path already seen.
import { matchRoutes, type AgnosticRouteObject } from "@remix-run/router";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { cachedMatchRoutes, installRouteMatchCache } from "~/http/route-match-cache.server";

/** A tree shaped like Remix's: a root, index and dynamic routes, a pathless layout, a splat. Fresh objects each call. */
const tree = (): AgnosticRouteObject[] => [
  {
    id: "root",
    path: "",
    children: [
      { id: "home", index: true },
      { id: "list", path: "san-pham" },
      { id: "product", path: "san-pham/:slug" },
      {
        id: "seller",
        path: "kenh-nguoi-ban",
        children: [
          { id: "seller-home", index: true },
          { id: "seller-order", path: "don-hang/:code" },
        ],
      },
      { id: "officials", children: [{ id: "queue", path: "can-bo/xac-minh" }] },
      { id: "certificate", path: "chung-nhan/*" },
      { id: "not-found", path: "*" },
    ],
  },
];

const PATHS = ["/", "/san-pham", "/san-pham/", "/san-pham/mam-ruoc", "/san-pham/mam-ruoc?page=2", "/kenh-nguoi-ban", "/kenh-nguoi-ban/don-hang/OC-12",
  "/can-bo/xac-minh", "/chung-nhan/a/b.pdf", "/khong-co", "/san-pham/c%C3%A1-kho"];

const plain = (matches: ReturnType<typeof matchRoutes>) =>
  matches?.map((m) => ({ id: m.route.id, params: m.params, pathname: m.pathname, pathnameBase: m.pathnameBase })) ?? null;

describe("kept route matchings", () => {
  it("answer what matchRoutes answers, first time and again, with the asked tree's route objects", () => {
    const cached = cachedMatchRoutes(matchRoutes as never);
    for (const round of [1, 2]) {
      const routes = tree(); // Remix's React side builds its route objects anew for each request
      for (const path of PATHS) {
        const expected = matchRoutes(routes, path);
        const got = cached(routes, path) as ReturnType<typeof matchRoutes>;
        expect(plain(got), `${path}, round ${round}`).toEqual(plain(expected));
        got?.forEach((m, i) => expect(m.route).toBe(expected![i]!.route));
        if (got && got.length > 1) expect(got[0]!.params).toBe(got[got.length - 1]!.params); // shared, as matchRoutes does
      }
    }
  });

  it("flatten the tree once per path: a path seen before is answered from memory", () => {
    const cached = cachedMatchRoutes(matchRoutes as never);
    for (const path of PATHS) cached(tree(), path);
    const first = cached.calls();
    expect(first).toBe(PATHS.length - 1); // "/san-pham/mam-ruoc?page=2" is the path "/san-pham/mam-ruoc" again
    for (const path of PATHS) cached(tree(), path);
    expect(cached.calls()).toBe(first);
  });

  it("never answer for a tree of another shape from what another tree matched", () => {
    const cached = cachedMatchRoutes(matchRoutes as never);
    expect(plain(cached(tree(), "/gio-hang") as never)?.map((m) => m.id)).toEqual(["root", "not-found"]);
    const withCart = tree();
    (withCart[0]!.children as AgnosticRouteObject[]).push({ id: "cart", path: "gio-hang" });
    expect(plain(cached(withCart, "/gio-hang") as never)?.map((m) => m.id)).toEqual(["root", "cart"]);
  });

  it("is installed where Remix and React Router call matchRoutes: the package's exports", () => {
    const router = createRequire(import.meta.url)("@remix-run/router") as { matchRoutes: typeof matchRoutes };
    const original = router.matchRoutes;
    try {
      installRouteMatchCache();
      expect(router.matchRoutes).not.toBe(original);
      expect(plain(router.matchRoutes(tree(), "/san-pham/x"))).toEqual(plain(original(tree(), "/san-pham/x")));
    } finally {
      router.matchRoutes = original;
    }
  });
});
