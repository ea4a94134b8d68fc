import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { csrfToken } from "~/auth/csrf.server";
import { getSessionUser, type SessionUser } from "~/auth/session.server";
import { hasVisitorState } from "~/http/visitor";
import { ErrorPage } from "~/components/error-page";
import { useNonce } from "~/components/nonce";
import { SandboxRibbon } from "~/components/sandbox-ribbon";
import { SiteFooter, SiteHeader } from "~/components/site-chrome";
import { getLocale } from "~/i18n/locale.server";
import type { Locale } from "~/i18n/messages";
import { cartCount } from "~/checkout/cart.server";
import { env } from "~/env.server";
import baseCss from "~/styles/base.css?url";
import catalogCss from "~/styles/catalog.css?url";
import ordersCss from "~/styles/orders.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: baseCss },
  { rel: "stylesheet", href: catalogCss },
  { rel: "stylesheet", href: ordersCss },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "OCOP Connect" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const [locale, csrf] = await Promise.all([getLocale(request), csrfToken(request)]);
  // A visitor without session or cart: nothing of theirs to read, a page any cache may keep.
  if (!hasVisitorState(request)) return data({ user: null as SessionUser | null, locale, csrf: csrf.token, cart: 0, sandbox: env().SANDBOX_MODE });
  const user = await getSessionUser(request);
  const cart = await cartCount(request, user?.id ?? null);
  return data(
    { user, locale, csrf: csrf.token, cart, sandbox: env().SANDBOX_MODE },
    csrf.setCookie ? { headers: { "Set-Cookie": csrf.setCookie } } : undefined,
  );
}

export type RootData = Awaited<ReturnType<typeof loader>>["data"];

export function Layout({ children }: { children: ReactNode }) {
  const root = useRouteLoaderData<typeof loader>("root");
  const locale: Locale = root?.locale ?? "vi";
  const nonce = useNonce();
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#24593a" />
        <Meta />
        <Links />
        {/* zod (some pages' forms run in the browser) probes `new Function` once to decide on its JIT; the
            Content-Security-Policy forbids eval, so it is told not to, before any module loads. */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: "globalThis.__zod_globalConfig={jitless:true};" }} />
      </head>
      <body>
        {root?.sandbox ? <SandboxRibbon /> : null}
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const { user, cart } = useLoaderData<typeof loader>();
  return (
    <>
      <SiteHeader user={user} cart={cart} />
      <main id="main" className="container">
        <Outlet />
      </main>
      <SiteFooter />
    </>
  );
}

export function ErrorBoundary() {
  const root = useRouteLoaderData<typeof loader>("root");
  return (
    <>
      <SiteHeader user={root?.user ?? null} cart={root?.cart ?? 0} />
      <main id="main" className="container">
        <ErrorPage />
      </main>
      <SiteFooter />
    </>
  );
}
