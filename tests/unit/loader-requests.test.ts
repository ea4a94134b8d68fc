// A page's loaders get the request itself when Remix's copy of it would be equal
// (app/http/loader-requests.server.ts); otherwise Remix's own callRouteLoader makes the copy.
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { installSameRequestLoaders, loaderGetsSameRequest, sameRequestLoaders } from "~/http/loader-requests.server";

const require = createRequire(import.meta.url);
const data = require("@remix-run/server-runtime/dist/data.js") as { callRouteLoader: (args: object) => Promise<unknown> };
const responses = require("@remix-run/server-runtime/dist/responses.js");

const at = (path: string, init?: RequestInit) => new Request(`http://shop.test${path}`, init);

describe("a loader's request", () => {
  it("is the request itself only where Remix's copy would be the same", () => {
    expect(loaderGetsSameRequest(at("/gio-hang"))).toBe(true);
    expect(loaderGetsSameRequest(at("/san-pham?page=2&sort=price_asc"))).toBe(true);
    expect(loaderGetsSameRequest(at("/san-pham?q=nuoc+mam"))).toBe(true);
    expect(loaderGetsSameRequest(at("/san-pham?index"))).toBe(false);
    expect(loaderGetsSameRequest(at("/san-pham?_routes=root"))).toBe(false);
    expect(loaderGetsSameRequest(at("/san-pham?q=nuoc%20mam"))).toBe(false); // Remix would write "+": its copy differs
    expect(loaderGetsSameRequest(at("/gio-hang", { method: "POST", body: "a=1" }))).toBe(false);
  });

  it("reaches every loader of a page as one object, with the same answers as Remix's copies", async () => {
    const call = sameRequestLoaders(data.callRouteLoader as never, responses);
    const request = at("/san-pham?page=2");
    const seen: Request[] = [];
    const loader = ({ request }: { request: Request }) => (seen.push(request), { url: request.url });
    const args = (routeId: string, r = request) => ({ loadContext: {}, loader, params: {}, request: r, routeId, singleFetch: true });
    expect(await call(args("root"))).toEqual(await data.callRouteLoader(args("root")));
    await call(args("list"));
    expect(seen[0]).toBe(request);
    expect(seen[2]).toBe(request);
    expect(seen[1]).not.toBe(request); // Remix's own: a copy
    const withIndex = at("/san-pham?index&page=2");
    expect(await call(args("list", withIndex))).toEqual({ url: "http://shop.test/san-pham?page=2" });
    expect(seen[3]).not.toBe(withIndex);
    await expect(call({ ...args("list"), loader: () => undefined })).rejects.toThrow(/didn't return anything/);
  });

  it("is installed where Remix's routes call callRouteLoader", () => {
    const original = data.callRouteLoader;
    try {
      installSameRequestLoaders();
      expect(data.callRouteLoader).not.toBe(original);
    } finally {
      data.callRouteLoader = original;
    }
  });
});
