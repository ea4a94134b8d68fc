import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireCsrf } from "~/auth/csrf.server";
import { requireProducer } from "~/auth/scope-guards.server";
import { CsrfInput } from "~/components/csrf-input";
import { StatusBadge } from "~/components/order-status";
import { formatDateTime, formatVnd } from "~/i18n/format";
import type { MessageKey } from "~/i18n/messages";
import { useLocale } from "~/i18n/use-t";
import { useAllT } from "~/i18n/use-all-t";
import { z } from "zod";
import { SELLER_ACTIONS, runSellerAction, sellerActionsFor, type SellerAction } from "~/checkout/order-actions.server";
import { refundInfo, refundThroughProvider } from "~/checkout/refunds.server";
import { producerOrder } from "~/orders/queries.server";
import { readForm } from "~/http/read-form.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Đơn ${data?.order.code ?? ""} · Kênh người bán · OCOP Connect` }];

const CODE = /^OC\d{6,20}$/;
/** Our own causes of a payment change, translated; a provider's event shows as it came. */
const CAUSES: readonly string[] = ["created", "expiry", "producer", "buyer"];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { producerId } = await requireProducer(request);
  const code = params.code ?? "";
  const order = CODE.test(code) ? producerOrder(producerId, code) : null;
  if (!order) throw data({ reason: "not_found" as const }, { status: 404 });
  const actions = sellerActionsFor({ status: order.status, paymentStatus: order.payment?.status ?? null, method: order.payment?.method ?? null });
  return { order, actions, refund: actions.includes("refund") ? refundInfo(producerId, code) : null };
}

/** "150.000", "150 000" or "150000" đồng. */
const RefundAmount = z
  .string()
  .transform((v) => v.replace(/[.\s₫]/g, ""))
  .pipe(z.string().regex(/^\d{1,12}$/).transform(Number));

type Notice = { key: MessageKey; params?: Record<string, string | number> };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, producerId } = await requireProducer(request, { whileSuspended: true }); // orders already sold still ship
  const form = await readForm(request);
  await requireCsrf(request, form);
  const code = params.code ?? "";
  const intent = String(form.get("intent") ?? "");
  if (!CODE.test(code) || !(SELLER_ACTIONS as readonly string[]).includes(intent)) throw data({ reason: "bad_request" as const }, { status: 400 });
  // A card, VNPay or MoMo payment is refunded through its gateway, all or part of it.
  const refund = intent === "refund" ? refundInfo(producerId, code) : null;
  if (refund?.throughProvider) {
    const amount = RefundAmount.safeParse(String(form.get("amount") ?? ""));
    const max = formatVnd(refund.left);
    if (!amount.success) return data({ problem: "seller.refundBadAmount" as MessageKey, params: { max }, field: "amount" }, { status: 400 });
    const clientIp = request.headers.get("X-Forwarded-For")?.split(",")[0]?.trim() || "127.0.0.1";
    const r = await refundThroughProvider(producerId, { userId: user.id, email: user.email }, code, amount.data, clientIp);
    if (!r.ok && r.reason === "not_found") throw data({ reason: "not_found" as const }, { status: 404 });
    if (!r.ok && r.reason === "bad_amount") return data({ problem: "seller.refundBadAmount" as MessageKey, params: { max: formatVnd(r.max) }, field: "amount" }, { status: 400 });
    if (!r.ok && r.reason === "refused") return data({ problem: "seller.refundRefused" as MessageKey, params: { message: r.message } }, { status: 502 });
    if (!r.ok) return data({ problem: "seller.notAllowed" as MessageKey }, { status: 409 });
    const notice: Notice =
      r.kind === "pending"
        ? { key: "seller.refundPending", params: { amount: formatVnd(r.amount) } }
        : r.kind === "partial"
          ? { key: "seller.refundPartial", params: { amount: formatVnd(r.amount), left: formatVnd(r.left) } }
          : { key: "seller.refundDone", params: { amount: formatVnd(r.amount) } };
    return { notice };
  }
  const outcome = runSellerAction(producerId, user.id, code, intent as SellerAction);
  if (!outcome.ok && outcome.reason === "not_found") throw data({ reason: "not_found" as const }, { status: 404 });
  if (!outcome.ok) return data({ problem: "seller.notAllowed" as MessageKey }, { status: 409 });
  throw redirect(`/kenh-nguoi-ban/don-hang/${code}?done=1`);
}

