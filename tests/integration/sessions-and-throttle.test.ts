// Log-in and sign-up throttling (per account and per address, a Vietnamese message, bounded memory)
// and "log out everywhere" on the account page (issue 11).
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getSessionUser } from "~/auth/session.server";
import { Throttle, throttleKey } from "~/auth/throttle.server";
import { db } from "~/db.server";
import { translator } from "~/i18n/messages";
import { action as loginAction } from "~/routes/storefront/dang-nhap";
import { action as signupAction } from "~/routes/storefront/dang-ky";
import { action as accountAction, loader as accountLoader } from "~/routes/storefront/tai-khoan";
import { sessions, users } from "#db/schema";
import { CSRF, ORIGIN, dataOf, statusOf } from "../../scripts/fixtures/workspace";

const csrfCookie = `ocop_csrf=${Buffer.from(JSON.stringify(CSRF)).toString("base64")}`;
type Result = { errors: Record<string, string>; minutes: number; wrong?: boolean };

function post(path: string, fields: Record<string, string>, cookie?: string) {
  return new Request(ORIGIN + path, {
    method: "POST",
    body: new URLSearchParams({ ...fields, csrf: CSRF }),
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: [csrfCookie, cookie].filter(Boolean).join("; "), Origin: ORIGIN },
  });
}

/** Runs an action as the server would, from `address`. */
async function run(fn: (a: never) => Promise<unknown>, request: Request, address: string) {
  try {
    return await fn({ request, params: {}, context: { clientAddress: address } } as never);
  } catch (thrown) {
    return thrown;
  }
}

const PASSWORD = "mat-khau-that-dai-2026";
const account = (email: string) => ({ accountType: "shopper", name: "Trần Văn Thử", email, phone: "0912 345 678", password: PASSWORD });
const cookieOf = (r: unknown) => (r as Response).headers.get("Set-Cookie")!.split(";")[0]!;

beforeAll(async () => {
  expect(statusOf(await run(signupAction, post("/dang-ky", account("nan-nhan@example.vn")), "10.0.0.1"))).toBe(302);
});

