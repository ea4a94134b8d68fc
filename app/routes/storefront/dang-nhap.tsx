import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { authenticate, homeFor } from "~/auth/accounts.server";
import { requireCsrf, rotatedCsrfCookie } from "~/auth/csrf.server";
import { LoginSchema } from "~/auth/forms";
import { safeRedirect } from "~/auth/guards.server";
import { createSession, getSessionUser } from "~/auth/session.server";
import { clientAddress, countAttempt, loginFailures, minutesToWait } from "~/auth/throttle.server";
import { CsrfInput } from "~/components/csrf-input";
import { Field } from "~/components/field";
import { invalid, submitted } from "~/form-errors";
import { useAnyT, useT } from "~/i18n/use-t";
import { mergeGuestCart } from "~/checkout/cart.server";
import { readForm } from "~/http/read-form.server";
import { pageTitle } from "~/i18n/titles";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "logIn")];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  if (user) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo"), homeFor(user.id)));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  await requireCsrf(request, form);
  const parsed = LoginSchema.safeParse(Object.fromEntries(form));
  const values = submitted(form, ["email"], 254); // never the password
  if (!parsed.success) return invalid(parsed.error, { values, wrong: false, minutes: 0 });
  // Too many wrong passwords for this account or from this address: refused before the password is
  // even checked, so the right one found by guessing does not open the account either.
  const keys = { account: parsed.data.email, address: clientAddress(context) };
  const wait = minutesToWait(loginFailures, keys);
  if (wait > 0) return invalid({ form: "auth.throttled" }, { values, wrong: false, minutes: wait }, 429);
  const userId = await authenticate(parsed.data.email, parsed.data.password);
  if (!userId) {
    countAttempt(loginFailures, keys);
    return invalid({}, { values, wrong: true, minutes: 0 });
  }
  loginFailures.account.clear(keys.account);
  // The page asked for (a same-site path), else the user's home: the seller centre for a producer member.
  const redirectTo = safeRedirect(form.get("redirectTo"), homeFor(userId));
  const headers = new Headers({ "Set-Cookie": await createSession(userId, request.headers.get("User-Agent") ?? "") });
  headers.append("Set-Cookie", await rotatedCsrfCookie()); // a new CSRF secret with every log-in
  const cartCookie = await mergeGuestCart(request, userId); // the guest's cart joins the account's
  if (cartCookie) headers.append("Set-Cookie", cartCookie);
  throw redirect(redirectTo, { headers });
}

export default function Login() {
  const t = useT();
  const tAny = useAnyT(); // keys that come with the data
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="card narrow">
      <h1>{t("auth.loginTitle")}</h1>
      {result?.wrong ? (
        <p className="alert error" role="alert">
          {t("auth.wrongCredentials")}
        </p>
      ) : null}
      {result?.errors.form ? (
        <p className="alert error" role="alert">
          {tAny(result.errors.form, { minutes: result.minutes })}
        </p>
      ) : null}
      <Form method="post" noValidate>
        <CsrfInput />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <Field
          name="email"
          label={t("auth.email")}
          type="email"
          autoComplete="email"
          required
          defaultValue={result?.values.email}
          error={result?.errors.email}
        />
        <Field
          name="password"
          label={t("auth.password")}
          type="password"
          autoComplete="current-password"
          required
          error={result?.errors.password}
        />
        <button type="submit" className="button" disabled={busy}>
          {t("auth.submitLogin")}
        </button>
      </Form>
      <p>
        {t("auth.noAccount")} <Link to="/dang-ky">{t("nav.signup")}</Link>
      </p>
    </div>
  );
}
