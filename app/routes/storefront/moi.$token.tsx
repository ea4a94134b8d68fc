import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { requireCsrf, rotatedCsrfCookie } from "~/auth/csrf.server";
import { PASSWORD_MIN, vietnamesePhone } from "~/auth/forms";
import { acceptInvitation, findInvitation } from "~/auth/invitations.server";
import { createSession, getSessionUser } from "~/auth/session.server";
import { CsrfInput } from "~/components/csrf-input";
import { Field } from "~/components/field";
import { invalid, submitted } from "~/form-errors";
import { useAllT } from "~/i18n/use-all-t";
import { readForm } from "~/http/read-form.server";
import { pageTitle } from "~/i18n/titles";

// A member invitation (/moi/<token>): the invitee sets a name, phone and password and joins.
export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "invitation"), { name: "robots", content: "noindex" }];

const AcceptSchema = z.object({
  name: z.string({ error: "validation.name" }).trim().min(2, { error: "validation.name" }).max(100, { error: "validation.name" }),
  phone: vietnamesePhone,
  password: z
    .string({ error: "validation.password" })
    .min(PASSWORD_MIN, { error: "validation.password" })
    .max(200, { error: "validation.password" }),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const invitation = findInvitation(params.token ?? "");
  const user = await getSessionUser(request);
  return { invitation, loggedIn: user !== null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  await requireCsrf(request, form);
  const values = submitted(form, ["name", "phone"], 200);
  if (await getSessionUser(request)) return invalid({ form: "invite.loggedIn" }, { values: { name: "", phone: "" } });
  const parsed = AcceptSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalid(parsed.error, { values });
  const result = await acceptInvitation(params.token ?? "", parsed.data);
  if (!result.ok) {
    const error = result.error === "email_taken" ? "members.error.hasAccount" : (`invite.${result.error}` as const);
    return invalid({ form: error }, { values });
  }
  const cookie = await createSession(result.userId, request.headers.get("User-Agent") ?? "");
  const headers = new Headers({ "Set-Cookie": cookie });
  headers.append("Set-Cookie", await rotatedCsrfCookie()); // a new CSRF secret with every log-in
  throw redirect("/kenh-nguoi-ban", { headers });
}

export default function AcceptInvitation() {
  const { invitation, loggedIn } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useAllT();
  const busy = useNavigation().state === "submitting";
  if (invitation.state !== "valid") {
    return (
      <div className="card narrow">
        <h1>{t("invite.invalid")}</h1>
        <p>{t(`invite.${invitation.state}`)}</p>
        <Link to="/dang-nhap">{t("nav.login")}</Link>
      </div>
    );
  }
  const e = result?.errors ?? {};
  return (
    <div className="card narrow">
      <h1>{t("invite.title", { producer: invitation.producerName })}</h1>
      <p>{t("invite.intro", { producer: invitation.producerName })}</p>
      {loggedIn ? <p className="alert info">{t("invite.loggedIn")}</p> : null}
      {e.form ? (
        <p className="alert error" role="alert">
          {t(e.form)}
        </p>
      ) : null}
      <Form method="post" noValidate>
        <CsrfInput />
        <Field name="email" label={t("auth.email")} value={invitation.email} readOnly />
        <Field name="name" label={t("auth.name")} autoComplete="name" required defaultValue={result?.values.name} error={e.name} />
        <Field name="phone" label={t("auth.phone")} type="tel" inputMode="tel" autoComplete="tel" required defaultValue={result?.values.phone} error={e.phone} />
        <Field
          name="password"
          label={t("auth.password")}
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN}
          hint={t("auth.passwordHint")}
          error={e.password}
        />
        <button type="submit" className="button" disabled={busy}>
          {t("invite.accept")}
        </button>
      </Form>
    </div>
  );
}
