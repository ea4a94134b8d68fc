import type { LinksFunction } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { AdminNav } from "~/components/admin-nav";
import { ErrorPage } from "~/components/error-page";
import workspaceCss from "~/styles/workspace.css?url";

// Pathless: the administrators' pages under /quan-tri share this menu and error boundary, and it adds no URL.
// Each page checks its own access (requireRole admin), so a 403 also shows here, with the menu.
export const links: LinksFunction = () => [{ rel: "stylesheet", href: workspaceCss }];

export default function AdminLayout() {
  return (
    <>
      <AdminNav />
      <Outlet />
    </>
  );
}

export function ErrorBoundary() {
  return (
    <>
      <AdminNav />
      <ErrorPage />
    </>
  );
}
