import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect, useState } from "react";
import { requireCsrf } from "~/auth/csrf.server";
import { requireUser } from "~/auth/guards.server";
import { CsrfInput } from "~/components/csrf-input";
import { StatusBadge } from "~/components/order-status";
import { formatInstant, formatTime, formatVnd } from "~/i18n/format";
import { getLocale } from "~/i18n/locale.server";
import type { MessageKey } from "~/i18n/messages";
import { useAnyT, useLocale } from "~/i18n/use-t";
import { useOrderT } from "~/i18n/use-order-t";
import { cancelByBuyer } from "~/checkout/order-actions.server";
import { checkoutPage, type TransferDetails } from "~/checkout/checkout-view.server";
import { startPayment } from "~/payments/sessions.server";
import { readForm } from "~/http/read-form.server";
import { OrderHistory } from "~/components/order-history";
import { renderNote } from "~/i18n/notes";
import { orderHistory, refundNote } from "~/orders/history.server";
import { pageTitle } from "~/i18n/titles";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [pageTitle(matches, ["order", { code: data?.checkoutCode ?? "" }])];

const CODE = /^CK\d{6,20}$/;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const code = params.code ?? "";
  const page = CODE.test(code) ? await checkoutPage(user.id, code) : null;
  if (!page) throw data({ reason: "not_found" as const }, { status: 404 });
  const locale = await getLocale(request);
  const histories = Object.fromEntries(page.orders.map((o) => [o.code, orderHistory(o.id, o.paymentId, locale)]));
  return { ...page, histories, refunds: Object.fromEntries(Object.entries(histories).map(([code, h]) => [code, refundNote(h)])) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const code = params.code ?? "";
  if (!CODE.test(code)) throw data({ reason: "not_found" as const }, { status: 404 });
  const intent = form.get("intent");
  if (intent === "cancel") {
    cancelByBuyer(user.id, code);
    throw redirect(`/don-hang/${code}`);
  }
  if (intent === "pay") {
    const clientIp = request.headers.get("X-Forwarded-For")?.split(",")[0]?.trim() || "127.0.0.1";
    const started = await startPayment(code, { userId: user.id, email: user.email }, { locale: await getLocale(request), clientIp });
    if (started.kind === "redirect") throw redirect(started.url);
    if (started.kind === "failed") return data({ problem: "checkout.providerDown" as MessageKey }, { status: 502 });
    throw redirect(`/don-hang/${code}`);
  }
  throw data({ reason: "bad_request" as const }, { status: 400 });
}

/** While a payment is awaited, re-reads the page every few seconds (only with JavaScript, only while visible). */
function usePolling(active: boolean) {
  const revalidator = useRevalidator();
  useEffect(() => {
    if (!active) return;
    const id = window.setInterval(() => {
      if (document.visibilityState === "visible" && revalidator.state === "idle") revalidator.revalidate();
    }, 2500);
    return () => window.clearInterval(id);
  }, [active, revalidator]);
}

