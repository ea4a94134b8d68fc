// The translate function for the visitor's language (from the root loader), in two sizes so a
// shopper's browser downloads only the storefront's text: `useT()` knows the storefront's areas
// (site chrome, catalogue, log-in and account, the public certificate pages); the cart, checkout and order
// pages use `useOrderT()` from ./use-order-t, which adds the orders' text and the stored notes'; pages of the
// seller centre, the officials and administrators use `useAllT()` from ./use-all-t, which adds every area's.
// The type says which: a storefront page cannot ask for a key it would not have.
import { useRouteLoaderData } from "@remix-run/react";
import * as auth from "./messages/auth";
import * as catalog from "./messages/catalog";
import * as common from "./messages/common";
import * as traceability from "./messages/traceability";
import type { Locale, MessageKey } from "./messages";
import { fill } from "./fill";

const storefront = { ...common.vi, ...catalog.vi, ...auth.vi, ...traceability.vi };
export type StorefrontKey = keyof typeof storefront;
const en: Record<StorefrontKey, string> = { ...common.en, ...catalog.en, ...auth.en, ...traceability.en };
const tables: Record<Locale, Record<string, string>> = { vi: { ...storefront }, en: { ...en } };

/** Adds other areas' text: ./use-all-t does when a page of theirs is loaded. */
export function addMessages(vi: Record<string, string>, en: Record<string, string>): void {
  Object.assign(tables.vi, vi);
  Object.assign(tables.en, en);
}

export function useLocale(): Locale {
  return useRouteLoaderData<{ locale: Locale }>("root")?.locale ?? "vi";
}

export function useT() {
  const table = tables[useLocale()];
  return (key: StorefrontKey, params?: Record<string, string | number>): string => fill(table[key]!, params);
}

/**
 * For a key that comes with the data (a form's problem, an error's reason), of any area: the page
 * that can produce it has its area's text (a storefront action answers with storefront keys).
 */
export function useAnyT() {
  const table = tables[useLocale()];
  return (key: MessageKey, params?: Record<string, string | number>): string => fill(table[key] ?? key, params);
}
