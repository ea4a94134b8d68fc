import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { authenticate, homeFor } from "~/auth/accounts.server";
import { requireCsrf } from "~/auth/csrf.server";
import { LoginSchema } from "~/auth/forms";
import { safeRedirect } from "~/auth/guards.server";
import { createSession, getSessionUser } from "~/auth/session.server";
import { CsrfInput } from "~/components/csrf-input";
import { Field } from "~/components/field";
import { invalid, submitted } from "~/form-errors";
import { useT } from "~/i18n/use-t";
import { mergeGuestCart } from "~/checkout/cart.server";

export const meta: MetaFunction = () => [{ title: "Đăng nhập · OCOP Connect" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  if (user) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo"), homeFor(user.id)));
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  await requireCsrf(request, form);
  const parsed = LoginSchema.safeParse(Object.fromEntries(form));
  const values = submitted(form, ["email"], 254); // never the password
  if (!parsed.success) return invalid(parsed.error, { values, wrong: false });
  const userId = await authenticate(parsed.data.email, parsed.data.password);
  if (!userId) return invalid({}, { values, wrong: true });
  // The page asked for (a same-site path), else the user's home: the seller centre for a producer member.
  const redirectTo = safeRedirect(form.get("redirectTo"), homeFor(userId));
  const headers = new Headers({ "Set-Cookie": await createSession(userId, request.headers.get("User-Agent") ?? "") });
  const cartCookie = await mergeGuestCart(request, userId); // the guest's cart joins the account's
  if (cartCookie) headers.append("Set-Cookie", cartCookie);
  throw redirect(redirectTo, { headers });
}

export default function Login() {
  const t = useT();
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
