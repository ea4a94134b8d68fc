// The JavaScript a browser downloads for a page, from the build's manifest: the client entry,
// the root route and the page's route with everything they import (each file once), gzipped.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

type RouteEntry = { module: string; imports?: string[] };
type Manifest = { entry: RouteEntry; routes: Record<string, RouteEntry> };

function manifest(dir: string): Manifest {
  const file = readdirSync(join(dir, "assets")).find((f) => /^manifest-.*\.js$/.test(f));
  if (!file) throw new Error("no manifest in the client build");
  const text = readFileSync(join(dir, "assets", file), "utf8");
  return JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1)) as Manifest;
}

/** Gzipped kB of JavaScript for each route id given (the root's included), and the three largest files. */
export function jsWeight(routeIds: string[], dir = "build/client"): { route: string; kB: number; largest: string }[] {
  const m = manifest(dir);
  const size = (url: string) => gzipSync(readFileSync(join(dir, url))).length;
  return routeIds.map((id) => {
    const files = new Set<string>();
    for (const r of [m.entry, m.routes.root!, m.routes[id]!]) {
      if (!r) throw new Error(`no route ${id} in the manifest`);
      files.add(r.module);
      for (const i of r.imports ?? []) files.add(i);
    }
    const sized = [...files].map((f) => ({ f, n: size(f) })).sort((a, b) => b.n - a.n);
    const total = sized.reduce((s, x) => s + x.n, 0);
    return {
      route: id,
      kB: Math.round(total / 102.4) / 10,
      largest: sized.slice(0, 3).map((x) => `${x.f.replace(/^\/assets\//, "")} ${(x.n / 1024).toFixed(1)}`).join(", "),
    };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.table(jsWeight(["routes/storefront/_index", "routes/storefront/san-pham._index", "routes/storefront/san-pham.$slug", "routes/storefront/gio-hang"]));
}
