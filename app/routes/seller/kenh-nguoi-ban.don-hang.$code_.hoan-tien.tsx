// The refund's confirmation step (a page, so it works without JavaScript): the order's payment, the
// amount (all of it by default; part of it only through a gateway that refunds parts), the reason
// from a short list with free text beside it. Confirming records the refund with its reason, which
// the buyer reads on their order page.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireCsrf } from "~/auth/csrf.server";
import { requireProducer } from "~/auth/scope-guards.server";
import { CsrfInput } from "~/components/csrf-input";
import { invalid, submitted } from "~/form-errors";
import { formatVnd } from "~/i18n/format";
import type { MessageKey } from "~/i18n/messages";
import { REFUND_REASONS } from "~/i18n/notes";
import { useAllT } from "~/i18n/use-all-t";
import { useLocale } from "~/i18n/use-t";
import { runSellerAction, sellerActionsFor } from "~/checkout/order-actions.server";
import { RefundAmountSchema, RefundFormSchema, REFUND_TEXT_MAX } from "~/checkout/refund-form";
import { refundInfo, refundThroughProvider } from "~/checkout/refunds.server";
import { producerOrder } from "~/orders/queries.server";
import { readForm } from "~/http/read-form.server";
import { pageTitle } from "~/i18n/titles";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [pageTitle(matches, ["refundOrder", { code: data?.code ?? "" }], "seller")];

const CODE = /^OC\d{6,20}$/;

/** The order as the refund step needs it; null when it cannot be refunded now. */
function refundable(producerId: number, code: string) {
  const order = CODE.test(code) ? producerOrder(producerId, code) : null;
  if (!order) throw data({ reason: "not_found" as const }, { status: 404 });
  const p = order.payment;
  if (!p || !sellerActionsFor({ status: order.status, paymentStatus: p.status, method: p.method }).includes("refund")) return null;
  const info = refundInfo(producerId, code);
  const gateway = Boolean(info?.throughProvider);
  return {
    code: order.code,
    buyer: order.buyerName,
    paid: p.amount,
    method: p.methodName,
    methodEn: p.methodNameEn,
    gateway,
    left: gateway ? info!.left : p.amount,
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { producerId } = await requireProducer(request);
  const order = refundable(producerId, params.code ?? "");
  if (!order) throw redirect(`/kenh-nguoi-ban/don-hang/${params.code}`);
  return order;
}

const FIELDS = ["amount", "reason", "text"] as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, producerId } = await requireProducer(request, { whileSuspended: true }); // orders already sold are still settled
  const form = await readForm(request);
  await requireCsrf(request, form);
  const code = params.code ?? "";
  const order = refundable(producerId, code);
  if (!order) return invalid({ form: "seller.notAllowed" }, { values: null }, 409);
  const values = submitted(form, FIELDS, REFUND_TEXT_MAX + 50);
  const parsed = RefundFormSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, { values });
  const why = parsed.data;
  const back = (kind: string, amount: number) => redirect(`/kenh-nguoi-ban/don-hang/${code}?hoan-tien=${kind}&so-tien=${amount}`);

  if (!order.gateway) {
    const outcome = runSellerAction(producerId, user.id, code, "refund", new Date(), why);
    if (!outcome.ok) return invalid({ form: "seller.notAllowed" }, { values }, 409);
    throw back("done", order.left);
  }
  const amount = RefundAmountSchema.safeParse(values.amount);
  if (!amount.success) return invalid({ amount: "seller.refundBadAmount" }, { values, max: formatVnd(order.left) });
  const clientIp = request.headers.get("X-Forwarded-For")?.split(",")[0]?.trim() || "127.0.0.1";
  const r = await refundThroughProvider(producerId, { userId: user.id, email: user.email }, code, amount.data, clientIp, new Date(), why);
  if (r.ok) throw back(r.kind === "refunded" ? "done" : r.kind, r.amount);
  if (r.reason === "bad_amount") return invalid({ amount: "seller.refundBadAmount" }, { values, max: formatVnd(r.max) });
  if (r.reason === "refused") return invalid({ form: "seller.refundRefused" }, { values, message: r.message }, 502);
  return invalid({ form: "seller.notAllowed" }, { values }, 409);
}

