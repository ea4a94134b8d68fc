// How each indicator is computed: the "Cách tính" under each figure and the printed report's notes.
// The sentences are written once, in app/indicators/definitions.ts (which the API's JSON Schema and
// the README's "The officials' indicators" also follow); this file only gives them message keys.
import type { Indicator } from "#db/vocabulary";
import { INDICATOR_DEFINITIONS } from "~/indicators/definitions";

type DefinitionKey = `ind.${Indicator}.def`;

const inLanguage = (language: "vi" | "en") =>
  Object.fromEntries(
    (Object.keys(INDICATOR_DEFINITIONS) as Indicator[]).map((id) => [`ind.${id}.def`, INDICATOR_DEFINITIONS[id][language]]),
  ) as Record<DefinitionKey, string>;

export const vi = inLanguage("vi");

export const en: Record<keyof typeof vi, string> = inLanguage("en");