describe("log-in throttling", () => {
  it("after 5 wrong passwords the account is closed to the right one too, with a Vietnamese message", async () => {
    for (let i = 0; i < 5; i++) {
      const r = await run(loginAction, post("/dang-nhap", { email: "nan-nhan@example.vn", password: `sai-${i}-xxxxxxxx` }), `10.1.0.${i}`);
      expect(dataOf<Result>(r).wrong).toBe(true);
    }
    const locked = await run(loginAction, post("/dang-nhap", { email: "NAN-NHAN@example.vn", password: PASSWORD }), "10.9.9.9");
    expect(statusOf(locked)).toBe(429);
    const { errors, minutes } = dataOf<Result>(locked);
    expect(errors.form).toBe("auth.throttled");
    expect(minutes).toBeGreaterThanOrEqual(14);
    expect(translator("vi")("auth.throttled", { minutes })).toMatch(/^Đăng nhập sai quá nhiều lần\. .*thử lại sau \d+ phút\.$/);
    // Another account from the same addresses is not held up.
    expect(statusOf(await run(signupAction, post("/dang-ky", account("nguoi-khac@example.vn")), "10.1.0.1"))).toBe(302);
    expect(statusOf(await run(loginAction, post("/dang-nhap", { email: "nguoi-khac@example.vn", password: PASSWORD }), "10.1.0.1"))).toBe(302);
  });

  it("30 wrong passwords from one address close that address to every account", async () => {
    for (let i = 0; i < 30; i++) await run(loginAction, post("/dang-nhap", { email: `ai-do-${i}@example.vn`, password: "doan-mo-mat-khau" }), "10.2.0.1");
    const r = await run(loginAction, post("/dang-nhap", { email: "nguoi-khac@example.vn", password: PASSWORD }), "10.2.0.1");
    expect(statusOf(r)).toBe(429);
    expect(statusOf(await run(loginAction, post("/dang-nhap", { email: "nguoi-khac@example.vn", password: PASSWORD }), "10.2.0.2"))).toBe(302);
  });

  it("counts an IPv6 /64 as one address: a fresh address in the same /64 is refused, another /64 is not", async () => {
    // One subscriber or VM holds a whole /64; 30 wrong passwords, each from a different address in it.
    for (let i = 0; i < 30; i++) await run(loginAction, post("/dang-nhap", { email: `v6-${i}@example.vn`, password: "doan-mo-mat-khau" }), `2001:db8:aa:1::${(i + 1).toString(16)}`);
    const sameNetwork = await run(loginAction, post("/dang-nhap", { email: "nguoi-khac@example.vn", password: PASSWORD }), "2001:0db8:00aa:0001:ffff:1:2:3");
    expect(statusOf(sameNetwork)).toBe(429);
    expect(dataOf<Result>(sameNetwork).errors.form).toBe("auth.throttled");
    expect(statusOf(await run(loginAction, post("/dang-nhap", { email: "nguoi-khac@example.vn", password: PASSWORD }), "2001:db8:aa:2::1"))).toBe(302);
  }, 30_000);

  it("counts an IPv4 client of a dual-stack socket (::ffff:a.b.c.d) as its IPv4 address, and each IPv4 address apart", async () => {
    for (let i = 0; i < 30; i++) await run(loginAction, post("/dang-nhap", { email: `v4-${i}@example.vn`, password: "doan-mo-mat-khau" }), i % 2 ? "::ffff:198.51.100.7" : "198.51.100.7");
    expect(statusOf(await run(loginAction, post("/dang-nhap", { email: "nguoi-khac@example.vn", password: PASSWORD }), "::FFFF:198.51.100.7"))).toBe(429);
    expect(statusOf(await run(loginAction, post("/dang-nhap", { email: "nguoi-khac@example.vn", password: PASSWORD }), "198.51.100.8"))).toBe(302);
  }, 30_000);

  it("sign-up: 30 accounts per /64 an hour, whatever address of it they come from", async () => {
    for (let i = 0; i < 30; i++) expect(statusOf(await run(signupAction, post("/dang-ky", account(`v6-hang-loat-${i}@example.vn`)), `2001:db8:bb:7:${i + 1}::1`))).toBe(302);
    const r = await run(signupAction, post("/dang-ky", account("v6-hang-loat-30@example.vn")), "2001:db8:bb:7:abcd:ef01:2345:6789");
    expect(statusOf(r)).toBe(429);
    expect(dataOf<Result>(r).errors.form).toBe("auth.signupThrottled");
  }, 30_000);

  it("sign-up: 5 attempts per e-mail, then a message and no account", async () => {
    for (let i = 0; i < 5; i++) await run(signupAction, post("/dang-ky", account("nan-nhan@example.vn")), `10.3.0.${i}`);
    const r = await run(signupAction, post("/dang-ky", account("nan-nhan@example.vn")), "10.3.1.1");
    expect(statusOf(r)).toBe(429);
    expect(dataOf<Result>(r).errors.form).toBe("auth.signupThrottled");
  });

  it("sign-up: 30 accounts per address an hour", async () => {
    for (let i = 0; i < 30; i++) expect(statusOf(await run(signupAction, post("/dang-ky", account(`hang-loat-${i}@example.vn`)), "10.4.0.1"))).toBe(302);
    const r = await run(signupAction, post("/dang-ky", account("hang-loat-30@example.vn")), "10.4.0.1");
    expect(statusOf(r)).toBe(429);
    expect(db().select().from(users).where(eq(users.email, "hang-loat-30@example.vn")).get()).toBeUndefined();
  });
});

