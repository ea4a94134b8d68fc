import { useRouteLoaderData } from "@remix-run/react";
import { translator, type Locale } from "./messages";

/** The translate function for the visitor's language (from the root loader). */
export function useT() {
  const root = useRouteLoaderData<{ locale: Locale }>("root");
  return translator(root?.locale ?? "vi");
}

export function useLocale(): Locale {
  return useRouteLoaderData<{ locale: Locale }>("root")?.locale ?? "vi";
}
