import type { ActionFunctionArgs } from "@remix-run/node";
import { providerFor } from "~/payments/registry.server";
import { receive } from "~/payments/webhook-http.server";

// Stripe's webhook endpoint: Stripe-Signature checked on the raw body first (400, nothing
// written, when it fails); any verified event is acknowledged with 200 so Stripe stops retrying.
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return new Response("Method not allowed", { status: 405 });
  const result = await receive(providerFor("stripe"), request);
  if (!result) return Response.json({ error: "invalid signature" }, { status: 400 });
  return Response.json({ received: true, result: result.kind });
}
