import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireCsrf } from "~/auth/csrf.server";
import { readForm } from "~/http/read-form.server";
import { requireUser } from "~/auth/guards.server";
import { destroyAllSessions, sessionCount } from "~/auth/session.server";
import { CsrfInput } from "~/components/csrf-input";
import { useT } from "~/i18n/use-t";
import { pageTitle } from "~/i18n/titles";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "account")];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { user, sessions: sessionCount(user.id) };
}

/** "Log out everywhere": every session of the account ends, on every device, this one included. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  await requireCsrf(request, await readForm(request));
  throw redirect("/dang-nhap", { headers: { "Set-Cookie": await destroyAllSessions(user.id) } });
}

export default function Account() {
  const { user, sessions } = useLoaderData<typeof loader>();
  const t = useT();
  const role =
    user.role === "official"
      ? t("auth.role.official", { province: user.provinceName ?? "" })
      : user.role === "producer"
        ? t("auth.role.producer", { producer: user.producerName ?? "" })
        : t(`auth.role.${user.role}`);
  return (
    <div className="card narrow">
      <h1>{t("auth.welcome", { name: user.name })}</h1>
      <dl className="facts">
        <dt>{t("auth.email")}</dt>
        <dd>{user.email}</dd>
        <dt>{t("auth.accountType")}</dt>
        <dd data-testid="role">{role}</dd>
      </dl>
      <p>
        <Link to="/don-hang">{t("account.orders")}</Link>
        {user.role === "admin" ? (
          <>
            {" · "}
            <Link to="/quan-tri/hop-thu">{t("account.outbox")}</Link>
          </>
        ) : null}
      </p>
      {user.producerStatus === "pending" ? (
        <p className="alert info" role="status">
          {t("auth.producerPending")}
        </p>
      ) : null}
      <section className="sessions" aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t("auth.sessionsTitle")}</h2>
        <p>{t("auth.sessionsCount", { count: sessions })}</p>
        <p className="muted">{t("auth.logoutEverywhereHint")}</p>
        <Form method="post">
          <CsrfInput />
          <button type="submit" className="button secondary">
            {t("auth.logoutEverywhere")}
          </button>
        </Form>
      </section>
    </div>
  );
}
