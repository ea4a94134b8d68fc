// Interface text, one file per area under ./messages/. Vietnamese is the source; each area's
// English table must have every key (the type checks it). "{name}" placeholders are filled by
// t(key, { name }). A new area adds its file and one line to each list below.
import { fill } from "./fill";
import * as auth from "./messages/auth";
import * as bankLinks from "./messages/bank-links";
import * as catalog from "./messages/catalog";
import * as common from "./messages/common";
import * as importExport from "./messages/import";
import * as indicatorDefinitions from "./messages/indicator-definitions";
import * as indicators from "./messages/indicators";
import * as marketplaces from "./messages/marketplaces";
import * as notes from "./messages/notes";
import * as orders from "./messages/orders";
import * as outbox from "./messages/outbox";
import * as profile from "./messages/profile";
import * as readiness from "./messages/readiness";
import * as seller from "./messages/seller";
import * as traceability from "./messages/traceability";
import * as sellerOrders from "./messages/seller-orders";
import * as workspace from "./messages/workspace";

export const vi = {
  ...common.vi,
  ...catalog.vi,
  ...auth.vi,
  ...readiness.vi,
  ...workspace.vi,
  ...profile.vi,
  ...seller.vi,
  ...importExport.vi,
  ...orders.vi,
  ...notes.vi,
  ...sellerOrders.vi,
  ...outbox.vi,
  ...indicators.vi,
  ...indicatorDefinitions.vi,
  ...marketplaces.vi,
  ...traceability.vi,
  ...bankLinks.vi,
};
export type MessageKey = keyof typeof vi;
export const en: Record<MessageKey, string> = {
  ...common.en,
  ...catalog.en,
  ...auth.en,
  ...readiness.en,
  ...workspace.en,
  ...profile.en,
  ...seller.en,
  ...importExport.en,
  ...orders.en,
  ...notes.en,
  ...sellerOrders.en,
  ...outbox.en,
  ...indicators.en,
  ...indicatorDefinitions.en,
  ...marketplaces.en,
  ...traceability.en,
  ...bankLinks.en,
};

export type Locale = "vi" | "en";
export const LOCALES: readonly Locale[] = ["vi", "en"];

export function translator(locale: Locale) {
  const table: Record<MessageKey, string> = locale === "en" ? en : vi;
  return (key: MessageKey, params?: Record<string, string | number>): string => fill(table[key], params);
}

export type Translate = ReturnType<typeof translator>;
