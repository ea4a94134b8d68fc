// What a production build keeps instead of rebuilding per request (app/http/remix-per-build.server.ts):
// the static handler of a URL's branch answers exactly what the whole tree's handler answers, and is
// made once per branch; the data routes and the manifest createStaticRouter reads are the same.
import { createStaticHandler, matchRoutes, UNSAFE_convertRoutesToDataRoutes, type AgnosticRouteObject } from "@remix-run/router";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { branchOf, branchStaticHandlers, installPerBuildCaches, keptDataRoutes } from "~/http/remix-per-build.server";

type Args = { request: Request; params: Record<string, string | undefined> };
/** A loader that says which route answered, with what. */
const says = (id: string) => ({ request, params }: Args) => ({ id, params: { ...params }, url: request.url });

/** Shaped like Remix's: a root, index, dynamic and nested routes, a pathless layout, a splat, an action. */
const tree = (): AgnosticRouteObject[] => [
  {
    id: "root",
    path: "",
    loader: says("root"),
    hasErrorBoundary: true,
    children: [
      { id: "home", index: true, loader: says("home") },
      { id: "list", path: "san-pham", loader: says("list") },
      { id: "product", path: "san-pham/:slug", loader: says("product") },
      { id: "cart", path: "gio-hang", loader: says("cart"), action: () => ({ added: true }) },
      {
        id: "seller",
        path: "kenh-nguoi-ban",
        loader: says("seller"),
        children: [
          { id: "seller-home", index: true, loader: says("seller-home") },
          { id: "seller-order", path: "don-hang/:code", loader: says("seller-order") },
        ],
      },
      { id: "officials", children: [{ id: "queue", path: "can-bo/xac-minh", loader: says("queue") }] },
      { id: "certificate", path: "chung-nhan/*", loader: says("certificate") },
    ],
  },
];

const URLS = ["/", "/san-pham", "/san-pham?page=2", "/san-pham/mam-ruoc", "/san-pham/c%C3%A1-kho", "/gio-hang", "/kenh-nguoi-ban",
  "/kenh-nguoi-ban/don-hang/OC-12", "/can-bo/xac-minh", "/chung-nhan/a/b.pdf", "/khong-co", "/san-pham/a/b"];

/** What a query answered, without the route objects (each handler has its own). */
const plain = (context: unknown) => {
  if (context instanceof Response) return { response: context.status };
  const c = context as { matches: { route: { id: string }; params: object; pathname: string }[]; loaderData: object; actionData: object | null; errors: object | null; statusCode: number };
  return {
    matches: c.matches.map((m) => [m.route.id, m.params, m.pathname]),
    loaderData: c.loaderData,
    actionData: c.actionData,
    errors: c.errors && Object.fromEntries(Object.entries(c.errors).map(([id, e]) => [id, (e as { status?: number }).status])),
    statusCode: c.statusCode,
  };
};

const request = (path: string, init?: RequestInit) => new Request(`http://shop.test${path}`, init);

describe("the static handler of the URL's branch", () => {
  it("holds only the matched routes: each with only the next as child", () => {
    const branch = branchOf(tree() as never, ["root", "seller", "seller-order"]);
    expect(branch.map((r) => r.id)).toEqual(["root"]);
    expect(branch[0]!.children!.map((r) => r.id)).toEqual(["seller"]);
    expect(branch[0]!.children![0]!.children!.map((r) => r.id)).toEqual(["seller-order"]);
    expect(branch[0]!.children![0]!.children![0]!.children).toEqual([]);
    expect(branchOf(tree() as never, ["root", "home"])[0]!.children![0]).not.toHaveProperty("children"); // index routes have none
  });

  it("answers every query and queryRoute as the whole tree's handler does", async () => {
    const whole = createStaticHandler(tree());
    const branched = branchStaticHandlers(createStaticHandler as never, () => matchRoutes as never)(tree() as never);
    for (const url of URLS) {
      expect(plain(await branched.query(request(url))), url).toEqual(plain(await whole.query(request(url))));
    }
    const post = () => request("/gio-hang", { method: "POST", body: new URLSearchParams({ q: "1" }) });
    expect(plain(await branched.query(post()))).toEqual(plain(await whole.query(post())));
    expect(await branched.queryRoute(request("/san-pham/mam-ruoc"), { routeId: "product" })).toEqual(
      await whole.queryRoute(request("/san-pham/mam-ruoc"), { routeId: "product" }),
    );
    await expect(branched.queryRoute(request("/khong-co"))).rejects.toMatchObject({ status: 404 });
    await expect(branched.queryRoute(request("/san-pham"), { routeId: "cart" })).rejects.toMatchObject({ status: 403 });
    expect(branched.dataRoutes).toHaveLength(1);
  });

  it("is made once per branch, whatever the params", async () => {
    const create = branchStaticHandlers(createStaticHandler as never, () => matchRoutes as never);
    const handler = create(tree() as never);
    for (const slug of ["a", "b", "c"]) await handler.query(request(`/san-pham/${slug}`));
    expect(create.made()).toBe(1);
    await handler.query(request("/san-pham"));
    await handler.query(request("/khong-co")); // the whole tree's handler: nothing to make
    expect(create.made()).toBe(2);
  });
});

