// The HTTP side of webhooks/IPNs, shared by their routes: read the raw body (signatures are
// over exact bytes) with a size cap, check the signature through the provider, apply.
import { readBoundedText, WEBHOOK_MAX_BYTES } from "~/http/body-limits.server";
import type { PaymentProvider, RawRequest } from "./provider";
import { applyProviderEvent, type ApplyResult } from "./webhooks.server";

export async function rawRequest(request: Request): Promise<RawRequest | null> {
  const body = request.method === "GET" ? "" : await readBoundedText(request, WEBHOOK_MAX_BYTES);
  if (body === null) return null;
  return { body, headers: request.headers, query: new URL(request.url).searchParams };
}

/** null: refused before anything was read into the database (bad signature, too large). */
export async function receive(provider: PaymentProvider, request: Request): Promise<ApplyResult | null> {
  const raw = await rawRequest(request);
  const event = raw && provider.readEvent ? provider.readEvent(raw) : null;
  return event ? applyProviderEvent(event) : null;
}
