import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server";
import { db } from "~/db.server";
import { formatDateTime } from "~/i18n/format";
import { useAllT } from "~/i18n/use-all-t";
import { latestEmails } from "~/notifications/outbox.server";
import { pageTitle } from "~/i18n/titles";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "outbox", "admin")];

// The e-mails the app would have sent (no mail server yet), newest first: admins only.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  return { emails: latestEmails(db(), 100) };
}

export default function Outbox() {
  const { emails } = useLoaderData<typeof loader>();
  const t = useAllT();
  return (
    <div className="outbox">
      <h1>{t("outbox.title")}</h1>
      <p className="muted">{t("outbox.intro")}</p>
      {emails.length === 0 ? <p className="card">{t("outbox.none")}</p> : null}
      <ol className="outbox-list">
        {emails.map((m) => (
          <li key={m.id} className="card">
            <details>
              <summary>
                <strong>{m.subject}</strong>
                <span className="muted">
                  {" "}
                  · {t("outbox.to")}: {m.toAddress} · {formatDateTime(m.createdAt)} · {m.kind}
                </span>
              </summary>
              <pre className="email-body">{m.bodyText}</pre>
            </details>
          </li>
        ))}
      </ol>
    </div>
  );
}
