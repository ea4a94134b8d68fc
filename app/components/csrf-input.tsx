import { useRouteLoaderData } from "@remix-run/react";

/** The hidden field every data-changing form carries (checked by requireCsrf). */
export function CsrfInput() {
  const root = useRouteLoaderData<{ csrf: string }>("root");
  return <input type="hidden" name="csrf" value={root?.csrf ?? ""} />;
}
