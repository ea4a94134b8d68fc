import type { LoaderFunctionArgs } from "@remix-run/node";
import { createHash } from "node:crypto";
import { requireIndicatorScope } from "~/indicators/access.server";
import { openDataJson } from "~/indicators/open-data.server";
import { overview } from "~/indicators/overview.server";
import { periodFromUrl } from "~/indicators/period-param.server";

/** GET /api/chi-so/:province?ky=2026-11 — the indicators as JSON, with an ETag. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { province } = await requireIndicatorScope(request, params.province);
  const url = new URL(request.url);
  const { period, invalid } = periodFromUrl(url);
  if (invalid) {
    return Response.json({ error: "invalid_period", hint: "ky=yyyy-MM | yyyy-Qn | yyyy | yyyy-MM-dd..yyyy-MM-dd" }, { status: 400 });
  }
  const body = JSON.stringify(openDataJson(province, overview(province?.id ?? null, period)));
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  const headers = { "Cache-Control": "private, max-age=300", ETag: etag, Vary: "Cookie" };
  if (request.headers.get("If-None-Match") === etag) return new Response(null, { status: 304, headers });
  return new Response(body, { headers: { ...headers, "Content-Type": "application/json; charset=utf-8" } });
}
