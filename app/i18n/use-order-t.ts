// The cart, checkout and order pages' text: the storefront's (./use-t) plus the orders' and the stored
// notes' areas, which a shopper browsing the catalogue never needs (7 kB gzipped kept off the home, list
// and product pages). Importing this module adds them to the table `useT()` reads.
import * as notes from "./messages/notes";
import * as orders from "./messages/orders";
import { fill } from "./fill";
import { addMessages, useLocale, useT, type StorefrontKey } from "./use-t";

const vi = { ...orders.vi, ...notes.vi };
const en: Record<keyof typeof vi, string> = { ...orders.en, ...notes.en };
addMessages(vi, en);
const tables = { vi: vi as Record<string, string>, en: en as Record<string, string> };

export type OrderKey = keyof typeof vi;

export function useOrderT() {
  const locale = useLocale();
  const storefront = useT();
  return (key: StorefrontKey | OrderKey, params?: Record<string, string | number>): string =>
    key in tables[locale] ? fill(tables[locale][key]!, params) : storefront(key as StorefrontKey, params);
}
