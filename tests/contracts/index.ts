// Every marketplace's contracts and documented examples, by marketplace code.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { contractFor, type Contract, type Example } from "./contract";
import { LAZADA_EXAMPLES } from "./lazada/examples";
import { LAZADA } from "./lazada/schemas";
import { SHOPEE } from "./shopee/schemas";
import { TIKI_EXAMPLES } from "./tiki/examples";
import { TIKI } from "./tiki/schemas";
import { TIKTOK_EXAMPLES } from "./tiktok/examples";
import { TIKTOK } from "./tiktok/schemas";

export const CONTRACTS = { shopee: SHOPEE, lazada: LAZADA, tiktok: TIKTOK, tiki: TIKI } satisfies Record<string, Contract[]>;
export type ContractCode = keyof typeof CONTRACTS;

/**
 * Shopee's examples are the API reference's own samples, one JSON file per endpoint. Its samples write
 * "-" for "any string" in error/message: a success sample's placeholders are read as the empty string the
 * reference says a success carries.
 */
function shopeeExamples(): Example[] {
  const dir = join(import.meta.dirname, "shopee");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => {
      const example = JSON.parse(readFileSync(join(dir, f), "utf8")) as Example;
      const response = example.response as Record<string, unknown>;
      for (const key of ["error", "message", "warning"]) if (response[key] === "-") response[key] = "";
      return example;
    });
}

export const EXAMPLES: Record<ContractCode, Example[]> = { shopee: shopeeExamples(), lazada: LAZADA_EXAMPLES, tiktok: TIKTOK_EXAMPLES, tiki: TIKI_EXAMPLES };

/** The documented example of an endpoint ("METHOD /path" as written in the example). */
export function example(code: ContractCode, endpoint: string): Example {
  const found = EXAMPLES[code].find((e) => e.endpoint === endpoint);
  if (!found) throw new Error(`no documented example for ${code} ${endpoint}`);
  return found;
}

/** The API path of a call as the contracts name it (Lazada's gateway puts `/rest` in front). */
export function apiPath(code: ContractCode, path: string): string {
  return code === "lazada" ? path.replace(/^\/rest(?=\/)/, "") : path;
}

export function contract(code: ContractCode, method: string, path: string): Contract | undefined {
  return contractFor(CONTRACTS[code], method, apiPath(code, path));
}
