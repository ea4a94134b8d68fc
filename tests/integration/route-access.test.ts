// The authorization matrix, generated from the route modules themselves: every loader and action of
// every route under app/routes, called as every kind of visitor (anonymous, shopper, producer A,
// official of province A, official of province B, national official, admin) with side A's ids and side
// B's (producer B's product, order and import; province B; another shopper's purchase), so each
// province-scoped route is tried by A's official on B's ids and by B's official on A's. The rules are in
// route-rules.ts; a route without one fails here. Refused: a redirect to log in, a 403 or a 404, never
// a 200 with the other side's data, never a 5xx, and an action changes no row.
import { describe, expect, it } from "vitest";
import { ACTORS, OTHER_SIDE_MARKER, OWN_SIDE_MARKER, seedRouteWorld, type Actor, type RouteWorld, type Side } from "../../scripts/fixtures/route-world";
import { databaseChecksum } from "../../scripts/fixtures/db-checksum";
import { CSRF, ORIGIN } from "../../scripts/fixtures/workspace";
import { ROUTE_MODULES } from "./route-modules";
import { allowed, inScope, RULES, unmatched, urlOf, type RouteFn } from "./route-rules";

const csrfCookie = `ocop_csrf=${Buffer.from(JSON.stringify(CSRF)).toString("base64")}`;

type Answer = { status: number; location: string | null; body: string };

async function answer(fn: RouteFn, request: Request, params: Record<string, string>): Promise<Answer> {
  let result: unknown;
  try {
    result = await fn({ request, params, context: {} });
  } catch (thrown) {
    result = thrown;
  }
  if (result instanceof Response) {
    const body = result.status === 200 && !result.bodyUsed ? await result.clone().text().catch(() => "") : "";
    return { status: result.status, location: result.headers.get("Location"), body };
  }
  if (result instanceof Error) return { status: 500, location: null, body: `${result.name}: ${result.message}` };
  const init = (result as { init?: { status?: number } | null } | null)?.init;
  const data = (result as { data?: unknown } | null)?.data ?? result;
  return { status: init?.status ?? 200, location: null, body: JSON.stringify(data ?? null) ?? "" };
}

// A JSON API refuses with 401 (no session) rather than a redirect to the login page.
const refused = (a: Answer) => a.status === 401 || a.status === 403 || a.status === 404 || (a.status === 302 && (a.location ?? "").startsWith("/dang-nhap"));

async function request(method: "GET" | "POST", url: string, cookie: string): Promise<Request> {
  const headers: Record<string, string> = { Cookie: [csrfCookie, cookie].filter(Boolean).join("; ") };
  if (method === "GET") return new Request(ORIGIN + url, { headers });
  return new Request(ORIGIN + url, {
    method: "POST",
    headers: { ...headers, Origin: ORIGIN, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrf: CSRF, intent: "delete" }),
  });
}

describe("authorization matrix", () => {
  it("has a rule for every route module, and a module for every rule", () => {
    expect(unmatched(ROUTE_MODULES, RULES)).toEqual({ withoutRule: [], withoutModule: [] });
    // A new route module without a rule is caught, whoever it is for.
    const added = { ...ROUTE_MODULES, "officials/can-bo.moi.$province": ROUTE_MODULES["api/healthz"] };
    expect(unmatched(added, RULES).withoutRule).toEqual(["officials/can-bo.moi.$province"]);
  });

  it("lets each visitor reach exactly what the rules say, on their own side only", async () => {
    const world: RouteWorld = await seedRouteWorld();
    const problems: string[] = [];
    let calls = 0;
    for (const [routeId, load] of Object.entries(ROUTE_MODULES)) {
      const rule = RULES[routeId];
      if (!rule) continue; // reported by the test above
      const module = await load();
      const sides: Side[] = rule.params ? ["own", "other"] : ["own"];
      for (const actor of ACTORS as readonly Actor[]) {
        for (const side of sides) {
          const params = rule.params?.(world, side) ?? {};
          const url = urlOf(routeId, params);
          const may = allowed(rule, actor);
          const mine = may && inScope(rule, actor, side);
          const what = `${routeId} as ${actor} (${side})`;
          if (module.loader) {
            calls++;
            const a = await answer(module.loader, await request("GET", url, await world.cookieOf(actor)), params);
            if (a.status >= 500) problems.push(`${what} loader: ${a.status} ${a.body}`);
            else if (!mine && !refused(a)) problems.push(`${what} loader: expected refused, got ${a.status} ${a.location ?? ""}`);
            else if (mine && refused(a) && a.status !== rule.ownStatus) problems.push(`${what} loader: expected access, got ${a.status} ${a.location ?? ""}`);
            if (!mine && a.body.includes(side === "other" ? OTHER_SIDE_MARKER : OWN_SIDE_MARKER)) problems.push(`${what} loader: shows the other side's data`);
          }
          if (module.action) {
            calls++;
            const before = databaseChecksum();
            const a = await answer(module.action, await request("POST", url, await world.cookieOf(actor)), params);
            if (a.status >= 500) problems.push(`${what} action: ${a.status} ${a.body}`);
            else if (!may && !refused(a)) problems.push(`${what} action: expected refused, got ${a.status} ${a.location ?? ""}`);
            if (!mine) {
              if (a.status < 400 && !refused(a)) problems.push(`${what} action: expected a 4xx, got ${a.status} ${a.location ?? ""}`);
              if (databaseChecksum() !== before) problems.push(`${what} action: changed rows`);
            }
          }
        }
      }
    }
    console.info(`authorization matrix: ${calls} calls over ${Object.keys(ROUTE_MODULES).length} route modules`);
    expect(problems).toEqual([]);
  }, 120_000);
});
