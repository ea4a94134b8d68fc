import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { requireCsrf } from "~/auth/csrf.server";
import { requireProducer } from "~/auth/scope-guards.server";
import { CsrfInput } from "~/components/csrf-input";
import { invalid, submitted } from "~/form-errors";
import { readForm } from "~/http/read-form.server";
import { formatDateTime, formatVnd } from "~/i18n/format";
import { useAllT } from "~/i18n/use-all-t";
import { ReviewActionSchema, REVIEW_FIELDS } from "~/payments/bank-link-forms";
import { dismissTransfer, matchTransfer, transfersToReview } from "~/payments/bank-transfers.server";
import { suggestionsByAmount } from "~/payments/review-suggestions.server";
import bankLinksCss from "~/styles/bank-links.css?url";
import { pageTitle } from "~/i18n/titles";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: bankLinksCss }];

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "transfersToReview", "seller")];

export async function loader({ request }: LoaderFunctionArgs) {
  const { producerId } = await requireProducer(request);
  const list = transfersToReview(producerId);
  const suggestions = suggestionsByAmount(
    producerId,
    list.map((t) => t.amount),
  );
  return {
    transfers: list.map((t) => ({
      id: t.id,
      memo: t.memo,
      amount: t.amount,
      transferredAt: t.transferredAt,
      reason: t.reason,
      // The orders it could pay: the one its memo named when that one still waits (a short or
      // excess transfer, another account), then those awaiting the same amount.
      choices: [
        ...(t.orderCode && (t.reason === "wrong_amount" || t.reason === "other_account") ? [t.orderCode] : []),
        ...(suggestions.get(t.amount) ?? []).map((o) => o.code).filter((c) => c !== t.orderCode),
      ],
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, producerId } = await requireProducer(request);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const values = submitted(form, REVIEW_FIELDS, 40);
  const parsed = ReviewActionSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalid(parsed.error, { values });
  const input = parsed.data;
  const done =
    input.intent === "dismiss"
      ? dismissTransfer(producerId, input.transferId, { userId: user.id })
      : matchTransfer(producerId, input.transferId, input.orderCode, { userId: user.id });
  if (!done.ok) {
    return invalid({ [done.field ?? "form"]: done.problem }, { values }, done.field ? 400 : 409);
  }
  throw redirect(
    input.intent === "dismiss"
      ? "/kenh-nguoi-ban/chuyen-khoan/doi-soat?done=dismissed"
      : `/kenh-nguoi-ban/chuyen-khoan/doi-soat?done=matched&code=${encodeURIComponent(done.orderCode ?? input.orderCode)}`,
  );
}

export default function ReviewPage() {
  const { transfers } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useAllT();
  const busy = useNavigation().state === "submitting";
  const e = result?.errors ?? {};
  const done = params.get("done");
  const failedRow = result?.values.transferId;
  return (
    <>
      <p>
        <Link to="/kenh-nguoi-ban/chuyen-khoan">← {t("bankLink.title")}</Link>
      </p>
      <h1>{t("review.title")}</h1>
      <p>{t("review.intro")}</p>
      {done === "matched" ? (
        <p className="alert success" role="status">
          {t("review.matched", { code: params.get("code") ?? "" })}
        </p>
      ) : done === "dismissed" ? (
        <p className="alert success" role="status">
          {t("review.dismissed")}
        </p>
      ) : null}
      {e.form ? (
        <p className="alert error" role="alert">
          {t(e.form)}
        </p>
      ) : null}
      {transfers.length === 0 ? (
        <p className="muted">{t("review.empty")}</p>
      ) : (
        <ul className="plain-list review-list">
          {transfers.map((tr) => {
            const mine = failedRow === String(tr.id);
            const codeId = `order-code-${tr.id}`;
            return (
              <li key={tr.id} className="card" data-testid="review-transfer">
                <dl className="review-facts">
                  <div>
                    <dt>{t("review.memo")}</dt>
                    <dd className="memo">{tr.memo}</dd>
                  </div>
                  <div>
                    <dt>{t("review.amount")}</dt>
                    <dd>
                      <strong>{formatVnd(tr.amount)}</strong>
                    </dd>
                  </div>
                  <div>
                    <dt>{t("review.time")}</dt>
                    <dd>{formatDateTime(tr.transferredAt)}</dd>
                  </div>
                </dl>
                {tr.reason ? <p className="badge waiting">{t(`review.reason.${tr.reason}`)}</p> : null}
                <p className="muted">{tr.choices.length > 0 ? t("review.suggested") : t("review.noSuggestion")}</p>
                <div className="inline-actions">
                  {tr.choices.map((code) => (
                    <Form method="post" key={code}>
                      <CsrfInput />
                      <input type="hidden" name="intent" value="match" />
                      <input type="hidden" name="transferId" value={tr.id} />
                      <input type="hidden" name="orderCode" value={code} />
                      <button type="submit" className="button" disabled={busy}>
                        {t("review.match", { code })}
                      </button>
                    </Form>
                  ))}
                  <Form method="post">
                    <CsrfInput />
                    <input type="hidden" name="intent" value="dismiss" />
                    <input type="hidden" name="transferId" value={tr.id} />
                    <button type="submit" className="button secondary" disabled={busy}>
                      {t("review.dismiss")}
                    </button>
                  </Form>
                </div>
                <Form method="post" noValidate className="match-other">
                  <CsrfInput />
                  <input type="hidden" name="intent" value="match" />
                  <input type="hidden" name="transferId" value={tr.id} />
                  <div className="field">
                    <label htmlFor={codeId}>{t("review.matchCode")}</label>
                    <input
                      id={codeId}
                      name="orderCode"
                      autoComplete="off"
                      defaultValue={mine ? result?.values.orderCode : ""}
                      aria-invalid={mine && e.orderCode ? true : undefined}
                      aria-describedby={mine && e.orderCode ? `${codeId}-error` : undefined}
                    />
                    {mine && e.orderCode ? (
                      <p className="field-error" id={`${codeId}-error`} role="alert">
                        {t(e.orderCode)}
                      </p>
                    ) : null}
                  </div>
                  <button type="submit" className="button secondary" disabled={busy}>
                    {t("review.matchOther")}
                  </button>
                </Form>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
