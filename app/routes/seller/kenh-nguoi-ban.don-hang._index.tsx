import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireProducer } from "~/auth/scope-guards.server";
import { OrderTable, Pager } from "~/components/order-table";
import { useAllT } from "~/i18n/use-all-t";
import { producerOrderCounts, producerOrders } from "~/orders/queries.server";
import { formatNumber } from "~/i18n/format";
import { ORDER_STATUSES, type OrderStatus } from "#db/vocabulary";
import { pageTitle } from "~/i18n/titles";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "sellerOrders", "seller")];

// The producer's part of every storefront order, newest first; scoped to the session's producer.
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, producerId } = await requireProducer(request);
  const params = new URL(request.url).searchParams;
  const raw = params.get("status");
  const status = (ORDER_STATUSES as readonly string[]).includes(raw ?? "") ? (raw as OrderStatus) : null;
  const page = Math.min(10_000, Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1));
  const { rows, hasNext } = producerOrders(producerId, status, page);
  return { rows, status, page, hasNext, counts: producerOrderCounts(producerId), producerName: user.producerName ?? "" };
}

export default function SellerOrders() {
  const { rows, status, page, hasNext, counts, producerName } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const t = useAllT();
  return (
    <>
      <h1>{t("seller.ordersTitle", { producer: producerName })}</h1>
      <nav className="status-filter" aria-label={t("orders.status")}>
        <Link to="?" aria-current={status === null ? "page" : undefined}>
          {t("seller.allStatuses")} ({formatNumber(Object.values(counts).reduce((a, b) => a + b, 0))})
        </Link>
        {ORDER_STATUSES.map((s) => (
          <Link key={s} to={`?status=${s}`} aria-current={status === s ? "page" : undefined}>
            {t(`orderStatus.${s}`)} ({formatNumber(counts[s])})
          </Link>
        ))}
      </nav>
      {rows.length === 0 ? (
        <p className="card">{t("seller.none")}</p>
      ) : (
        <>
          <OrderTable rows={rows} who="buyer" href={(r) => `/kenh-nguoi-ban/don-hang/${r.code}`} />
          <Pager page={page} hasNext={hasNext} params={params} />
        </>
      )}
    </>
  );
}
