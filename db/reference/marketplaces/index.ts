// Every marketplace the connector knows, one definition each (./<code>.ts). Everything that differs
// by marketplace derives from this list: the codes (db/vocabulary.ts), the `marketplaces` rows and
// connector defaults (db/reference/), readiness (app/catalog/readiness.ts), the adapters'
// configuration (app/marketplaces/config.server.ts), order codes, and the sandboxes' ports.
//
// A new marketplace: write ./<code>.ts (copy the closest one) and add it below; then its adapter
// (app/marketplaces/<code>.server.ts, listed in app/marketplaces/registry.server.ts) and, for an
// API marketplace, its sandbox (scripts/sandbox/<code>.ts, listed in scripts/sandbox/index.ts).
// The type checker points at each list that still lacks it.
import type { CategoryMapping, MarketplaceDefinition } from "./definition";
import { lazada } from "./lazada";
import { postmart } from "./postmart";
import { shopee } from "./shopee";
import { tiki } from "./tiki";
import { tiktok } from "./tiktok";
import { voso } from "./voso";

const DEFINITIONS = { shopee, lazada, tiktok, tiki, postmart, voso };

export type MarketplaceCode = keyof typeof DEFINITIONS;

/** By code, in display order. Typed so that a definition filed under another code than its own fails. */
export const MARKETPLACES: { readonly [C in MarketplaceCode]: (typeof DEFINITIONS)[C] & { code: C } } = DEFINITIONS;

// Pure (no side effect): a browser bundle that imports only the vocabulary's other lists leaves the definitions out.
export const MARKETPLACE_CODES = /* @__PURE__ */ Object.keys(MARKETPLACES) as [MarketplaceCode, ...MarketplaceCode[]];

/** Marketplaces with a sandbox (every API marketplace). */
export type SandboxCode = { [C in MarketplaceCode]: (typeof MARKETPLACES)[C] extends { sandbox: object } ? C : never }[MarketplaceCode];
export const SANDBOX_CODES = /* @__PURE__ */ MARKETPLACE_CODES.filter((c): c is SandboxCode => "sandbox" in MARKETPLACES[c]);

type EnvOf<C extends MarketplaceCode> = (typeof MARKETPLACES)[C] extends { env: infer E } ? E : Record<never, never>;
/** A marketplace's environment variables with their values' types, as its adapter and its sandbox read them. */
export type MarketplaceEnv<C extends MarketplaceCode> = { -readonly [K in keyof EnvOf<C>]: EnvOf<C>[K] extends number ? number : string };

/** The address of a marketplace's sandbox when the sandboxes start from `basePort`. */
export function sandboxUrl(code: SandboxCode, basePort: number, host = "127.0.0.1"): string {
  return `http://${host}:${basePort + MARKETPLACES[code].sandbox.port}`;
}

/** A marketplace's environment variables at their defaults: its addresses pointed at its sandbox at `url`, the sandbox's credentials. */
export function envDefaults<C extends MarketplaceCode>(code: C, url: string): MarketplaceEnv<C> {
  const definition: MarketplaceDefinition = MARKETPLACES[code];
  const base = url.replace(/\/+$/, "");
  return Object.fromEntries(Object.entries(definition.env ?? {}).map(([name, s]) => [name, typeof s === "object" ? `${base}${s.sandbox}` : s])) as MarketplaceEnv<C>;
}

/** Only its addresses, pointed at its sandbox at `url` (what a test that starts the sandboxes on free ports sets). */
export function sandboxAddresses(code: MarketplaceCode, url: string): Record<string, string> {
  const definition: MarketplaceDefinition = MARKETPLACES[code];
  const defaults: Record<string, string | number> = envDefaults(code, url);
  return Object.fromEntries(Object.entries(definition.env ?? {}).filter(([, s]) => typeof s === "object").map(([name]) => [name, String(defaults[name])]));
}

export function categoryMapping(mapping: CategoryMapping): { id: string; name: string } {
  return typeof mapping === "string" ? { id: mapping, name: mapping } : { id: mapping[0], name: mapping[1] };
}
