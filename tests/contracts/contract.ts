// What a provider contract is: per endpoint the documented request and answer shapes (zod), written
// from the provider's documents (the example files beside each provider's schemas.ts, each citing its
// source), never from our adapters or sandboxes. Tests parse the documented examples with the adapters
// and check every sandbox answer against the same schemas.
import type { z } from "zod";

export type Contract = {
  method: "GET" | "POST" | "PUT";
  /** The API path (without host or the `/rest` prefix); a RegExp for paths with ids in them. */
  path: string | RegExp;
  /** Every answer the endpoint may give: the success shape or the provider's error envelope. */
  response: z.ZodType;
  /** The request body (JSON, or the urlencoded form's fields) where the document shows it. */
  request?: z.ZodType;
};

/** The contract for a call, by method and path. */
export function contractFor(contracts: readonly Contract[], method: string, path: string): Contract | undefined {
  return contracts.find((c) => c.method === method && (typeof c.path === "string" ? c.path === path : c.path.test(path)));
}

/** Where a documented example came from and what it shows. */
export type Example = {
  endpoint: string;
  source: string;
  note?: string;
  requestQuery?: string;
  requestBody?: unknown;
  response: unknown;
  errorExample?: unknown;
};
