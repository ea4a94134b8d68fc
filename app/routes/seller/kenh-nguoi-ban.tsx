import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { requireProducer } from "~/auth/scope-guards.server";
import { ErrorPage } from "~/components/error-page";
import { SellerNav } from "~/components/seller-nav";
import { useT } from "~/i18n/use-t";
import type { RootData } from "~/root";
import sellerCss from "~/styles/seller-products.css?url";
import workspaceCss from "~/styles/workspace.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: workspaceCss },
  { rel: "stylesheet", href: sellerCss },
];

// The seller centre: producer members only; every page below is scoped to user.producerId.
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireProducer(request);
  return { producerName: user.producerName, suspended: user.producerStatus === "suspended" };
}

export default function SellerCentre() {
  const { producerName, suspended } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <SellerNav producerName={producerName} />
      {suspended ? (
        <p className="alert error" role="status">
          {t("seller.suspended")}
        </p>
      ) : null}
      <Outlet />
    </>
  );
}

// A 404 or 403 in the seller centre keeps its menu (the producer's name from the root's user).
export function ErrorBoundary() {
  const root = useRouteLoaderData<RootData>("root");
  return (
    <>
      <SellerNav producerName={root?.user?.producerName ?? null} />
      <ErrorPage />
    </>
  );
}