describe("the throttle's key for an address", () => {
  it("keeps an IPv4 address, reduces an IPv6 one to its /64 in one spelling, and unwraps IPv4-mapped ones", () => {
    expect(throttleKey("203.0.113.7")).toBe("203.0.113.7");
    expect(throttleKey("2001:DB8:0:0:1:2:3:4")).toBe("2001:db8:0:0::/64");
    expect(throttleKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(throttleKey("2001:0db8:0000:0000:ffff::")).toBe("2001:db8:0:0::/64");
    expect(throttleKey("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(throttleKey("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(throttleKey("::ffff:cb00:7107")).toBe("203.0.113.7");
    expect(throttleKey("::1")).toBe("0:0:0:0::/64");
    expect(throttleKey("2001:db8:1:2::")).not.toBe(throttleKey("2001:db8:1:3::"));
  });
});

describe("the throttle's memory", () => {
  it("forgets a count once its window has passed", () => {
    const t = new Throttle({ limit: 2, windowMs: 1000 });
    t.hit("a", 0);
    t.hit("a", 10);
    expect(t.waitMs("a", 20)).toBe(980);
    expect(t.waitMs("a", 999)).toBe(1);
    expect(t.waitMs("a", 1000)).toBe(0); // the first has aged out: one in the window, under the limit
  });

  it("stays bounded: past maxKeys the least recently touched keys go", () => {
    const t = new Throttle({ limit: 3, windowMs: 60_000 }, 100);
    for (let i = 0; i < 1000; i++) t.hit(`address-${i}`, i);
    t.hit("address-0", 2000); // touched again: kept
    expect(t.size).toBeLessThanOrEqual(100);
    expect(t.waitMs("address-999", 2000)).toBe(0);
  });
});

describe("log out everywhere", () => {
  it("ends every session of the account, on every device, and no one else's", async () => {
    const devices = [];
    for (const address of ["10.5.0.1", "10.5.0.2", "10.5.0.3"]) {
      devices.push(cookieOf(await run(loginAction, post("/dang-nhap", { email: "nguoi-khac@example.vn", password: PASSWORD }), address)));
    }
    const other = cookieOf(await run(loginAction, post("/dang-nhap", { email: "hang-loat-1@example.vn", password: PASSWORD }), "10.5.0.9"));
    const page = dataOf<{ sessions: number }>(await accountLoader({ request: new Request(ORIGIN + "/tai-khoan", { headers: { Cookie: devices[0]! } }), params: {}, context: {} }));
    expect(page.sessions).toBeGreaterThanOrEqual(3);

    const r = await run(accountAction, post("/tai-khoan", {}, devices[1]), "10.5.0.2");
    expect(statusOf(r)).toBe(302);
    expect((r as Response).headers.get("Set-Cookie")).toMatch(/ocop_session=; Max-Age=0/);
    for (const cookie of devices) expect(await getSessionUser(new Request(ORIGIN, { headers: { Cookie: cookie } }))).toBeNull();
    const userId = db().select().from(users).where(eq(users.email, "nguoi-khac@example.vn")).get()!.id;
    expect(db().select().from(sessions).where(eq(sessions.userId, userId)).all()).toHaveLength(0);
    expect(await getSessionUser(new Request(ORIGIN, { headers: { Cookie: other } }))).not.toBeNull();
  });

  it("refuses without the form's token", async () => {
    const cookie = cookieOf(await run(loginAction, post("/dang-nhap", { email: "nguoi-khac@example.vn", password: PASSWORD }), "10.6.0.1"));
    const request = new Request(ORIGIN + "/tai-khoan", { method: "POST", body: new URLSearchParams({}), headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: `${csrfCookie}; ${cookie}`, Origin: ORIGIN } });
    expect(statusOf(await run(accountAction, request, "10.6.0.1"))).toBe(403);
    expect(await getSessionUser(new Request(ORIGIN, { headers: { Cookie: cookie } }))).not.toBeNull();
  });
});
