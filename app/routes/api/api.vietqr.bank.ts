import type { ActionFunctionArgs } from "@remix-run/node";
import { providerFor } from "~/payments/registry.server";
import { receive } from "~/payments/webhook-http.server";

// The bank's VietQR transfer notifications: X-Signature (HMAC-SHA256 of the raw body) checked
// first. Matched on the order code in the memo and the exact amount; a transfer that is short,
// over or late is kept and flagged for the producer, not silently accepted.
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return new Response("Method not allowed", { status: 405 });
  const result = await receive(providerFor("vietqr"), request);
  if (!result) return Response.json({ error: "invalid signature or payload" }, { status: 400 });
  return Response.json({ received: true, matched: result.kind === "applied" || result.kind === "duplicate", result: result.kind });
}
