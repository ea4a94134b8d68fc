import { layout, type RouteConfig, type RouteConfigEntry } from "@remix-run/route-config";
import { flatRoutes } from "@remix-run/fs-routes";

// One folder per area, named for who uses it. Inside a folder, Remix's flat-routes convention holds: a file's
// name is its URL (`kenh-nguoi-ban.san-pham.$id.tsx` is /kenh-nguoi-ban/san-pham/:id), and a route id is
// "routes/<folder>/<file name>". Each area's layout route renders its navigation and exports an ErrorBoundary
// that keeps it: the seller centre's `kenh-nguoi-ban.tsx`, the indicators' `chi-so.$province.tsx`; an area whose
// URLs share no parent gets a pathless `layout.tsx`, which adds no URL. The storefront and the API use the root's.
const area = (folder: string) => flatRoutes({ rootDirectory: `routes/${folder}`, ignoredRouteFiles: ["**/layout.tsx"] });

async function routes(): Promise<RouteConfigEntry[]> {
  const [storefront, seller, officials, indicators, admin, api] = await Promise.all([
    area("storefront"),
    area("seller"),
    area("officials"),
    area("indicators"),
    area("admin"),
    area("api"),
  ]);
  return [
    ...storefront, // shoppers: catalogue, cart, checkout, orders, account, log-in, language
    ...seller, // producers' seller centre, /kenh-nguoi-ban
    layout("routes/officials/layout.tsx", officials), // officials' verification and registry, /can-bo
    ...indicators, // officials' indicators, /chi-so
    layout("routes/admin/layout.tsx", admin), // administrators, /quan-tri
    ...api, // JSON, payment webhooks and IPNs, health check
  ];
}

export default routes() satisfies RouteConfig;