export default function RefundStep() {
  const order = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as
    | { errors: Partial<Record<"form" | (typeof FIELDS)[number], MessageKey>>; values: Record<string, string> | null; max?: string; message?: string }
    | undefined;
  const t = useAllT();
  const locale = useLocale();
  const e = result?.errors ?? {};
  const v = result?.values ?? null;
  const reason = v?.reason ?? "";
  return (
    <div className="refund-step">
      <p>
        <Link to={`/kenh-nguoi-ban/don-hang/${order.code}`}>← {t("seller.refund.back")}</Link>
      </p>
      <h1>{t("seller.refund.title", { code: order.code })}</h1>
      <p>{t("seller.refund.intro", { buyer: order.buyer, paid: formatVnd(order.paid), method: locale === "en" ? order.methodEn : order.method })}</p>
      {e.form ? (
        <p className="alert error" role="alert">
          {t(e.form, { message: result?.message ?? "" })}
        </p>
      ) : null}
      <Form method="post" className="card refund-form" noValidate>
        <CsrfInput />
        <p className="muted">{order.gateway ? t("seller.refund.throughGateway") : t("seller.refund.byHand", { amount: formatVnd(order.left) })}</p>
        {order.gateway ? (
          <div className="field">
            <label htmlFor="refund-amount">{t("seller.refund.amount")}</label>
            <input
              id="refund-amount"
              name="amount"
              inputMode="numeric"
              defaultValue={v?.amount ?? new Intl.NumberFormat("vi-VN").format(order.left)}
              aria-invalid={e.amount ? true : undefined}
              aria-describedby="refund-amount-hint"
            />
            {e.amount ? (
              <p className="field-error" role="alert">
                {t(e.amount, { max: result?.max ?? formatVnd(order.left) })}
              </p>
            ) : null}
            <p id="refund-amount-hint" className="field-hint">
              {t("seller.refundHint", { max: formatVnd(order.left) })}
            </p>
          </div>
        ) : (
          <p>
            {t("seller.refund.amountFixed")}: <strong data-testid="refund-amount">{formatVnd(order.left)}</strong>
          </p>
        )}
        <fieldset className="field" aria-describedby={e.reason ? "refund-reason-error" : undefined}>
          <legend>{t("seller.refund.reason")}</legend>
          {REFUND_REASONS.map((r) => (
            <label key={r} className="choice">
              <input type="radio" name="reason" value={r} defaultChecked={reason === r} required /> {t(`refundReason.${r}`)}
            </label>
          ))}
          {e.reason ? (
            <p className="field-error" id="refund-reason-error" role="alert">
              {t(e.reason)}
            </p>
          ) : null}
        </fieldset>
        <div className="field">
          <label htmlFor="refund-text">{t("seller.refund.text")}</label>
          <textarea id="refund-text" name="text" rows={3} maxLength={REFUND_TEXT_MAX} defaultValue={v?.text ?? ""} aria-invalid={e.text ? true : undefined} aria-describedby="refund-text-hint" />
          <p id="refund-text-hint" className="field-hint">
            {t("seller.refund.textOther")}
          </p>
          {e.text ? (
            <p className="field-error" role="alert">
              {t(e.text)}
            </p>
          ) : null}
        </div>
        <p className="alert info">{t("seller.refund.warning")}</p>
        <div className="actions-row">
          <button type="submit" className="button secondary danger">
            {order.gateway ? t("seller.refund.confirmPlain") : t("seller.refund.confirm", { amount: formatVnd(order.left) })}
          </button>
          <Link to={`/kenh-nguoi-ban/don-hang/${order.code}`} className="button secondary">
            {t("seller.refund.back")}
          </Link>
        </div>
      </Form>
    </div>
  );
}
