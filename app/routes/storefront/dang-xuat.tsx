import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireCsrf, rotatedCsrfCookie } from "~/auth/csrf.server";
import { destroySession } from "~/auth/session.server";
import { readForm } from "~/http/read-form.server";

export async function loader() {
  throw redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  await requireCsrf(request, await readForm(request));
  const headers = new Headers({ "Set-Cookie": await destroySession(request) });
  headers.append("Set-Cookie", await rotatedCsrfCookie()); // the next person at this browser gets a new secret
  throw redirect("/", { headers });
}
