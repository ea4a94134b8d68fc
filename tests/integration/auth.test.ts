import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { requireRole, safeRedirect } from "~/auth/guards.server";
import { getSessionUser } from "~/auth/session.server";
import { db } from "~/db.server";
import { action as loginAction } from "~/routes/storefront/dang-nhap";
import { action as signupAction } from "~/routes/storefront/dang-ky";
import { action as logoutAction } from "~/routes/storefront/dang-xuat";
import { producers, sessions, users } from "#db/schema";

const ORIGIN = "http://127.0.0.1:3000";
const CSRF = "t".repeat(43);
// The cookie as createCookie serialises it (base64 of the JSON string).
const csrfCookie = `ocop_csrf=${Buffer.from(JSON.stringify(CSRF)).toString("base64")}`;

function post(path: string, fields: Record<string, string>, opts: { cookie?: string; csrf?: string | null; origin?: string } = {}) {
  const body = new URLSearchParams(fields);
  if (opts.csrf !== null) body.set("csrf", opts.csrf ?? CSRF);
  return new Request(ORIGIN + path, {
    method: "POST",
    body,
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Cookie: [csrfCookie, opts.cookie].filter(Boolean).join("; "),
      Origin: opts.origin ?? ORIGIN,
    },
  });
}

const args = (request: Request) => ({ request, params: {}, context: {} });

/** Runs an action and returns what it returned or threw (Remix treats both as the response). */
async function run(fn: (a: ReturnType<typeof args>) => Promise<unknown>, request: Request) {
  try {
    return await fn(args(request));
  } catch (thrown) {
    return thrown;
  }
}

const statusOf = (r: unknown) =>
  r instanceof Response ? r.status : ((r as { init?: { status?: number } }).init?.status ?? 200);

const shopper = { accountType: "shopper", name: "Nguyễn Thị Lan", email: "Lan@Example.vn", phone: "0912 345 678", password: "mat-khau-du-dai" };

