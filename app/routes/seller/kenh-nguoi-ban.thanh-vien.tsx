import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { requireCsrf } from "~/auth/csrf.server";
import { inviteMember, pendingInvitations, producerMembers, removeMember, revokeInvitation } from "~/auth/invitations.server";
import { requireProducer } from "~/auth/scope-guards.server";
import { CopyField } from "~/components/copy-field";
import { CsrfInput } from "~/components/csrf-input";
import { Field } from "~/components/field";
import { invalid, submitted, type FieldErrors } from "~/form-errors";
import { formatInstant } from "~/i18n/format";
import { useAllT } from "~/i18n/use-all-t";
import { readForm } from "~/http/read-form.server";
import { pageTitle } from "~/i18n/titles";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "members", "seller")];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, producerId } = await requireProducer(request);
  return { me: user.id, members: producerMembers(producerId), invitations: pendingInvitations(producerId) };
}

const email = z.string({ error: "validation.email" }).trim().toLowerCase().max(254, { error: "validation.email" }).pipe(z.email({ error: "validation.email" }));
const id = z.coerce.number({ error: "members.error.notFound" }).int().positive({ error: "members.error.notFound" });
const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("invite"), email }),
  z.object({ intent: z.literal("revoke"), invitationId: id }),
  z.object({ intent: z.literal("remove"), memberId: id }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const { user, producerId } = await requireProducer(request);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const parsed = ActionSchema.safeParse(Object.fromEntries(form));
  const values = submitted(form, ["email"], 254);
  if (!parsed.success) return invalid(parsed.error, { values, link: null });
  const input = parsed.data;
  if (input.intent === "invite") {
    const result = inviteMember(producerId, user, input.email);
    if (!result.ok) return invalid({ email: result.error }, { values, link: null });
    return { errors: {} as FieldErrors, values: { email: input.email }, link: result.link };
  }
  if (input.intent === "revoke") {
    if (!revokeInvitation(producerId, input.invitationId)) {
      return invalid({ form: "members.error.notFound" }, { values: { email: "" }, link: null }, 404);
    }
    throw redirect("/kenh-nguoi-ban/thanh-vien?done=revoked");
  }
  const removed = removeMember(producerId, user.id, input.memberId);
  if (removed !== "ok") {
    const error = removed === "self" ? "members.cannotRemoveSelf" : "members.error.notFound";
    return invalid({ form: error }, { values: { email: "" }, link: null }, removed === "self" ? 400 : 404);
  }
  throw redirect("/kenh-nguoi-ban/thanh-vien?done=removed");
}

export default function MembersPage() {
  const { me, members, invitations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useAllT();
  const busy = useNavigation().state === "submitting";
  const done = params.get("done");
  return (
    <>
      <h1>{t("members.title")}</h1>
      {done === "revoked" || done === "removed" ? (
        <p className="alert success" role="status">
          {t(done === "revoked" ? "members.revoked" : "members.removed")}
        </p>
      ) : null}
      {result?.errors.form ? (
        <p className="alert error" role="alert">
          {t(result.errors.form)}
        </p>
      ) : null}
      <ul className="plain-list">
        {members.map((m) => (
          <li key={m.id} className="row-item">
            <span>
              <strong>{m.name}</strong> {m.id === me ? <span className="muted">{t("members.you")}</span> : null}
              <br />
              <span className="muted">
                {m.email}
                {m.phone ? ` · ${m.phone}` : ""}
              </span>
            </span>
            {m.id !== me ? (
              <Form method="post">
                <CsrfInput />
                <input type="hidden" name="intent" value="remove" />
                <input type="hidden" name="memberId" value={m.id} />
                <button type="submit" className="link-button danger">
                  {t("members.remove")}
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>

      <section className="section card" aria-labelledby="invite-heading">
        <h2 id="invite-heading">{t("members.invite")}</h2>
        <p className="field-hint">{t("members.inviteHint")}</p>
        {result?.link ? (
          <div className="alert success" role="status">
            <p>{t("members.invited", { email: result.values.email })}</p>
            <CopyField value={result.link} label={t("members.invite")} />
          </div>
        ) : null}
        <Form method="post" noValidate key={result?.link ?? "invite"}>
          <CsrfInput />
          <input type="hidden" name="intent" value="invite" />
          <Field
            name="email"
            type="email"
            label={t("members.inviteEmail")}
            autoComplete="off"
            defaultValue={result?.link ? "" : result?.values.email}
            error={result?.errors.email}
            required
          />
          <button type="submit" className="button" disabled={busy}>
            {t("members.send")}
          </button>
        </Form>
      </section>

      <section className="section" aria-labelledby="pending-heading">
        <h2 id="pending-heading">{t("members.pending")}</h2>
        {invitations.length === 0 ? (
          <p className="muted">{t("members.noPending")}</p>
        ) : (
          <ul className="plain-list">
            {invitations.map((i) => (
              <li key={i.id} className="row-item">
                <span>
                  {i.email} <span className="muted">· {t("members.expires", { date: formatInstant(i.expiresAt) })}</span>
                </span>
                <Form method="post">
                  <CsrfInput />
                  <input type="hidden" name="intent" value="revoke" />
                  <input type="hidden" name="invitationId" value={i.id} />
                  <button type="submit" className="link-button danger">
                    {t("members.revoke")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
