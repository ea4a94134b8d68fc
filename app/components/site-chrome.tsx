import { Form, Link, useLocation, useSearchParams } from "@remix-run/react";
import type { SessionUser } from "~/auth/session.server";
import { useLocale, useT } from "~/i18n/use-t";
import { CsrfInput } from "./csrf-input";

export function SiteHeader({ user, cart }: { user: SessionUser | null; cart: number }) {
  const t = useT();
  const locale = useLocale();
  const location = useLocation();
  const [params] = useSearchParams();
  const here = location.pathname + location.search;
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <div className="container header-row">
        <Link to="/" className="brand" aria-label={`${t("app.name")}, ${t("error.home").toLowerCase()}`}>
          <span className="brand-mark" aria-hidden="true">
            ★
          </span>
          {t("app.name")}
        </Link>
        <form className="search-form" action="/san-pham" method="get" role="search">
          <label htmlFor="site-search" className="visually-hidden">
            {t("search.label")}
          </label>
          <input
            id="site-search"
            type="search"
            name="q"
            defaultValue={location.pathname === "/san-pham" ? (params.get("q") ?? "") : ""}
            placeholder={t("search.placeholder")}
            maxLength={200}
            enterKeyHint="search"
          />
          <button type="submit">{t("search.submit")}</button>
        </form>
        <nav className="header-nav" aria-label={t("nav.account")}>
          <Link to="/san-pham">{t("nav.products")}</Link>
          <Link to="/gio-hang" className="cart-link" aria-label={t("cart.linkCount", { count: cart })}>
            {t("cart.link")} <span className="cart-count">{cart}</span>
          </Link>
          {user ? (
            <>
              {user.role === "shopper" ? <Link to="/don-hang">{t("orders.link")}</Link> : null}
              {user.role === "producer" ? <Link to="/kenh-nguoi-ban">{t("workspace.title")}</Link> : null}
              {user.role === "official" || user.role === "national_official" || user.role === "admin" ? (
                <Link to="/chi-so">{t("nav.indicators")}</Link>
              ) : null}
              {user.role === "official" || user.role === "admin" ? <Link to="/can-bo/xac-minh">{t("verify.nav")}</Link> : null}
              <Link to="/tai-khoan">{user.name}</Link>
              <Form method="post" action="/dang-xuat">
                <CsrfInput />
                <button type="submit" className="link-button">
                  {t("nav.logout")}
                </button>
              </Form>
            </>
          ) : (
            <>
              {/* From the home page, no return address: each user then lands on their own home (a producer, the seller centre). */}
              <Link to={here === "/" ? "/dang-nhap" : `/dang-nhap?redirectTo=${encodeURIComponent(here)}`}>{t("nav.login")}</Link>
              <Link to="/dang-ky">{t("nav.signup")}</Link>
            </>
          )}
          <Form method="post" action="/ngon-ngu">
            <CsrfInput />
            <input type="hidden" name="lang" value={locale === "vi" ? "en" : "vi"} />
            <input type="hidden" name="redirectTo" value={here} />
            <button type="submit" className="link-button" lang={locale === "vi" ? "en" : "vi"}>
              {t("nav.switchTo")}
            </button>
          </Form>
        </nav>
      </div>
    </header>
  );
}

export function SiteFooter() {
  const t = useT();
  return (
    <footer className="site-footer">
      <div className="container">
        <p>{t("footer.about")}</p>
        <p>© OCOP Connect</p>
      </div>
    </footer>
  );
}
