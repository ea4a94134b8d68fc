import type { LoaderFunctionArgs } from "@remix-run/node";
import { createHash } from "node:crypto";
import { indicatorApiScope } from "~/indicators/access.server";
import { openDataJson } from "~/indicators/open-data.server";
import { overview } from "~/indicators/overview.server";
import { PERIOD_ERRORS, readIndicatorParams } from "~/indicators/period-param.server";
import { vietnamToday } from "~/i18n/format";

/**
 * GET /api/chi-so/:province?ky=2026-11&as_of=2026-11-30 — the indicators as JSON (shape:
 * /api/chi-so/schema.json), with an ETag. Every failure is JSON too: 400, 401, 403, 404. The
 * national answer sums the provinces' kept figures (registry-store.server.ts); `freshness` says
 * whether they are current.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await indicatorApiScope(request, params.province);
  if (scope instanceof Response) return scope;
  const today = vietnamToday();
  const asked = readIndicatorParams(new URL(request.url), today);
  if (!asked.ok) {
    const m = PERIOD_ERRORS[asked.error];
    return Response.json(
      { error: asked.error, message: `${m.vi} / ${m.en}`, hint: "ky=yyyy-MM | yyyy-Qn | yyyy | yyyy-MM-dd..yyyy-MM-dd; as_of=yyyy-MM-dd" },
      { status: 400, headers: { "Cache-Control": "no-store" } },
    );
  }
  const { province } = scope;
  const answer = openDataJson(province, overview(province?.id ?? null, asked.period, today, asked.asOf));
  const body = JSON.stringify(answer);
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  // An official's answer, like every signed-in one, is kept by no cache (scripts/http-guards.ts says the
  // same for the whole server); a client that keeps the body itself revalidates with If-None-Match.
  const headers = { "Cache-Control": "private, no-store", ETag: etag, Vary: "Cookie" };
  if (request.headers.get("If-None-Match") === etag) return new Response(null, { status: 304, headers });
  return new Response(body, { headers: { ...headers, "Content-Type": "application/json; charset=utf-8" } });
}
