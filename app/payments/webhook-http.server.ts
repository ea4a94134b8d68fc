// The HTTP side of webhooks/IPNs, shared by their routes: read the raw body (signatures are
// over exact bytes) with a size cap, check the signature through the provider, apply.
import type { PaymentProvider, RawRequest } from "./provider";
import { applyProviderEvent, type ApplyResult } from "./webhooks.server";

const MAX_BODY = 256 * 1024;

export async function rawRequest(request: Request): Promise<RawRequest | null> {
  const length = Number(request.headers.get("Content-Length") ?? "0");
  if (length > MAX_BODY) return null;
  const body = request.method === "GET" ? "" : await request.text();
  if (body.length > MAX_BODY) return null;
  return { body, headers: request.headers, query: new URL(request.url).searchParams };
}

/** null: refused before anything was read into the database (bad signature, too large). */
export async function receive(provider: PaymentProvider, request: Request): Promise<ApplyResult | null> {
  const raw = await rawRequest(request);
  const event = raw && provider.readEvent ? provider.readEvent(raw) : null;
  return event ? applyProviderEvent(event) : null;
}
