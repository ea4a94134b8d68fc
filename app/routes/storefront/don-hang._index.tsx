import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireUser } from "~/auth/guards.server";
import { OrderTable, Pager } from "~/components/order-table";
import { useOrderT } from "~/i18n/use-order-t";
import { buyerOrders } from "~/orders/queries.server";
import { pageTitle } from "~/i18n/titles";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "myOrders")];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const page = Math.min(10_000, Math.max(1, Number.parseInt(new URL(request.url).searchParams.get("page") ?? "1", 10) || 1));
  const { rows, hasNext } = buyerOrders(user.id, page);
  return { rows, page, hasNext };
}

export default function MyOrders() {
  const { rows, page, hasNext } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const t = useOrderT();
  return (
    <div className="orders-page">
      <h1>{t("orders.title")}</h1>
      {rows.length === 0 ? (
        <div className="card">
          <p>{t("orders.none")}</p>
          <Link className="button" to="/san-pham">
            {t("cart.browse")}
          </Link>
        </div>
      ) : (
        <>
          <OrderTable rows={rows} who="producer" href={(r) => `/don-hang/${r.checkoutCode ?? ""}`} />
          <Pager page={page} hasNext={hasNext} params={params} />
        </>
      )}
    </div>
  );
}
