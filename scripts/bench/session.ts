// Logging in to a running server from a benchmark, as a browser would: the CSRF cookie and
// token from the log-in page, then the session cookie from the log-in answer.
export type BenchSession = { cookie: string; csrf: string; origin: string };

export async function logInAs(origin: string, email: string, password = "ocop-demo-2026"): Promise<BenchSession> {
  const page = await fetch(`${origin}/dang-nhap`);
  const csrfCookie = (page.headers.get("set-cookie") ?? "").split(";")[0]!;
  const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())?.[1];
  if (!csrf) throw new Error("no CSRF token on the log-in page");
  const res = await fetch(`${origin}/dang-nhap`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: csrfCookie, Origin: origin },
    body: new URLSearchParams({ email, password, csrf, redirectTo: "/" }),
  });
  const session = (res.headers.get("set-cookie") ?? "").split(";")[0]!;
  if (res.status !== 302 || !session.startsWith("ocop_session=")) throw new Error(`log-in failed (${res.status})`);
  return { cookie: `${csrfCookie}; ${session}`, csrf, origin };
}

/** POSTs a multipart form with the session and its CSRF token; returns status and Location. */
export async function postForm(s: BenchSession, path: string, form: FormData): Promise<{ status: number; location: string | null; body: string }> {
  form.set("csrf", s.csrf);
  const res = await fetch(`${s.origin}${path}`, { method: "POST", redirect: "manual", headers: { Cookie: s.cookie, Origin: s.origin }, body: form });
  return { status: res.status, location: res.headers.get("location"), body: await res.text() };
}
