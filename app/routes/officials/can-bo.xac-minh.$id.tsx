import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { requireCsrf } from "~/auth/csrf.server";
import { requireVerifier } from "~/auth/scope-guards.server";
import { bankByBin } from "#db/reference/banks";
import { idParam, notFound } from "~/http/route-params.server";
import { requestProfileChanges, verificationCase, verifyProducer } from "~/verification/verification.server";
import { CsrfInput } from "~/components/csrf-input";
import { TextAreaField } from "~/components/select-field";
import { invalid, submitted, type FieldErrors } from "~/form-errors";
import { formatInstant, formatNumber } from "~/i18n/format";
import { useAllT } from "~/i18n/use-all-t";
import workspaceCss from "~/styles/workspace.css?url";
import sellerCss from "~/styles/seller-products.css?url";
import { readForm } from "~/http/read-form.server";
import { pageTitle } from "~/i18n/titles";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: workspaceCss },
  { rel: "stylesheet", href: sellerCss },
];

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "verificationCase", "verification")];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { provinceId } = await requireVerifier(request);
  const found = verificationCase({ provinceId }, idParam(params.id));
  if (!found) throw notFound();
  return { found };
}

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("verify") }),
  z.object({
    intent: z.literal("changes"),
    note: z.string({ error: "verify.error.note" }).trim().min(10, { error: "verify.error.note" }).max(1000, { error: "verify.error.note" }),
  }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, provinceId } = await requireVerifier(request);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const id = idParam(params.id);
  const parsed = ActionSchema.safeParse(Object.fromEntries(form));
  const values = submitted(form, ["note"], 1000);
  if (!parsed.success) return invalid(parsed.error, { values, sent: false });
  if (parsed.data.intent === "verify") {
    const result = verifyProducer({ provinceId }, id, user);
    if (!result.ok) {
      if (result.error === "not_found") throw notFound();
      return invalid({ form: result.error }, { values, sent: false }, 409);
    }
    throw redirect(`/can-bo/xac-minh?verified=${encodeURIComponent(result.name)}`);
  }
  const sent = requestProfileChanges({ provinceId }, id, user, parsed.data.note);
  if (sent === "not_found") throw notFound();
  if (sent !== "ok") return invalid({ form: sent }, { values, sent: false }, 409);
  return { errors: {} as FieldErrors, values: { note: "" }, sent: true };
}

export default function VerificationCasePage() {
  const { found } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useAllT();
  const busy = useNavigation().state === "submitting";
  const { profile: p, missing, members } = found;
  const bank = bankByBin(p.bankBin);
  const e = result?.errors ?? {};
  return (
    <>
      <p>
        <Link to="/can-bo/xac-minh">← {t("verify.title")}</Link>
      </p>
      <h1>{p.name}</h1>
      <p>
        <span className={`badge ${p.status === "verified" ? "ok" : "expired"}`}>{t(`workspace.status.${p.status}`)}</span>
      </p>
      {e.form ? (
        <p className="alert error" role="alert">
          {t(e.form)}
        </p>
      ) : null}
      {result?.sent ? (
        <p className="alert success" role="status">
          {t("verify.noteSent")}
        </p>
      ) : null}
      <dl className="facts card">
        <dt>{t("auth.producerKind")}</dt>
        <dd>{t(`producer.kind.${p.kind}`)}</dd>
        <dt>{t("profile.taxCode")}</dt>
        <dd>{p.taxCode ?? p.claims?.taxCode ?? t("verify.none")}</dd>
        <dt>{t("auth.producerProvince")}</dt>
        <dd>{p.provinceName}</dd>
        <dt>{t("profile.commune")}</dt>
        <dd>{p.commune ?? t("verify.none")}</dd>
        <dt>{t("profile.address")}</dt>
        <dd>{p.address || t("verify.none")}</dd>
        <dt>{t("auth.phone")}</dt>
        <dd>{p.phone || t("verify.none")}</dd>
        <dt>{t("verify.bankAccount")}</dt>
        <dd>{bank ? `${bank.name} · ${p.bankAccountNumber} · ${p.bankAccountName}` : t("verify.none")}</dd>
        <dt>{t("verify.members")}</dt>
        <dd>
          {members.map((m) => (
            <span key={m.email} className="block">
              {m.name} · {m.email} {m.phone ? `· ${m.phone}` : ""}
            </span>
          ))}
        </dd>
        <dt>{t("seller.products")}</dt>
        <dd>
          {t("verify.products", { count: formatNumber(found.products) })} · {t("verify.waitingSince", { date: formatInstant(found.createdAt) })}
        </dd>
      </dl>
      {p.claims ? (
        <p className="alert info">{t("verify.claims", { name: p.claims.name, taxCode: p.claims.taxCode, count: formatNumber(p.claims.products) })}</p>
      ) : null}
      {p.status === "pending" ? (
        <>
          {missing.length > 0 ? (
            <p className="alert error">{t("verify.missing", { facts: missing.map((m) => t(`profile.missing.${m}`)).join(", ") })}</p>
          ) : null}
          <Form method="post" className="inline-actions">
            <CsrfInput />
            <input type="hidden" name="intent" value="verify" />
            <button type="submit" className="button" disabled={busy || missing.length > 0}>
              {t("verify.verify")}
            </button>
          </Form>
          <Form method="post" noValidate className="card section">
            <CsrfInput />
            <input type="hidden" name="intent" value="changes" />
            <TextAreaField name="note" label={t("verify.note")} value={result?.values.note} error={e.note} maxLength={1000} />
            <button type="submit" className="button secondary" disabled={busy}>
              {t("verify.requestChanges")}
            </button>
          </Form>
        </>
      ) : null}
    </>
  );
}
