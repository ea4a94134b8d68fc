// Logging in to a running server from a benchmark, as a browser would: the log-in form of a page
// without state carries the anonymous CSRF token (accepted with our Origin); the answer sets the
// session and a new CSRF secret, which the next page's forms carry.
export type BenchSession = { cookie: string; csrf: string; origin: string };

export async function logInAs(origin: string, email: string, password = "ocop-demo-2026"): Promise<BenchSession> {
  const page = await fetch(`${origin}/dang-nhap`);
  const anonymous = /name="csrf" value="([^"]+)"/.exec(await page.text())?.[1];
  if (!anonymous) throw new Error("no CSRF token on the log-in page");
  const res = await fetch(`${origin}/dang-nhap`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin },
    body: new URLSearchParams({ email, password, csrf: anonymous, redirectTo: "/" }),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .join("; ");
  if (res.status !== 302 || !cookie.includes("ocop_session=")) throw new Error(`log-in failed (${res.status})`);
  const home = await (await fetch(`${origin}/tai-khoan`, { headers: { Cookie: cookie } })).text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(home)?.[1];
  if (!csrf || csrf === anonymous) throw new Error("no CSRF secret after log-in");
  return { cookie, csrf, origin };
}

/** POSTs a multipart form with the session and its CSRF token; returns status and Location. */
export async function postForm(s: BenchSession, path: string, form: FormData): Promise<{ status: number; location: string | null; body: string }> {
  form.set("csrf", s.csrf);
  const res = await fetch(`${s.origin}${path}`, { method: "POST", redirect: "manual", headers: { Cookie: s.cookie, Origin: s.origin }, body: form });
  return { status: res.status, location: res.headers.get("location"), body: await res.text() };
}
