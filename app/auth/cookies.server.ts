import { createCookie } from "@remix-run/node";
import { env } from "~/env.server";
import { SESSION_COOKIE } from "~/http/visitor";

const secure = () => env().PUBLIC_URL.startsWith("https:");

/** Holds a random session token; the database keeps only its SHA-256. */
export const sessionCookie = createCookie(SESSION_COOKIE, {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  secure: secure(),
  maxAge: 30 * 24 * 3600,
});

/** The double-submit CSRF token: forms echo it in a hidden field. */
export const csrfCookie = createCookie("ocop_csrf", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  secure: secure(),
});
