// Every area's text: for the seller centre's, officials' and administrators' pages (their browsers
// download it all). Storefront pages use `useT()` from ./use-t, which knows only the storefront's;
// importing this module adds the rest to it, so shared components find any key on these pages.
import { en, translator, vi } from "./messages";
import { addMessages, useLocale } from "./use-t";

addMessages(vi, en);

export function useAllT() {
  return translator(useLocale());
}
