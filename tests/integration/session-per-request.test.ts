// The session is read once per GET request (app/auth/session.server.ts): the root's and the page's
// loaders, which share the request (app/http/loader-requests.server.ts), get one answer from one read;
// the next request reads again, and a POST (an action may end the session it read) always does.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getSessionUser } from "~/auth/session.server";
import { db } from "~/db.server";
import { action as signupAction } from "~/routes/storefront/dang-ky";
import { sessions } from "#db/schema";

const ORIGIN = "http://127.0.0.1:3000";
const CSRF = "t".repeat(43);
const csrfCookie = `ocop_csrf=${Buffer.from(JSON.stringify(CSRF)).toString("base64")}`;

async function signUp(): Promise<string> {
  const body = new URLSearchParams({ accountType: "shopper", name: "Lê Văn Một", email: "mot@example.vn", phone: "0912 345 678", password: "mat-khau-du-dai", csrf: CSRF });
  const request = new Request(`${ORIGIN}/dang-ky`, { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: csrfCookie, Origin: ORIGIN } });
  const res = await signupAction({ request, params: {}, context: {} } as never).catch((thrown: unknown) => thrown);
  expect(res).toBeInstanceOf(Response);
  return (res as Response).headers.get("Set-Cookie")!.split(";")[0]!;
}

describe("the session of a request", () => {
  it("is read once per GET request, again for the next one, and always for a POST", async () => {
    const cookie = await signUp();
    const page = new Request(`${ORIGIN}/gio-hang`, { headers: { Cookie: cookie } });
    const form = new Request(`${ORIGIN}/gio-hang`, { method: "POST", body: "a=1", headers: { Cookie: cookie } });
    const [root, cart] = await Promise.all([getSessionUser(page), getSessionUser(page)]);
    expect(root).toMatchObject({ email: "mot@example.vn" });
    expect(cart).toBe(root); // one read, one answer for both loaders
    expect(await getSessionUser(form)).toMatchObject({ email: "mot@example.vn" });

    db().delete(sessions).where(eq(sessions.userId, root!.id)).run(); // logged out elsewhere
    expect(await getSessionUser(page)).toBe(root); // the same request: its answer stands
    expect(await getSessionUser(new Request(`${ORIGIN}/gio-hang`, { headers: { Cookie: cookie } }))).toBeNull();
    expect(await getSessionUser(form)).toBeNull();
  });
});
