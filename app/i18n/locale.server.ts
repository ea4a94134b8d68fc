import { createCookie } from "@remix-run/node";
import { env } from "~/env.server";
import { LOCALE_COOKIE } from "~/http/visitor";
import type { Locale } from "./messages";

export const localeCookie = createCookie(LOCALE_COOKIE, {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 365 * 24 * 3600,
  secure: env().PUBLIC_URL.startsWith("https:"),
});

/** Vietnamese unless the visitor chose English. */
export async function getLocale(request: Request): Promise<Locale> {
  const value: unknown = await localeCookie.parse(request.headers.get("Cookie"));
  return value === "en" ? "en" : "vi";
}
