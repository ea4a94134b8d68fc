// A producer's link to SePay in the seller centre: its state and settings with the forms that
// change them (BankLinkCard), and the webhook address and secret right after they were made, the
// only time the secret is shown (SecretShownOnce). Both work without JavaScript: the values are
// read-only text to select; the copy buttons appear once JavaScript runs.
import { Form, Link } from "@remix-run/react";
import type { MessageKey } from "~/i18n/messages";
import { CopyField } from "~/components/copy-field";
import { CsrfInput } from "~/components/csrf-input";
import { formatDateTime } from "~/i18n/format";
import { useAllT } from "~/i18n/use-all-t";
import type { BankLinkView } from "~/payments/bank-links.server";
import type { BankLinkState } from "#db/schema";

const BADGE: Record<BankLinkState | "none", string> = { working: "ok", verified: "ok", pending: "waiting", failing: "expired", none: "muted-badge" };

/** "Đang hoạt động", "Lỗi", "Chưa kết nối"… as a coloured badge. */
export function LinkStateBadge({ state }: { state: BankLinkState | null }) {
  const t = useAllT();
  const key = state ?? "none";
  return (
    <span className={`badge ${BADGE[key]}`} data-testid="bank-link-state">
      {t(`bankLink.state.${key}`)}
    </span>
  );
}

/** The best state among a producer's links: what the dashboard shows. */
export function overallState(links: { state: BankLinkState }[]): BankLinkState | null {
  const rank: BankLinkState[] = ["working", "verified", "failing", "pending"];
  return rank.find((s) => links.some((l) => l.state === s)) ?? null;
}

/** The test is SePay's own "Gửi thử": the page only reads the link's state again. */
function CheckAgain() {
  const t = useAllT();
  return (
    <Link className="button secondary" to="/kenh-nguoi-ban/chuyen-khoan" reloadDocument>
      {t("bankLink.test.check")}
    </Link>
  );
}

export function SecretShownOnce({ link, origin, secret, rotated }: { link: BankLinkView; origin: string; secret: string; rotated: boolean }) {
  const t = useAllT();
  return (
    <section className="section card secret-once" aria-labelledby="shown-heading" data-testid="secret-shown-once">
      <p className="alert success" role="status">
        {t(rotated ? "bankLink.rotated" : "bankLink.created")}
      </p>
      <h2 id="shown-heading">{t("bankLink.step3")}</h2>
      <p>
        <strong>{t("bankLink.webhookUrl")}</strong>
      </p>
      <CopyField value={origin + link.webhookPath} label={t("bankLink.webhookUrl")} />
      <p>
        <strong>{t("bankLink.secret")}</strong> · {t(`bankLink.authShort.${link.authMode}`)}
      </p>
      <CopyField value={secret} label={t("bankLink.secret")} />
      <p className="field-hint">{t("bankLink.secret.once")}</p>
      <ol className="sepay-steps">
        {(["bankLink.sepay.1", "bankLink.sepay.2", "bankLink.sepay.3", "bankLink.sepay.4", "bankLink.codeStructure"] as const).map((k) => (
          <li key={k}>{t(k)}</li>
        ))}
      </ol>
      <h2>{t("bankLink.step4")}</h2>
      <p className="field-hint">{t("bankLink.test.hint")}</p>
      <CheckAgain />
    </section>
  );
}

export function BankLinkCard({ link, origin, busy, tokenError }: { link: BankLinkView; origin: string; busy: boolean; tokenError?: MessageKey }) {
  const t = useAllT();
  const tokenId = `api-token-${link.id}`;
  return (
    <article className="card bank-link" data-testid="bank-link">
      <p className="badges">
        <LinkStateBadge state={link.state} /> <span>{t(`bankLink.authShort.${link.authMode}`)}</span>
      </p>
      <p>{t("bankLink.accounts", { accounts: link.accountNumbers.join(", ") })}</p>
      <p className="muted">{t("bankLink.webhookUrl")}</p>
      <CopyField value={origin + link.webhookPath} label={t("bankLink.webhookUrl")} />
      <p className="muted">{t("bankLink.secretHint", { hint: link.secretHint })}</p>
      <ul className="plain-list muted">
        {link.lastNotificationAt ? <li>{t("bankLink.lastNotification", { date: formatDateTime(link.lastNotificationAt) })}</li> : null}
        {link.lastTestAt ? <li>{t("bankLink.lastTest", { date: formatDateTime(link.lastTestAt) })}</li> : null}
        {link.lastReconciledAt ? <li>{t("bankLink.lastReconciled", { date: formatDateTime(link.lastReconciledAt) })}</li> : null}
        <li>{t(link.hasApiToken ? "bankLink.reconcile.on" : "bankLink.reconcile.off")}</li>
      </ul>
      {link.state === "failing" && link.lastError ? (
        <p className="alert error">{t("bankLink.lastError", { date: formatDateTime(link.lastErrorAt ?? link.createdAt), error: link.lastError })}</p>
      ) : null}
      <div className="inline-actions">
        <CheckAgain />
        <Form method="post">
          <CsrfInput />
          <input type="hidden" name="intent" value="rotate" />
          <input type="hidden" name="linkId" value={link.id} />
          <button type="submit" className="button secondary" disabled={busy}>
            {t("bankLink.rotate")}
          </button>
        </Form>
      </div>
      <Form method="post" noValidate className="token-form">
        <CsrfInput />
        <input type="hidden" name="intent" value="token" />
        <input type="hidden" name="linkId" value={link.id} />
        <div className="field">
          <label htmlFor={tokenId}>{t("bankLink.apiToken")}</label>
          <input id={tokenId} name="apiToken" autoComplete="off" aria-invalid={tokenError ? true : undefined} aria-describedby={`${tokenId}-hint${tokenError ? ` ${tokenId}-error` : ""}`} />
          <p className="field-hint" id={`${tokenId}-hint`}>
            {t("bankLink.apiToken.hint")}
          </p>
          {tokenError ? (
            <p className="field-error" id={`${tokenId}-error`} role="alert">
              {t(tokenError)}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button secondary" disabled={busy}>
          {t("bankLink.token.save")}
        </button>
      </Form>
      {link.hasApiToken ? (
        <Form method="post">
          <CsrfInput />
          <input type="hidden" name="intent" value="token" />
          <input type="hidden" name="linkId" value={link.id} />
          <input type="hidden" name="apiToken" value="" />
          <button type="submit" className="link-button danger" disabled={busy}>
            {t("bankLink.token.remove")}
          </button>
        </Form>
      ) : null}
    </article>
  );
}
