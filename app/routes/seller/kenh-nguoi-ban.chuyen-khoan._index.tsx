import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { requireCsrf } from "~/auth/csrf.server";
import { requireProducer } from "~/auth/scope-guards.server";
import { BankLinkCard, SecretShownOnce } from "~/components/bank-link-card";
import { CsrfInput } from "~/components/csrf-input";
import { Field } from "~/components/field";
import { env } from "~/env.server";
import { invalid, submitted, type FieldErrors } from "~/form-errors";
import { readForm } from "~/http/read-form.server";
import { formatNumber } from "~/i18n/format";
import { useAllT } from "~/i18n/use-all-t";
import { createLink, linkStatus, rotateSecret, setApiToken } from "~/payments/bank-links.server";
import { reviewCount } from "~/payments/bank-transfers.server";
import { reconcileBankTransfers } from "~/payments/reconcile.server";
import { BankLinkActionSchema, LINK_FIELDS } from "~/payments/bank-link-forms";
import { getProducerProfile } from "~/seller/producer-profile.server";
import { bankName } from "#db/reference/banks";
import bankLinksCss from "~/styles/bank-links.css?url";
import { pageTitle } from "~/i18n/titles";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: bankLinksCss }];

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "bankLinks", "seller")];

export async function loader({ request }: LoaderFunctionArgs) {
  const { producerId } = await requireProducer(request);
  const profile = getProducerProfile(producerId);
  const account = profile?.bankBin && profile.bankAccountNumber ? { bank: bankName(profile.bankBin), number: profile.bankAccountNumber } : null;
  return { origin: env().PUBLIC_URL.replace(/\/+$/, ""), account, links: linkStatus(producerId), review: reviewCount(producerId) };
}

type Shown = { linkId: number; secret: string; rotated: boolean };

export async function action({ request }: ActionFunctionArgs) {
  const { producerId } = await requireProducer(request);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const values = submitted(form, LINK_FIELDS, 300);
  const parsed = BankLinkActionSchema.safeParse(Object.fromEntries(form));
  const none = { values, shown: null as Shown | null };
  if (!parsed.success) return invalid(parsed.error, none);
  const input = parsed.data;
  switch (input.intent) {
    case "create": {
      const accounts = input.account === "other" ? [input.otherAccount ?? ""] : [];
      if (input.account === "other" && !input.otherAccount) return invalid({ otherAccount: "bankLink.error.account" }, none);
      const created = createLink(producerId, { authMode: input.authMode, accountNumbers: accounts, apiToken: input.apiToken || null });
      if (!created.ok) return invalid({ [created.field === "secret" ? "form" : "otherAccount"]: created.field === "secret" ? "bankLink.error.secret" : "bankLink.error.account" }, none);
      return { errors: {} as FieldErrors, values, shown: { linkId: created.link.id, secret: created.secret, rotated: false } };
    }
    case "rotate": {
      const rotated = rotateSecret(producerId, input.linkId);
      if (!rotated) return invalid({ form: "bankLink.error.notFound" }, none, 404);
      return { errors: {} as FieldErrors, values, shown: { linkId: rotated.link.id, secret: rotated.secret, rotated: true } };
    }
    case "reconcile": {
      // SePay's API allows a few calls a second: one pass per producer per half minute is plenty.
      const links = linkStatus(producerId).filter((l) => l.hasApiToken);
      if (links.length === 0) return invalid({ form: "bankLink.reconcile.none" }, none);
      const last = Math.max(...links.map((l) => (l.lastReconciledAt ? Date.parse(l.lastReconciledAt) : 0)));
      if (Date.now() - last < 30_000) return invalid({ form: "bankLink.reconcile.tooSoon" }, none, 429);
      const summary = await reconcileBankTransfers({ producerId });
      throw redirect(`/kenh-nguoi-ban/chuyen-khoan?done=reconciled&paid=${summary.paid}&review=${summary.review}&failed=${summary.errors.length}`);
    }
    case "token": {
      if (!setApiToken(producerId, input.linkId, input.apiToken || null)) return invalid({ form: "bankLink.error.notFound" }, none, 404);
      throw redirect(`/kenh-nguoi-ban/chuyen-khoan?done=${input.apiToken ? "token" : "untoken"}`);
    }
  }
}

