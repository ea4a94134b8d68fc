import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireProducer } from "~/auth/scope-guards.server";
import { workspaceSummary } from "~/seller/producer-workspace.server";
import { formatNumber, formatPercent } from "~/i18n/format";
import { producerFigures } from "~/indicators/producer-figures.server";
import { useAllT } from "~/i18n/use-all-t";
import { PRODUCT_STATUSES } from "#db/vocabulary";
import { pageTitle } from "~/i18n/titles";
import { LinkStateBadge, overallState } from "~/components/bank-link-card";
import { linkStatus } from "~/payments/bank-links.server";
import { reviewCount } from "~/payments/bank-transfers.server";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "seller")];

export async function loader({ request }: LoaderFunctionArgs) {
  const { producerId } = await requireProducer(request);
  const summary = workspaceSummary(producerId);
  if (!summary) throw data({ reason: "not_found" as const }, { status: 404 });
  return { summary, figures: producerFigures(producerId, summary.provinceId), transfers: { state: overallState(linkStatus(producerId)), review: reviewCount(producerId) } };
}

export default function SellerOverview() {
  const { summary, figures, transfers } = useLoaderData<typeof loader>();
  const t = useAllT();
  return (
    <>
      <h1>{summary.name}</h1>
      <ul className="todo-list" aria-label={t("workspace.todo")} data-testid="todo">
        <li className={summary.waitingOrders > 0 ? "due" : undefined}>
          <Link to="/kenh-nguoi-ban/don-hang?status=placed">{t("workspace.todo.orders", { count: formatNumber(summary.waitingOrders) })}</Link>
        </li>
        <li className={summary.productsToFix > 0 ? "due" : undefined}>
          <Link to="/kenh-nguoi-ban/san-pham?status=fix">{t("workspace.todo.products", { count: formatNumber(summary.productsToFix) })}</Link>
        </li>
        <li className={summary.expiringShops > 0 ? "due" : undefined}>
          <Link to="/kenh-nguoi-ban/san-tmdt">{t("workspace.todo.shops", { count: formatNumber(summary.expiringShops) })}</Link>
        </li>
        <li className={transfers.review > 0 ? "due" : undefined}>
          <Link to="/kenh-nguoi-ban/chuyen-khoan/doi-soat">{t("bankLink.todo.review", { count: formatNumber(transfers.review) })}</Link>
        </li>
      </ul>
      <p data-testid="auto-confirm">
        {t("bankLink.dashboard")}{" "}
        <LinkStateBadge state={transfers.state} /> <Link to="/kenh-nguoi-ban/chuyen-khoan">{t("bankLink.dashboard.open")}</Link>
      </p>
      <p>
        <span className={`badge ${summary.status === "verified" ? "ok" : "expired"}`}>{t(`workspace.status.${summary.status}`)}</span>
      </p>
      {summary.status === "pending" ? (
        <p className="alert info">
          {t("auth.producerPending")} <Link to="/kenh-nguoi-ban/ho-so">{t("workspace.completeProfile")}</Link>
        </p>
      ) : null}
      <p className="inline-actions">
        <Link className="button" to="/kenh-nguoi-ban/san-pham/moi">
          {t("seller.addProduct")}
        </Link>
        <Link className="button secondary" to="/kenh-nguoi-ban/nhap-xuat">
          {t("workspace.importFromExcel")}
        </Link>
      </p>
      <div className="stat-grid">
        {PRODUCT_STATUSES.map((s) => (
          <div className="stat" key={s}>
            <strong>{formatNumber(summary.products[s])}</strong>
            {t(`workspace.products.${s}`)}
          </div>
        ))}
      </div>
      <p>{t("workspace.visible", { count: formatNumber(summary.visible) })}</p>
      {summary.status === "verified" ? <Link to={`/nha-san-xuat/${summary.slug}`}>{t("workspace.publicPage")}</Link> : null}
      <section className="section" aria-labelledby="my-figures">
        <h2 id="my-figures">{t("workspace.figures")}</h2>
        <div className="stat-grid">
          <div className="stat" data-testid="my-listing-share">
            <strong>{formatPercent(figures.listing.value)}</strong>
            {t("workspace.figures.listing", { num: figures.listing.num, den: figures.listing.den })}
          </div>
          <div className="stat">
            <strong>{formatPercent(figures.cashlessCount.value)}</strong>
            {t("workspace.figures.cashless", { num: figures.cashlessCount.num, den: figures.cashlessCount.den })}
          </div>
        </div>
      </section>
    </>
  );
}
