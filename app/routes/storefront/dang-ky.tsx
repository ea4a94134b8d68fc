import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { registerAccount } from "~/auth/accounts.server";
import { requireCsrf, rotatedCsrfCookie } from "~/auth/csrf.server";
import { SignupSchema } from "~/auth/forms";
import { createSession, getSessionUser } from "~/auth/session.server";
import { clientAddress, countAttempt, minutesToWait, signupAttempts } from "~/auth/throttle.server";
import { currentProvinces } from "~/places/provinces.server";
import { CsrfInput } from "~/components/csrf-input";
import { Field } from "~/components/field";
import { invalid, submitted, type FieldErrors } from "~/form-errors";
import { useAnyT, useLocale, useT } from "~/i18n/use-t";
import { mergeGuestCart } from "~/checkout/cart.server";
import { PRODUCER_KINDS } from "#db/vocabulary";
import { readForm } from "~/http/read-form.server";
import { pageTitle } from "~/i18n/titles";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "signUp")];

const KEPT = ["accountType", "name", "email", "phone", "producerName", "producerKind", "province"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getSessionUser(request)) throw redirect("/tai-khoan");
  return { provinces: currentProvinces() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  await requireCsrf(request, form);
  // Everything but the password goes back to the form, so nothing typed is lost.
  const values = submitted(form, KEPT, 300);
  const parsed = SignupSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalid(parsed.error, { values, minutes: 0 });
  // Per e-mail (probing which have accounts) and per address (accounts made in bulk).
  const keys = { account: parsed.data.email, address: clientAddress(context) };
  const wait = minutesToWait(signupAttempts, keys);
  if (wait > 0) return invalid({ form: "auth.signupThrottled" }, { values, minutes: wait }, 429);
  countAttempt(signupAttempts, keys);
  const result = await registerAccount(parsed.data);
  if (!result.ok) {
    const errors: FieldErrors =
      result.error === "email_taken" ? { email: "auth.emailTaken" } : { province: "validation.province" };
    return invalid(errors, { values, minutes: 0 });
  }
  const headers = new Headers({ "Set-Cookie": await createSession(result.userId, request.headers.get("User-Agent") ?? "") });
  headers.append("Set-Cookie", await rotatedCsrfCookie()); // a new CSRF secret with every log-in
  const cartCookie = await mergeGuestCart(request, result.userId); // the guest's cart joins the new account
  if (cartCookie) headers.append("Set-Cookie", cartCookie);
  throw redirect(parsed.data.accountType === "producer" ? "/tai-khoan" : "/", { headers });
}

export default function Signup() {
  const { provinces } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const tAny = useAnyT(); // keys that come with the data
  const locale = useLocale();
  const busy = useNavigation().state === "submitting";
  const v: Partial<Record<(typeof KEPT)[number], string>> = result?.values ?? {};
  const e = result?.errors ?? {};
  const type = v.accountType || "shopper";
  return (
    <div className="card narrow">
      <h1>{t("auth.signupTitle")}</h1>
      {e.form ? (
        <p className="alert error" role="alert">
          {tAny(e.form, { minutes: result?.minutes ?? 1 })}
        </p>
      ) : null}
      <Form method="post" noValidate className="signup-form">
        <CsrfInput />
        <fieldset className="field">
          <legend>{t("auth.accountType")}</legend>
          {(["shopper", "producer"] as const).map((k) => (
            <label key={k} className="choice">
              <input type="radio" name="accountType" value={k} defaultChecked={type === k} />
              {t(`auth.type.${k}`)}
            </label>
          ))}
          {e.accountType ? <p className="field-error">{tAny(e.accountType)}</p> : null}
        </fieldset>
        <Field name="name" label={t("auth.name")} autoComplete="name" required defaultValue={v.name} error={e.name} />
        <Field name="email" label={t("auth.email")} type="email" autoComplete="email" required defaultValue={v.email} error={e.email} />
        <Field
          name="phone"
          label={t("auth.phone")}
          type="tel"
          autoComplete="tel"
          inputMode="tel"
          required
          defaultValue={v.phone}
          error={e.phone}
        />
        <Field
          name="password"
          label={t("auth.password")}
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          hint={t("auth.passwordHint")}
          error={e.password}
        />
        <div className="producer-fields">
          <Field name="producerName" label={t("auth.producerName")} defaultValue={v.producerName} error={e.producerName} />
          <SelectField name="producerKind" label={t("auth.producerKind")} value={v.producerKind} error={e.producerKind}>
            {PRODUCER_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`producer.kind.${k}`)}
              </option>
            ))}
          </SelectField>
          <SelectField name="province" label={t("auth.producerProvince")} value={v.province} error={e.province}>
            {provinces.map((p) => (
              <option key={p.slug} value={p.slug}>
                {locale === "en" ? p.nameEn : p.name}
              </option>
            ))}
          </SelectField>
        </div>
        <button type="submit" className="button" disabled={busy}>
          {t("auth.submitSignup")}
        </button>
      </Form>
      <p>
        {t("auth.haveAccount")} <Link to="/dang-nhap">{t("nav.login")}</Link>
      </p>
    </div>
  );
}

function SelectField({
  name,
  label,
  value,
  error,
  children,
}: {
  name: string;
  label: string;
  value?: string;
  error?: FieldErrors[string];
  children: React.ReactNode;
}) {
  const t = useT();
  const id = `field-${name}`;
  return (
    <Field name={name} label={label} error={error}>
      <select id={id} name={name} defaultValue={value ?? ""} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        <option value="">{t("auth.choose")}</option>
        {children}
      </select>
    </Field>
  );
}
