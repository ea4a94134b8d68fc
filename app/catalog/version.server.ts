// The catalogue's version: `change_counters.catalogue`, moved by triggers (migration 0014) on every
// change a shopper could see. Figures computed from the catalogue can be kept while it, and
// Vietnam's date (OCOP stars expire at midnight), stand still: one indexed read tells.
import { statement } from "~/db.server";
import { vietnamToday } from "~/i18n/format";

export function catalogueVersion(): number {
  return statement<[], { n: number }>(`SELECT n FROM change_counters WHERE name = 'catalogue'`).get()?.n ?? -1;
}

/** `compute`, run again only when the catalogue version or the date has moved. */
export function whileCatalogueUnchanged<T>(compute: () => T): () => T {
  let kept: { key: string; value: T } | null = null;
  return () => {
    const key = `${catalogueVersion()} ${vietnamToday()}`;
    if (kept?.key !== key) kept = { key, value: compute() };
    return kept.value;
  };
}
