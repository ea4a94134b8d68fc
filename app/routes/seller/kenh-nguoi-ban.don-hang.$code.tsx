import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireCsrf } from "~/auth/csrf.server";
import { requireProducer } from "~/auth/scope-guards.server";
import { CsrfInput } from "~/components/csrf-input";
import { StatusBadge } from "~/components/order-status";
import { formatVnd } from "~/i18n/format";
import { getLocale } from "~/i18n/locale.server";
import type { MessageKey } from "~/i18n/messages";
import { useLocale } from "~/i18n/use-t";
import { useAllT } from "~/i18n/use-all-t";
import { SELLER_ACTIONS, runSellerAction, sellerActionsFor, type SellerAction } from "~/checkout/order-actions.server";
import { OrderHistory } from "~/components/order-history";
import { orderHistory } from "~/orders/history.server";
import { producerOrder } from "~/orders/queries.server";
import { readForm } from "~/http/read-form.server";
import { pageTitle } from "~/i18n/titles";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [pageTitle(matches, ["sellerOrder", { code: data?.order.code ?? "" }], "seller")];

const CODE = /^OC\d{6,20}$/;
/** What the refund step did, told when it sends the producer back here (post/redirect/get). */
const REFUND_DONE = { done: "seller.refund.done", partial: "seller.refund.partial", pending: "seller.refundPending" } as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { producerId } = await requireProducer(request);
  const code = params.code ?? "";
  const order = CODE.test(code) ? producerOrder(producerId, code) : null;
  if (!order) throw data({ reason: "not_found" as const }, { status: 404 });
  const actions = sellerActionsFor({ status: order.status, paymentStatus: order.payment?.status ?? null, method: order.payment?.method ?? null });
  return { order, actions, history: orderHistory(order.id, order.paymentId, await getLocale(request)) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, producerId } = await requireProducer(request, { whileSuspended: true }); // orders already sold still ship
  const form = await readForm(request);
  await requireCsrf(request, form);
  const code = params.code ?? "";
  const intent = String(form.get("intent") ?? "");
  if (!CODE.test(code) || !(SELLER_ACTIONS as readonly string[]).includes(intent)) throw data({ reason: "bad_request" as const }, { status: 400 });
  // A refund has its own step: the amount and the reason, confirmed there.
  if (intent === "refund") throw redirect(`/kenh-nguoi-ban/don-hang/${code}/hoan-tien`);
  const outcome = runSellerAction(producerId, user.id, code, intent as SellerAction);
  if (!outcome.ok && outcome.reason === "not_found") throw data({ reason: "not_found" as const }, { status: 404 });
  if (!outcome.ok) return data({ problem: "seller.notAllowed" as MessageKey }, { status: 409 });
  throw redirect(`/kenh-nguoi-ban/don-hang/${code}?done=1`);
}

export default function SellerOrder() {
  const { order, actions, history } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as { problem?: MessageKey } | undefined;
  const [params] = useSearchParams();
  const t = useAllT();
  const locale = useLocale();
  const cod = order.payment?.method === "cod";
  const refundDone = Object.keys(REFUND_DONE).find((k) => k === params.get("hoan-tien")) as keyof typeof REFUND_DONE | undefined;
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
      {refundDone && !result ? (
        <p className="alert success" role="status">
          {t(REFUND_DONE[refundDone], { amount: formatVnd(Number(params.get("so-tien")) || 0) })}
        </p>
      ) : null}
      {result?.problem ? (
        <p className="alert error" role="alert">
          {t(result.problem)}
        </p>
      ) : null}
      <div className="seller-order-grid">
        <section className="card">
          <h2>{t("seller.actions")}</h2>
          {actions.length === 0 ? <p className="muted">{t("seller.noActions")}</p> : null}
          <Form method="post" className="actions-row">
            <CsrfInput />
            {actions
              .filter((a) => a !== "refund")
              .map((a) => (
                <button key={a} type="submit" name="intent" value={a} className={a === "cancel" ? "button secondary" : "button"}>
                  {a === "deliver" && cod ? t("seller.action.deliverCod") : t(`seller.action.${a}`)}
                </button>
              ))}
            {actions.includes("refund") ? (
              <Link to={`/kenh-nguoi-ban/don-hang/${order.code}/hoan-tien`} className="button secondary danger">
                {t("seller.refund.open")}
              </Link>
            ) : null}
          </Form>
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
      <div className="card">
        <OrderHistory items={history} showActor />
      </div>
    </>
  );
}
