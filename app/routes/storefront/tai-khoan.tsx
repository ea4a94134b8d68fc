import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guards.server";
import { useT } from "~/i18n/use-t";

export const meta: MetaFunction = () => [{ title: "Tài khoản · OCOP Connect" }];

export async function loader({ request }: LoaderFunctionArgs) {
  return { user: await requireUser(request) };
}

export default function Account() {
  const { user } = useLoaderData<typeof loader>();
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
    </div>
  );
}