export default function SellerOrder() {
  const { order, actions, refund } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as { problem?: MessageKey; params?: Record<string, string | number>; field?: string; notice?: Notice } | undefined;
  const [params] = useSearchParams();
  const t = useAllT();
  const locale = useLocale();
  const cod = order.payment?.method === "cod";
  return (
    <>
      <p>
        <Link to="/kenh-nguoi-ban/don-hang">← {t("seller.backToList")}</Link>
      </p>
      <div className="part-head">
        <h1>{t("seller.orderTitle", { code: order.code })}</h1>
        <StatusBadge kind="order" status={order.status} />
      </div>
      {params.get("done") && !result ? (
        <p className="alert success" role="status">
          {t("seller.done")}
        </p>
      ) : null}
      {result?.problem && !result.field ? (
        <p className="alert error" role="alert">
          {t(result.problem, result.params)}
        </p>
      ) : null}
      {result?.notice ? (
        <p className="alert success" role="status">
          {t(result.notice.key, result.notice.params)}
        </p>
      ) : null}
      <div className="seller-order-grid">
        <section className="card">
          <h2>{t("seller.actions")}</h2>
          {actions.length === 0 ? <p className="muted">{t("seller.noActions")}</p> : null}
          <Form method="post" className="actions-row">
            <CsrfInput />
            {actions.filter((a) => a !== "refund" || !refund?.throughProvider).map((a) => (
              <button key={a} type="submit" name="intent" value={a} className={a === "cancel" || a === "refund" ? "button secondary" : "button"}>
                {a === "deliver" && cod ? t("seller.action.deliverCod") : t(`seller.action.${a}`)}
              </button>
            ))}
          </Form>
          {refund?.throughProvider && refund.left > 0 ? (
            <Form method="post" className="refund-form">
              <CsrfInput />
              <h3>{t("seller.refundTitle")}</h3>
              <div className="field">
                <label htmlFor="refund-amount">{t("seller.refundAmount")}</label>
                <input
                  key={refund.left}
                  id="refund-amount"
                  name="amount"
                  inputMode="numeric"
                  defaultValue={String(refund.left)}
                  aria-describedby="refund-hint"
                  aria-invalid={result?.field === "amount" ? true : undefined}
                />
                {result?.field === "amount" && result.problem ? (
                  <p className="field-error" role="alert">
                    {t(result.problem, result.params)}
                  </p>
                ) : null}
                <p id="refund-hint" className="field-hint">
                  {t("seller.refundHint", { max: formatVnd(refund.left) })}
                </p>
              </div>
              <button type="submit" name="intent" value="refund" className="button secondary">
                {t("seller.refundSubmit")}
              </button>
            </Form>
          ) : null}
          <h2>{t("seller.buyer")}</h2>
          <p>
            {order.buyerName} · {order.buyerPhone}
            <br />
            {order.shipStreet}, {order.shipCommune}, {order.shipProvince}
          </p>
          {order.note ? <p className="muted">“{order.note}”</p> : null}
        </section>
        <section className="card">
          <ul className="part-items">
            {order.items.map((i) => (
              <li key={i.slug} className="summary-row">
                <span>
                  {i.productName} × {i.quantity}
                </span>
                <span>{formatVnd(i.lineTotal)}</span>
              </li>
            ))}
            <li className="summary-row muted">
              <span>{t("checkout.shipping")}</span>
              <span>{formatVnd(order.shippingFee)}</span>
            </li>
            <li className="summary-row total">
              <span>{t("orders.total")}</span>
              <strong>{formatVnd(order.total)}</strong>
            </li>
          </ul>
          {order.payment ? (
            <dl className="facts payment-facts">
              <dt>{t("orders.method")}</dt>
              <dd>{locale === "en" ? order.payment.methodNameEn : order.payment.methodName}</dd>
              <dt>{t("orders.channel")}</dt>
              <dd data-testid="payment-channel">{t(`channel.${order.payment.channel}`)}</dd>
              <dt>{t("orders.payment")}</dt>
              <dd data-testid="payment-status">
                <StatusBadge kind="payment" status={order.payment.status} /> {formatVnd(order.payment.amount)}
              </dd>
              {order.payment.providerRef ? (
                <>
                  <dt>{t("seller.providerRef")}</dt>
                  <dd>
                    <code>{order.payment.providerRef}</code>
                  </dd>
                </>
              ) : null}
            </dl>
          ) : null}
        </section>
      </div>
      <section className="card">
        <h2>{t("seller.orderHistory")}</h2>
        <table className="data stack-on-phone history">
          <thead>
            <tr>
              <th scope="col">{t("seller.when")}</th>
              <th scope="col">{t("orders.status")}</th>
              <th scope="col">{t("seller.what")}</th>
            </tr>
          </thead>
          <tbody>
            {order.history.map((h, i) => (
              <tr key={i}>
                <td data-label={t("seller.when")}>{formatDateTime(h.at)}</td>
                <td data-label={t("orders.status")}>{h.status ? h.kind === "order" ? <StatusBadge kind="order" status={h.status as never} /> : <StatusBadge kind="payment" status={h.status as never} /> : "—"}</td>
                <td data-label={t("seller.what")}>
                  {CAUSES.includes(h.what) ? t(`seller.cause.${h.what as "created"}`) : h.what} {h.detail ? <span className="muted">{h.detail}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
