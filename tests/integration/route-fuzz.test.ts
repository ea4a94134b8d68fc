// Random and hostile input to every loader and action of every route module (fast-check): huge strings,
// control and unicode characters, numbers that are not, wrong types (repeated keys, JSON where a form is
// expected, multipart), prototype keys (__proto__, constructor), in the query, the route params and the
// body, sent as someone the route lets through (with a valid session and CSRF token, so the input
// reaches validation). No answer is a 5xx; and without a valid CSRF token an action changes no row.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { ACTORS, seedRouteWorld, type Actor, type RouteWorld } from "../../scripts/fixtures/route-world";
import { databaseChecksum } from "../../scripts/fixtures/db-checksum";
import { CSRF, ORIGIN } from "../../scripts/fixtures/workspace";
import { ROUTE_MODULES } from "./route-modules";
import { allowed, RULES, urlOf, type RouteFn, type RouteModule } from "./route-rules";

/** Runs per route and method: ~60 modules × (loader + action) × RUNS calls in all. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const csrfCookie = `ocop_csrf=${Buffer.from(JSON.stringify(CSRF)).toString("base64")}`;

// Field names the app reads (from its forms, loaders and schemas), and the values of its intents.
const KEYS = [
  "intent", "q", "page", "trang", "sort", "status", "ky", "nam", "tu", "den", "tinh", "dang", "noi-dung", "dinh-dang", "lang", "redirectTo",
  "name", "email", "password", "phone", "province", "commune", "street", "note", "method", "quantity", "productId", "product", "id", "code",
  "price", "stock", "unit", "weightGrams", "category", "description", "sku", "stars", "number", "issuer", "issuedOn", "expiresOn", "kind",
  "certificateId", "photoId", "alt", "to", "memberId", "invitationId", "taxCode", "address", "bankBin", "bankAccountNumber", "bankAccountName",
  "marketplace", "listingId", "jobId", "progress", "token", "year", "min", "max", "reason", "outcome", "group", "stay", "source", "file",
];
/** What loaders read from the query string. */
const QUERY_KEYS = ["ky", "tu", "den", "nam", "q", "page", "trang", "sort", "status", "tinh", "dang", "noi-dung", "dinh-dang", "lang", "redirectTo", "progress", "token", "moi", "san", "saved", "done", "verified", "code", "marketplace", "product", "productId", "province", "intent", "jobId", "listingId", "certificateId"];
const INTENTS = ["activate", "add", "all", "archive", "cancel", "changes", "delete", "discard", "draft", "duplicate", "invite", "move", "pay", "remove", "reorder", "restore", "revoke", "update", "up", "down", "first", "valid_only", "verify", "csv", "xlsx", "san-pham", "mau"];
const PROTO_KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "__defineGetter__", "valueOf"];

// Dates and periods, valid in form but not always in fact (year 0000, month 13, 31/02).
const year = fc.integer({ min: 0, max: 9999 }).map((y) => String(y).padStart(4, "0"));
const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, "0"));
const day = fc.tuple(year, two(13), two(32)).map(([y, m, d]) => `${y}-${m}-${d}`);
const dateish = fc.oneof(
  year,
  fc.tuple(year, two(13)).map(([y, m]) => `${y}-${m}`),
  fc.tuple(year, fc.integer({ min: 0, max: 5 })).map(([y, q]) => `${y}-Q${q}`),
  fc.tuple(day, day).map(([a, b]) => `${a}..${b}`),
  day,
  fc.tuple(two(32), two(13), year).map(([d, m, y]) => `${d}/${m}/${y}`),
);

const hostile = fc.oneof(
  { arbitrary: dateish, weight: 3 },
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "", " ", "0", "-1", "0000", "1e309", "NaN", "Infinity", "-0", "9".repeat(40), "1.5", "0x10", "150.000", "1,5tr", "true", "null", "undefined", "[]", "{}",
    "<script>alert(1)</script>", "\"'><img src=x onerror=alert(1)>", "' OR 1=1 --", "../../../etc/passwd", "%00", "\u0000", "\t\r\n", "\u2028\u2029", "\uFEFF",
    "\uD800", "🍯🐝", "Đồng Tháp", "=HYPERLINK(\"http://evil\")", "//evil.example", "/\t/evil.example", "javascript:alert(1)", "CK000000", "OC000000",
    "2025-02-31", "31/02/2025", "dong-thap", "an-giang", "toan-quoc", "shopee", "postmart",
  ),
  fc.integer().map(String),
  fc.constant("x".repeat(70_000)),
  fc.constant("ệ".repeat(20_000)),
  fc.constantFrom(...INTENTS),
) as fc.Arbitrary<string>;
const key = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...KEYS) }, { weight: 2, arbitrary: fc.constantFrom(...PROTO_KEYS) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) });
const queryKey = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...QUERY_KEYS) }, { weight: 1, arbitrary: fc.constantFrom(...PROTO_KEYS) });
/** Repeated keys stand for arrays (`?q=a&q=b`), which a form cannot otherwise send. */
const fields = fc.array(fc.tuple(key, hostile), { maxLength: 8 });

const input = fc.record({
  query: fc.array(fc.tuple(queryKey, hostile), { maxLength: 4 }),
  body: fields,
  encoding: fc.constantFrom("form", "multipart", "json", "garbage"),
  params: fc.dictionary(fc.constantFrom("id", "code", "importId", "slug", "province", "token", "batchId", "*"), hostile, { maxKeys: 3 }),
  useOwnParams: fc.boolean(),
});
type Input = typeof input extends fc.Arbitrary<infer T> ? T : never;

