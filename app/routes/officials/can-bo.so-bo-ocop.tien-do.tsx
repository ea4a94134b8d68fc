import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireVerifier } from "~/auth/scope-guards.server";
import { PROGRESS_TOKEN, readProgress } from "~/imports/progress.server";

// How far the official's running registry upload or import has come (polled by the page, JSON).
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireVerifier(request);
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const progress = PROGRESS_TOKEN.test(token) ? readProgress(user.id, token) : null;
  return new Response(JSON.stringify(progress), { headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } });
}