describe("sign-up, log-in and log-out", () => {
  it("refuses a form without the CSRF token, or from another origin, and writes nothing", async () => {
    expect(statusOf(await run(signupAction, post("/dang-ky", shopper, { csrf: null })))).toBe(403);
    expect(statusOf(await run(signupAction, post("/dang-ky", shopper, { csrf: "x".repeat(43) })))).toBe(403);
    expect(statusOf(await run(signupAction, post("/dang-ky", shopper, { origin: "https://evil.example" })))).toBe(403);
    expect(db().select().from(users).all()).toHaveLength(0);
  });

  it("explains every bad field and keeps what was typed, except the password", async () => {
    const r = (await run(signupAction, post("/dang-ky", { ...shopper, email: "lan@", phone: "12345", password: "short" }))) as {
      data: { errors: Record<string, string>; values: Record<string, string> };
      init: { status: number };
    };
    expect(r.init.status).toBe(400);
    expect(r.data.errors).toEqual({ email: "validation.email", phone: "validation.phone", password: "validation.password" });
    expect(r.data.values).toMatchObject({ name: "Nguyễn Thị Lan", phone: "12345" });
    expect(r.data.values).not.toHaveProperty("password");
  });

  it("signs up a shopper with an argon2id hash and a session cookie", async () => {
    const r = await run(signupAction, post("/dang-ky", shopper));
    expect(r).toBeInstanceOf(Response);
    const res = r as Response;
    expect(res.status).toBe(302);
    const setCookie = res.headers.get("Set-Cookie")!;
    expect(setCookie).toMatch(/ocop_session=.+; Max-Age=2592000; Path=\/; HttpOnly; SameSite=Lax/);
    const user = db().select().from(users).where(eq(users.email, "lan@example.vn")).get()!;
    expect(user).toMatchObject({ role: "shopper", phone: "0912345678" });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    const me = await getSessionUser(new Request(ORIGIN, { headers: { Cookie: setCookie.split(";")[0]! } }));
    expect(me).toMatchObject({ email: "lan@example.vn", role: "shopper" });
    // The token itself is never stored.
    const token = setCookie.split(";")[0]!.split("=")[1]!;
    expect(db().select().from(sessions).all().map((s) => s.id)).not.toContain(token);
  });

  it("refuses a second account with the same email", async () => {
    const r = (await run(signupAction, post("/dang-ky", { ...shopper, email: "lan@example.vn" }))) as { data: { errors: object } };
    expect(r.data.errors).toEqual({ email: "auth.emailTaken" });
  });

  it("signs up a producer whose profile waits for verification", async () => {
    const r = await run(
      signupAction,
      post("/dang-ky", {
        ...shopper,
        email: "htx.moi@example.vn",
        accountType: "producer",
        producerName: "HTX Nông nghiệp Tân Thuận",
        producerKind: "cooperative",
        province: "dong-thap",
      }),
    );
    expect(statusOf(r)).toBe(302);
    const p = db().select().from(producers).where(eq(producers.slug, "htx-nong-nghiep-tan-thuan")).get()!;
    expect(p).toMatchObject({ status: "pending", kind: "cooperative" });
    const u = db().select().from(users).where(eq(users.email, "htx.moi@example.vn")).get()!;
    expect(u).toMatchObject({ role: "producer", producerId: p.id });
  });

  it("refuses a former province for a new producer", async () => {
    const r = (await run(
      signupAction,
      post("/dang-ky", { ...shopper, email: "x@example.vn", accountType: "producer", producerName: "HTX Cũ", producerKind: "cooperative", province: "ben-tre" }),
    )) as { data: { errors: object } };
    expect(r.data.errors).toEqual({ province: "validation.province" });
  });

  it("logs in with the right password only, and logs out", async () => {
    const wrong = (await run(loginAction, post("/dang-nhap", { email: "lan@example.vn", password: "sai-mat-khau" }))) as {
      data: { wrong: boolean };
    };
    expect(wrong.data.wrong).toBe(true);
    const unknown = (await run(loginAction, post("/dang-nhap", { email: "ai@example.vn", password: "sai-mat-khau" }))) as {
      data: { wrong: boolean };
    };
    expect(unknown.data.wrong).toBe(true);

    const ok = (await run(
      loginAction,
      post("/dang-nhap", { email: " LAN@example.vn ", password: shopper.password, redirectTo: "//evil.example/x" }),
    )) as Response;
    expect(ok.status).toBe(302);
    expect(ok.headers.get("Location")).toBe("/");
    const session = ok.headers.get("Set-Cookie")!.split(";")[0]!;

    const before = db().select().from(sessions).all().length;
    const out = (await run(logoutAction, post("/dang-xuat", {}, { cookie: session }))) as Response;
    expect(out.headers.get("Set-Cookie")).toMatch(/ocop_session=; Max-Age=0/);
    expect(db().select().from(sessions).all()).toHaveLength(before - 1);
    expect(await getSessionUser(new Request(ORIGIN, { headers: { Cookie: session } }))).toBeNull();
  });

  it("lands a producer member in the seller centre, unless a same-site page was asked for", async () => {
    const login = (fields: Record<string, string>) =>
      run(loginAction, post("/dang-nhap", { email: "htx.moi@example.vn", password: shopper.password, ...fields })) as Promise<Response>;
    expect((await login({})).headers.get("Location")).toBe("/kenh-nguoi-ban");
    expect((await login({ redirectTo: "" })).headers.get("Location")).toBe("/kenh-nguoi-ban");
    expect((await login({ redirectTo: "//evil.example/x" })).headers.get("Location")).toBe("/kenh-nguoi-ban");
    expect((await login({ redirectTo: "/gio-hang" })).headers.get("Location")).toBe("/gio-hang");
    // A shopper's home stays the storefront.
    const lan = (await run(loginAction, post("/dang-nhap", { email: "lan@example.vn", password: shopper.password }))) as Response;
    expect(lan.headers.get("Location")).toBe("/");
  });

  it("guards throw a login redirect or a 403", async () => {
    const anon = await requireRole(new Request(ORIGIN + "/quan-tri?x=1"), ["admin"]).catch((e: unknown) => e);
    expect((anon as Response).headers.get("Location")).toBe("/dang-nhap?redirectTo=%2Fquan-tri%3Fx%3D1");
    const ok = (await run(loginAction, post("/dang-nhap", { email: "lan@example.vn", password: shopper.password }))) as Response;
    const cookie = ok.headers.get("Set-Cookie")!.split(";")[0]!;
    const denied = await requireRole(new Request(ORIGIN, { headers: { Cookie: cookie } }), ["admin"]).catch((e: unknown) => e);
    expect(statusOf(denied)).toBe(403);
  });

  it("only redirects within the site", () => {
    expect(safeRedirect("/san-pham?q=tra")).toBe("/san-pham?q=tra");
    expect(safeRedirect("//evil.example")).toBe("/");
    expect(safeRedirect("/\\evil.example")).toBe("/");
    expect(safeRedirect("https://evil.example")).toBe("/");
  });

  it("refuses every redirect a browser could read as another site: tabs, newlines, separators, backslashes, encoded forms", () => {
    // What "?redirectTo=/%09/evil.example" and its kin arrive as once the query is decoded.
    const hostile = [
      "/\t/evil.example", "/\n/evil.example", "/\r\n//evil.example", "/\u2028/evil.example", "/\u00a0/evil.example",
      "/%09/evil.example", "/%0a/evil.example", "/%2F/evil.example", "/%2f%2fevil.example", "/%252F%252Fevil.example",
      "/%5Cevil.example", "/%E2%80%A8/evil.example", "/.//evil.example", "/./%2f/evil.example", "/a/..//evil.example",
      "/%E0%A4%A", "\t//evil.example", "javascript:alert(1)", "", "/" + "a".repeat(3000),
    ];
    for (const to of hostile) expect(safeRedirect(to), JSON.stringify(to)).toBe("/");
    // Paths we write ourselves (requireUser's pathname + search) still come back whole.
    expect(safeRedirect("/san-pham?q=n%C6%B0%E1%BB%9Bc+m%E1%BA%AFm&trang=2")).toBe("/san-pham?q=n%C6%B0%E1%BB%9Bc+m%E1%BA%AFm&trang=2");
    expect(safeRedirect("/kenh-nguoi-ban/san-pham/12#anh")).toBe("/kenh-nguoi-ban/san-pham/12#anh");
  });
});