export default function CheckoutOrders() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useOrderT();
  const tAny = useAnyT(); // keys that come with the data
  const locale = useLocale();
  usePolling(page.waiting);
  const allPaid = page.orders.every((o) => o.payment?.status === "paid");
  const cancellable = page.orders.some((o) => (o.status === "pending_payment" || o.status === "placed") && o.payment?.status === "pending");
  const first = page.orders[0]!;
  return (
    <div className="order-page">
      <h1>{t("orders.checkoutTitle", { code: page.checkoutCode })}</h1>
      <p className="muted">
        {t("orders.placedOn", { date: formatInstant(first.placedAt) })} · {t("orders.shipTo")}: {first.buyerName}, {first.shipStreet}, {first.shipCommune}, {first.shipProvince}
      </p>
      {result?.problem ? (
        <p className="alert error" role="alert">
          {tAny(result.problem)}
        </p>
      ) : null}

      <div className="card payment-state" role="status" aria-live="polite" data-testid="payment-state">
        {page.waiting ? (
          <>
            <p>{page.deadline ? t("orders.awaiting", { time: formatTime(page.deadline), date: formatInstant(page.deadline) }) : t("paymentStatus.pending")}</p>
            <div className="actions-row">
              {page.session?.payUrl ? (
                <a className="button" href={page.session.payUrl}>
                  {t("orders.payNow")}
                </a>
              ) : page.session ? (
                <Form method="post">
                  <CsrfInput />
                  <button type="submit" name="intent" value="pay" className="button">
                    {t("orders.payAgain")}
                  </button>
                </Form>
              ) : null}
              <a className="button secondary" href={`/don-hang/${page.checkoutCode}`}>
                {t("orders.refresh")}
              </a>
            </div>
            {page.session?.lastError && !page.session.payUrl ? <p className="field-error">{t("checkout.providerDown")}</p> : null}
          </>
        ) : allPaid ? (
          <p className="ok-text">{t("orders.allPaid")}</p>
        ) : page.method === "cod" && page.orders.some((o) => o.status !== "cancelled") ? (
          <p>{t("orders.codPlaced")}</p>
        ) : (
          <p>{t("orders.closed")}</p>
        )}
      </div>

      {page.orders.map((o) => (
        <section key={o.code} className="card order-part" aria-labelledby={`part-${o.code}`} data-testid="order-part">
          <div className="part-head">
            <h2 id={`part-${o.code}`}>{t("orders.part", { code: o.code, producer: o.producer.name })}</h2>
            <StatusBadge kind="order" status={o.status} />
          </div>
          <ul className="part-items">
            {o.items.map((i) => (
              <li key={i.slug} className="summary-row">
                <span>
                  <Link to={`/san-pham/${i.slug}`}>{i.productName}</Link> × {i.quantity}
                </span>
                <span>{formatVnd(i.lineTotal)}</span>
              </li>
            ))}
            <li className="summary-row muted">
              <span>{t("checkout.shipping")}</span>
              <span>{o.shippingFee === 0 ? t("checkout.free") : formatVnd(o.shippingFee)}</span>
            </li>
            <li className="summary-row total">
              <span>{t("orders.total")}</span>
              <strong>{formatVnd(o.total)}</strong>
            </li>
          </ul>
          {o.payment ? (
            <dl className="facts payment-facts">
              <dt>{t("orders.method")}</dt>
              <dd>{locale === "en" ? o.payment.methodNameEn : o.payment.methodName}</dd>
              <dt>{t("orders.channel")}</dt>
              <dd data-testid="payment-channel">{t(`channel.${o.payment.channel}`)}</dd>
              <dt>{t("orders.payment")}</dt>
              <dd>
                <StatusBadge kind="payment" status={o.payment.status} />
              </dd>
            </dl>
          ) : null}
          {o.payment?.status === "flagged" ? <p className="alert info">{t("orders.flaggedBuyer")}</p> : null}
          {page.transfers[o.code] ? <Transfer details={page.transfers[o.code]!} producer={o.producer.name} qrFile={`/don-hang/${page.checkoutCode}/ma-qr/${o.code}`} fileName={`${o.code}.png`} /> : null}
          {page.refunds[o.code] ? (
            <p className="alert info" data-testid="refund-notice">
              {renderNote(t, page.refunds[o.code])}
            </p>
          ) : null}
          <OrderHistory items={page.histories[o.code] ?? []} showActor={false} headingLevel={3} />
        </section>
      ))}

      {cancellable ? (
        <Form method="post">
          <CsrfInput />
          <button type="submit" name="intent" value="cancel" className="link-button">
            {t("orders.cancel")}
          </button>
        </Form>
      ) : null}
      <p>
        <Link to="/don-hang">{t("orders.title")}</Link>
      </p>
    </div>
  );
}

function Transfer({ details, producer, qrFile, fileName }: { details: TransferDetails; producer: string; qrFile: string; fileName: string }) {
  const t = useOrderT();
  return (
    <div className="transfer">
      <h3>{t("orders.qrTitle", { producer })}</h3>
      <div className="transfer-grid">
        <div className="transfer-qr">
          <img src={details.image} width={220} height={220} alt={t("orders.qrAlt", { amount: formatVnd(details.amount), producer, code: details.purpose })} />
          {/* A file, not a page: the browser saves it (Content-Disposition), with JavaScript or without. */}
          <a className="button secondary" href={qrFile} download={fileName}>
            {t("orders.saveQr")}
          </a>
          <p className="muted small">{t("orders.saveQrHint")}</p>
        </div>
        <div>
          <p className="muted">{t("orders.qrHelp")}</p>
          <dl className="facts">
            <dt>{t("orders.bank")}</dt>
            <dd>{details.bank}</dd>
            <dt>{t("orders.accountNumber")}</dt>
            <dd>
              <Copyable text={details.accountNumber} what={t("orders.accountNumber")} />
            </dd>
            <dt>{t("orders.accountName")}</dt>
            <dd>{details.accountName}</dd>
            <dt>{t("orders.amount")}</dt>
            <dd>
              <Copyable text={String(details.amount)} shown={formatVnd(details.amount)} what={t("orders.amount")} />
            </dd>
            <dt>{t("orders.purpose")}</dt>
            <dd>
              <Copyable text={details.purpose} what={t("orders.purpose")} />
            </dd>
          </dl>
          <details>
            <summary>{t("orders.qrText")}</summary>
            <code className="qr-text" data-testid="vietqr-payload">
              {details.payload}
            </code>
          </details>
        </div>
      </div>
    </div>
  );
}

/** The text (selectable), and once hydrated a button that copies it, named for what it copies. */
function Copyable({ text, shown, what }: { text: string; shown?: string; what: string }) {
  const t = useOrderT();
  const [hydrated, setHydrated] = useState(false);
  const [copied, setCopied] = useState(false);
  useEffect(() => setHydrated(true), []);
  return (
    <span className="copyable">
      <strong>{shown ?? text}</strong>
      {hydrated ? (
        <button
          type="button"
          className="link-button"
          onClick={() => {
            void navigator.clipboard?.writeText(text).then(() => setCopied(true));
          }}
        >
          {copied ? t("orders.copied") : t("orders.copy")}
          <span className="visually-hidden"> {what.toLowerCase()}</span>
        </button>
      ) : null}
    </span>
  );
}
