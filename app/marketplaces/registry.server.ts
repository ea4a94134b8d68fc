// The adapters by marketplace code. A new marketplace's adapter goes here, beside its
// definition (db/reference/marketplaces/<code>.ts): the type checker asks for it.
import type { MarketplaceCode } from "#db/vocabulary";
import { lazada } from "./lazada.server";
import { postmart } from "./postmart.server";
import { shopee } from "./shopee.server";
import { tiki } from "./tiki.server";
import { tiktok } from "./tiktok.server";
import type { ApiAdapter, FileAdapter, MarketplaceAdapter } from "./types";
import { voso } from "./voso.server";

export const ADAPTERS: Record<MarketplaceCode, MarketplaceAdapter> = { shopee, lazada, tiktok, tiki, postmart, voso };

export function apiAdapter(code: MarketplaceCode): ApiAdapter {
  const adapter = ADAPTERS[code];
  if (adapter.kind !== "api") throw new Error(`${code} has no API adapter`);
  return adapter;
}

export function fileAdapter(code: MarketplaceCode): FileAdapter {
  const adapter = ADAPTERS[code];
  if (adapter.kind !== "file") throw new Error(`${code} has no file adapter`);
  return adapter;
}
