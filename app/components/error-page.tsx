import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { useT, type StorefrontKey } from "~/i18n/use-t";

/** The title and text for a status (and the reason a guard gave, e.g. "csrf"). */
function messages(status: number, reason: string | undefined): [StorefrontKey, StorefrontKey] {
  if (status === 404) return ["error.notFound", "error.notFoundText"];
  if (status === 403) return ["error.title", reason === "csrf" ? "error.csrf" : reason === "suspended" ? "seller.suspended" : "auth.forbidden"];
  if (status === 400) return ["error.badRequest", "error.generic"];
  return ["error.title", "error.generic"];
}

/**
 * What a thrown response or error shows, by status. Each area's ErrorBoundary renders it inside the area's
 * navigation (the root's inside the site header), so a 404 in the seller centre keeps the seller centre's menu.
 */
export function ErrorPage() {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const reason = isRouteErrorResponse(error) ? (error.data as { reason?: string } | null)?.reason : undefined;
  if (!isRouteErrorResponse(error)) console.error(error);
  const [title, text] = messages(status, reason);
  return (
    <div className="card narrow">
      <h1>{t(title)}</h1>
      <p>{t(text)}</p>
      <p className="muted">HTTP {status}</p>
      <a className="button" href="/">
        {t("error.home")}
      </a>
    </div>
  );
}
