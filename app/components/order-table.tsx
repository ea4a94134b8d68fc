import { Link } from "@remix-run/react";
import type { OrderListRow } from "~/orders/queries.server";
import { formatInstant, formatVnd } from "~/i18n/format";
import { useOrderT } from "~/i18n/use-order-t";
import { StatusBadge } from "./order-status";

/** Orders as a table (a stack of cards on phones): the buyer's list and the seller's. */
export function OrderTable({ rows, href, who }: { rows: OrderListRow[]; href: (row: OrderListRow) => string; who: "producer" | "buyer" }) {
  const t = useOrderT();
  return (
    <div className="table-wrap">
    <table className="data stack-on-phone order-table">
      <thead>
        <tr>
          <th scope="col">{t("orders.code")}</th>
          <th scope="col">{t("orders.date")}</th>
          <th scope="col">{who === "producer" ? t("orders.producer") : t("orders.buyer")}</th>
          <th scope="col">{t("orders.total")}</th>
          <th scope="col">{t("orders.status")}</th>
          <th scope="col">{t("orders.payment")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.code}>
            <td data-label={t("orders.code")} className="order-head">
              <Link to={href(r)}>{r.code}</Link>
              {/* On a phone the status sits next to the order's code, not down among the labels. */}
              <span className="phone-only">
                <StatusBadge kind="order" status={r.status} />
              </span>
            </td>
            <td data-label={t("orders.date")}>{formatInstant(r.placedAt)}</td>
            <td data-label={who === "producer" ? t("orders.producer") : t("orders.buyer")}>{who === "producer" ? r.producerName : r.buyerName}</td>
            <td data-label={t("orders.total")}>{formatVnd(r.total)}</td>
            <td data-label={t("orders.status")} className="phone-hide">
              <StatusBadge kind="order" status={r.status} />
            </td>
            <td data-label={t("orders.payment")}>
              {r.method ? `${t(`method.${r.method}` as "method.cod")} · ` : ""}
              {r.paymentStatus ? <StatusBadge kind="payment" status={r.paymentStatus} /> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}

/** Previous/next links that keep the other query parameters. */
export function Pager({ page, hasNext, params }: { page: number; hasNext: boolean; params: URLSearchParams }) {
  const t = useOrderT();
  if (page === 1 && !hasNext) return null;
  const to = (p: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(p));
    return `?${next}`;
  };
  return (
    <nav className="pager" aria-label={t("orders.page", { page })}>
      {page > 1 ? <Link to={to(page - 1)}>{t("orders.prev")}</Link> : <span />}
      <span>{t("orders.page", { page })}</span>
      {hasNext ? <Link to={to(page + 1)}>{t("orders.next")}</Link> : <span />}
    </nav>
  );
}
