import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireCsrf } from "~/auth/csrf.server";
import { safeRedirect } from "~/auth/guards.server";
import { localeCookie } from "~/i18n/locale.server";
import { readForm } from "~/http/read-form.server";

export async function loader() {
  throw redirect("/");
}

/** Switches the interface language and returns to the page the visitor was on. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  await requireCsrf(request, form);
  const lang = form.get("lang") === "en" ? "en" : "vi";
  throw redirect(safeRedirect(form.get("redirectTo")), {
    headers: { "Set-Cookie": await localeCookie.serialize(lang) },
  });
}
