import type { LinksFunction } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { OfficialNav } from "~/components/official-nav";
import workspaceCss from "~/styles/workspace.css?url";

// Pathless: the officials' pages under /can-bo share this menu and error boundary, and it adds no URL.
// Each page checks its own access (requireVerifier), so a 403 also shows here, with the menu.
export const links: LinksFunction = () => [{ rel: "stylesheet", href: workspaceCss }];

export default function OfficialsLayout() {
  return (
    <>
      <OfficialNav />
      <Outlet />
    </>
  );
}

export function ErrorBoundary() {
  return (
    <>
      <OfficialNav />
      <ErrorPage />
    </>
  );
}
