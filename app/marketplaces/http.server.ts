// The one way adapters reach a marketplace: paced per shop, with a timeout, and the
// transport's failures already in the connector's vocabulary (network errors and timeouts
// are retryable, HTTP 429 is rate_limited, 5xx retryable). What a 200 body means is each
// adapter's business.
import type { Pacer } from "./pacer";
import { MarketplaceError, type HttpClient, type HttpRequest, type HttpResponse } from "./types";

export type HttpOptions = {
  timeoutMs: number;
  pacer?: Pacer;
  /** Aborts waiting and in-flight calls (the worker stopping). */
  signal?: AbortSignal;
  /** Called for every call actually sent (for the bench and the worker's log). */
  onCall?: (request: HttpRequest, response: HttpResponse | null) => void;
};

/** Retry-After as seconds or an HTTP date → ms; undefined when absent or unreadable. */
export function retryAfterMs(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

export function createHttpClient(options: HttpOptions): HttpClient {
  return async (request) => {
    if (options.pacer) await options.pacer.acquire(options.signal);
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    let response: HttpResponse;
    try {
      const res = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body, signal });
      response = { status: res.status, headers: res.headers, text: await res.text() };
    } catch (error) {
      options.onCall?.(request, null);
      if (options.signal?.aborted) throw error;
      const timedOut = timeout.aborted;
      throw new MarketplaceError("retryable", timedOut ? `no answer within ${options.timeoutMs} ms` : `network: ${(error as Error).message}`);
    }
    options.onCall?.(request, response);
    if (response.status === 429) {
      throw new MarketplaceError("rate_limited", `HTTP 429 ${response.text.slice(0, 200)}`, { retryAfterMs: retryAfterMs(response.headers.get("retry-after")) });
    }
    if (response.status >= 500) throw new MarketplaceError("retryable", `HTTP ${response.status} ${response.text.slice(0, 200)}`);
    return response;
  };
}

/** Parses a JSON body; a non-JSON 200 is the marketplace misbehaving (retryable). */
export function json<T = Record<string, unknown>>(response: HttpResponse): T {
  try {
    return JSON.parse(response.text) as T;
  } catch {
    throw new MarketplaceError("retryable", `not JSON (HTTP ${response.status}): ${response.text.slice(0, 120)}`);
  }
}