/** Who sends the input: someone the route lets in, so it reaches validation. */
function senderFor(routeId: string): Actor {
  const rule = RULES[routeId]!;
  if (rule.who === "public") return routeId.startsWith("storefront/") ? "shopper" : "anonymous";
  const preferred: Actor[] = ["shopper", "producer", "official", "admin", "national_official"];
  return preferred.find((a) => allowed(rule, a)) ?? ACTORS[0];
}

function build(routeId: string, world: RouteWorld, x: Input, method: "GET" | "POST", cookie: string, withCsrf: boolean) {
  const rule = RULES[routeId]!;
  const own = rule.params?.(world, "own") ?? {};
  // The params the route's URL needs, from the world or hostile; a route never gets params it does not declare.
  const params = Object.fromEntries(Object.keys(own).map((k) => [k, x.useOwnParams || x.params[k] === undefined ? own[k]! : x.params[k]!]));
  const query = new URLSearchParams(x.query);
  const url = `${ORIGIN}${urlOf(routeId, params)}${query.size ? `?${query}` : ""}`;
  const headers: Record<string, string> = { Cookie: [csrfCookie, cookie].filter(Boolean).join("; ") };
  if (method === "GET") return { request: new Request(url, { headers }), params };
  headers.Origin = ORIGIN;
  const pairs: [string, string][] = withCsrf ? [["csrf", CSRF], ...x.body] : x.body;
  let body: BodyInit;
  switch (x.encoding) {
    case "form":
      body = new URLSearchParams(pairs);
      headers["Content-Type"] = "application/x-www-form-urlencoded";
      break;
    case "multipart": {
      const form = new FormData();
      for (const [k, v] of pairs) form.append(k, k === "file" ? new File([v], "tep.csv") : v);
      body = form;
      break;
    }
    case "json":
      body = JSON.stringify(Object.fromEntries(pairs));
      headers["Content-Type"] = "application/json";
      break;
    default:
      body = new Uint8Array([0xff, 0xfe, 0x00, 0x01, ...Buffer.from(pairs.flat().join("&").slice(0, 1000))]);
      headers["Content-Type"] = "multipart/form-data; boundary=";
  }
  return { request: new Request(url, { method: "POST", headers, body }), params };
}

/** The status Remix would answer with, or 500 for anything thrown that is not an answer. */
async function statusOf(fn: RouteFn, request: Request, params: Record<string, string>): Promise<{ status: number; error?: unknown }> {
  try {
    const result = await fn({ request, params, context: {} });
    if (result instanceof Response) return { status: result.status };
    return { status: (result as { init?: { status?: number } | null } | null)?.init?.status ?? 200 };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status };
    if (thrown && typeof thrown === "object" && "init" in thrown && "data" in thrown) return { status: (thrown as { init?: { status?: number } | null }).init?.status ?? 200 };
    return { status: 500, error: thrown };
  }
}

let world: RouteWorld;
const modules: [string, RouteModule][] = [];

beforeAll(async () => {
  world = await seedRouteWorld();
  for (const [routeId, load] of Object.entries(ROUTE_MODULES)) if (RULES[routeId]) modules.push([routeId, await load()]);
}, 60_000);

const describeInput = (x: Input) => JSON.stringify(x, (_k, v: unknown) => (typeof v === "string" && v.length > 80 ? `${v.slice(0, 20)}…(${v.length})` : v));

describe("random and hostile input to every route", () => {
  it("never gets a 5xx from a loader", async () => {
    const failures: string[] = [];
    for (const [routeId, module] of modules) {
      if (!module.loader) continue;
      const cookie = await world.cookieOf(senderFor(routeId));
      await fc.assert(
        fc.asyncProperty(input, async (x) => {
          const { request, params } = build(routeId, world, x, "GET", cookie, true);
          const answer = await statusOf(module.loader!, request, params);
          if (answer.status >= 500) failures.push(`${routeId} loader ${describeInput(x)}: ${String(answer.error)}`);
          return answer.status < 500;
        }),
        { numRuns: RUNS, endOnFailure: true },
      ).catch(() => {});
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it("never gets a 5xx from an action, and changes no row without a valid CSRF token", async () => {
    const failures: string[] = [];
    for (const [routeId, module] of modules) {
      if (!module.action) continue;
      const sender = senderFor(routeId);
      await fc.assert(
        fc.asyncProperty(input, fc.boolean(), async (x, withCsrf) => {
          // A fresh session each time: a log-out (or a changed password) in one run does not end the next.
          const cookie = await world.cookieOf(sender);
          const before = withCsrf ? null : databaseChecksum();
          const { request, params } = build(routeId, world, x, "POST", cookie, withCsrf);
          const answer = await statusOf(module.action!, request, params);
          const changed = before !== null && databaseChecksum() !== before;
          if (answer.status >= 500) failures.push(`${routeId} action ${describeInput(x)}: ${String(answer.error)}`);
          if (changed) failures.push(`${routeId} action without CSRF changed rows: ${describeInput(x)}`);
          return answer.status < 500 && !changed;
        }),
        { numRuns: RUNS, endOnFailure: true },
      ).catch(() => {});
    }
    expect(failures).toEqual([]);
  }, 180_000);
});
