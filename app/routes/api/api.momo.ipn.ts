import type { ActionFunctionArgs } from "@remix-run/node";
import { providerFor } from "~/payments/registry.server";
import { receive } from "~/payments/webhook-http.server";

// MoMo's IPN: signature over the documented fields first (400, nothing written, when it
// fails); a verified notification is acknowledged with 204 as MoMo expects.
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return new Response("Method not allowed", { status: 405 });
  const result = await receive(providerFor("momo"), request);
  if (!result) return Response.json({ error: "invalid signature" }, { status: 400 });
  return new Response(null, { status: 204 });
}