describe("the data routes createStaticRouter makes", () => {
  const mapRouteProperties = (route: AgnosticRouteObject) => ({ hasErrorBoundary: route.id === "root" });

  it("are the same as made anew, and made once per route array", () => {
    const routes = tree();
    const kept = keptDataRoutes(UNSAFE_convertRoutesToDataRoutes as never);
    const freshManifest = {};
    const fresh = UNSAFE_convertRoutesToDataRoutes(routes, mapRouteProperties as never, undefined, freshManifest);
    const manifest: Record<string, { id?: string }> = {};
    const first = kept(routes as never, mapRouteProperties, undefined, manifest as never);
    expect(JSON.stringify(first)).toEqual(JSON.stringify(fresh));
    const again: Record<string, { id?: string }> = {};
    expect(kept(routes as never, mapRouteProperties, undefined, again as never)).toBe(first);
    for (const id of Object.keys(freshManifest)) expect(again[id]?.id).toBe(id); // createStaticRouter looks matches up there
    expect(kept(tree() as never, mapRouteProperties, undefined, {})).not.toBe(first);
  });
});

describe("installed", () => {
  it("where Remix calls them: the packages' exports", () => {
    const require = createRequire(import.meta.url);
    const router = require("@remix-run/router") as Record<string, unknown>;
    const entry = require("@remix-run/server-runtime/dist/entry.js") as Record<string, unknown>;
    const routes = require("@remix-run/react/dist/routes.js") as Record<string, unknown>;
    const before = {
      createStaticHandler: router.createStaticHandler,
      UNSAFE_convertRoutesToDataRoutes: router.UNSAFE_convertRoutesToDataRoutes,
      createEntryRouteModules: entry.createEntryRouteModules,
      createServerRoutes: routes.createServerRoutes,
    };
    try {
      installPerBuildCaches();
      expect(router.createStaticHandler).not.toBe(before.createStaticHandler);
      expect(router.UNSAFE_convertRoutesToDataRoutes).not.toBe(before.UNSAFE_convertRoutesToDataRoutes);
      const manifest = { root: { module: { default: () => null } } };
      const modules = (entry.createEntryRouteModules as (m: object) => object)(manifest);
      expect((entry.createEntryRouteModules as (m: object) => object)(manifest)).toBe(modules);
      const serverManifest = { root: { id: "root", path: "", hasLoader: true } };
      const make = routes.createServerRoutes as (m: object, r: object, f: object, spa: boolean) => unknown[];
      const made = make(serverManifest, modules, {}, false);
      expect(made).toHaveLength(1);
      expect(make(serverManifest, modules, {}, false)).toBe(made);
    } finally {
      router.createStaticHandler = before.createStaticHandler;
      router.UNSAFE_convertRoutesToDataRoutes = before.UNSAFE_convertRoutesToDataRoutes;
      entry.createEntryRouteModules = before.createEntryRouteModules;
      routes.createServerRoutes = before.createServerRoutes;
    }
  });
});
