import type { LinksFunction } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import marketplacesCss from "~/styles/marketplaces.css?url";

// The marketplace connector's pages in the seller centre (the parent layout checks the role).
export const links: LinksFunction = () => [{ rel: "stylesheet", href: marketplacesCss }];

export default function MarketplacesLayout() {
  return <Outlet />;
}
