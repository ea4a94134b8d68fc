import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server";
import { SellerNav } from "~/components/seller-nav";
import { useT } from "~/i18n/use-t";
import sellerCss from "~/styles/seller-products.css?url";
import workspaceCss from "~/styles/workspace.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: workspaceCss },
  { rel: "stylesheet", href: sellerCss },
];

// The seller centre: producer members only; every page below is scoped to user.producerId.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["producer"]);
  return { producerName: user.producerName };
}

export default function SellerCentre() {
  const { producerName } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <p className="muted">
        {t("workspace.title")} · {producerName}
      </p>
      <SellerNav />
      <Outlet />
    </>
  );
}
