import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
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

// The seller centre: producer members only; every page below is scoped to its member's producer.
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireProducer(request);
  return { producerName: user.producerName };
}

function SellerFrame({ producerName, children }: { producerName: string | null; children: ReactNode }) {
  const t = useT();
  return (
    <>
      <p className="muted">
        {t("workspace.title")}
        {producerName ? <> · {producerName}</> : null}
      </p>
      <SellerNav />
      {children}
    </>
  );
}

export default function SellerCentre() {
  const { producerName } = useLoaderData<typeof loader>();
  return (
    <SellerFrame producerName={producerName}>
      <Outlet />
    </SellerFrame>
  );
}

// A 404 or 403 anywhere in the seller centre (this loader's included) keeps its menu.
export function ErrorBoundary() {
  const root = useRouteLoaderData<RootData>("root");
  return (
    <SellerFrame producerName={root?.user?.producerName ?? null}>
      <ErrorPage />
    </SellerFrame>
  );
}
