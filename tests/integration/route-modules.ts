// Every route module under app/routes, loaded through Vite's glob import. Kept apart from the rules
// (route-rules.ts) so that the rules can be read outside Vite too: the phone overflow spec
// (tests/e2e/overflow.phone.spec.ts) walks every page of the rules under Playwright.
import type { RouteModule } from "./route-rules";

/** Every route module under app/routes, by route id ("seller/kenh-nguoi-ban.ho-so"). */
export const ROUTE_MODULES = Object.fromEntries(
  Object.entries(import.meta.glob<RouteModule>("/app/routes/**/*.{ts,tsx}")).map(([file, load]) => [file.replace(/^\/app\/routes\//, "").replace(/\.tsx?$/, ""), load]),
);