export default function BankLinkPage() {
  const { origin, account, links, review } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useAllT();
  const busy = useNavigation().state === "submitting";
  const e = result?.errors ?? {};
  // The create form shows what was typed into it and its own errors; a link card's token form, its own.
  const forCreate = !result?.shown && result?.values.intent === "create";
  const v: Partial<Record<(typeof LINK_FIELDS)[number], string>> = forCreate ? result.values : {};
  const ce = forCreate ? e : {};
  const shownLink = result?.shown ? links.find((l) => l.id === result.shown!.linkId) : undefined;
  const done = params.get("done");
  const chooseOther = v.account === "other" || !account;
  return (
    <>
      <h1>{t("bankLink.title")}</h1>
      <p>{t("bankLink.intro")}</p>
      {done === "reconciled" ? (
        <p className={`alert ${params.get("failed") === "0" ? "success" : "error"}`} role="status" data-testid="reconciled">
          {params.get("failed") === "0"
            ? t("bankLink.reconcile.done", { paid: formatNumber(Number(params.get("paid")) || 0), review: formatNumber(Number(params.get("review")) || 0) })
            : t("bankLink.reconcile.failed")}
        </p>
      ) : null}
      {done === "token" || done === "untoken" ? (
        <p className="alert success" role="status">
          {t(done === "token" ? "bankLink.token.saved" : "bankLink.token.removed")}
        </p>
      ) : null}
      {e.form ? (
        <p className="alert error" role="alert">
          {t(e.form)}
        </p>
      ) : null}
      <div className="inline-actions">
        <Link to="/kenh-nguoi-ban/chuyen-khoan/doi-soat">{t("bankLink.todo.review", { count: formatNumber(review) })}</Link>
        {links.some((l) => l.hasApiToken) ? (
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="intent" value="reconcile" />
            <button type="submit" className="button secondary" disabled={busy}>
              {t("bankLink.reconcile.now")}
            </button>
          </Form>
        ) : null}
      </div>

      {result?.shown && shownLink ? <SecretShownOnce link={shownLink} origin={origin} secret={result.shown.secret} rotated={result.shown.rotated} /> : null}

      {links.length > 0 ? (
        <section className="section" aria-labelledby="links-heading">
          <h2 id="links-heading">{t("bankLink.links")}</h2>
          {links.map((l) => (
            <BankLinkCard key={l.id} link={l} origin={origin} busy={busy} tokenError={result?.values.intent === "token" && result.values.linkId === String(l.id) ? e.apiToken : undefined} />
          ))}
        </section>
      ) : null}

      {!account ? (
        <p className="alert info">
          {t("bankLink.noAccount")} <Link to="/kenh-nguoi-ban/ho-so">{t("bankLink.noAccount.link")}</Link>
        </p>
      ) : null}

      <section className="section" aria-labelledby="create-heading">
        <h2 id="create-heading">{links.length > 0 ? t("bankLink.addAnother") : t("bankLink.create")}</h2>
        <Form method="post" noValidate className="card form-grid" key={result?.shown ? "done" : "create"}>
          <CsrfInput />
          <input type="hidden" name="intent" value="create" />
          <fieldset>
            <legend>{t("bankLink.step1")}</legend>
            <p className="field-hint">{t("bankLink.step1.hint")}</p>
            {account ? (
              <label className="choice">
                <input type="radio" name="account" value="profile" defaultChecked={!chooseOther} />
                <span>{t("bankLink.account.profile", { bank: account.bank, account: account.number })}</span>
              </label>
            ) : null}
            <label className="choice">
              <input type="radio" name="account" value="other" defaultChecked={chooseOther} />
              <span>{t("bankLink.account.other")}</span>
            </label>
            {ce.account ? <p className="field-error">{t(ce.account)}</p> : null}
            <Field name="otherAccount" label={t("bankLink.account.otherLabel")} inputMode="numeric" autoComplete="off" defaultValue={v.otherAccount ?? ""} error={ce.otherAccount} />
          </fieldset>
          <fieldset>
            <legend>{t("bankLink.step2")}</legend>
            <p className="field-hint">{t("bankLink.step2.hint")}</p>
            {(["hmac", "apikey"] as const).map((mode) => (
              <label key={mode} className="choice">
                <input type="radio" name="authMode" value={mode} defaultChecked={(v.authMode || "hmac") === mode} />
                <span>{t(`bankLink.auth.${mode}`)}</span>
              </label>
            ))}
            {ce.authMode ? <p className="field-error">{t(ce.authMode)}</p> : null}
            <Field name="apiToken" label={t("bankLink.apiToken")} autoComplete="off" defaultValue={v.apiToken ?? ""} error={ce.apiToken} hint={t("bankLink.apiToken.hint")} />
          </fieldset>
          <button type="submit" className="button" disabled={busy}>
            {t("bankLink.create")}
          </button>
        </Form>
      </section>
    </>
  );
}
