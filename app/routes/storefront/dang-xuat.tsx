import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireCsrf } from "~/auth/csrf.server";
import { destroySession } from "~/auth/session.server";
import { readForm } from "~/http/read-form.server";

export async function loader() {
  throw redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  await requireCsrf(request, await readForm(request));
  throw redirect("/", { headers: { "Set-Cookie": await destroySession(request) } });
}
