import { NavLink } from "@remix-run/react";
import type { MessageKey } from "~/i18n/messages";
import { useAllT } from "~/i18n/use-all-t";

/** The seller centre's sections. Each feature adds its entry here. */
export const SELLER_SECTIONS: { to: string; label: MessageKey; end?: boolean }[] = [
  { to: "/kenh-nguoi-ban", label: "workspace.overview", end: true },
  { to: "/kenh-nguoi-ban/san-pham", label: "seller.products" },
  { to: "/kenh-nguoi-ban/nhap-xuat", label: "import.nav" },
  { to: "/kenh-nguoi-ban/ho-so", label: "profile.nav" },
  { to: "/kenh-nguoi-ban/thanh-vien", label: "members.nav" },
  { to: "/kenh-nguoi-ban/don-hang", label: "seller.orders" },
  { to: "/kenh-nguoi-ban/chuyen-khoan", label: "bankLink.nav" },
  { to: "/kenh-nguoi-ban/san-tmdt", label: "connector.nav" },
];

/** The seller centre's heading (with the producer's name, when the visitor has one) and its menu. */
export function SellerNav({ producerName }: { producerName: string | null }) {
  const t = useAllT();
  return (
    <>
      <p className="muted">
        {t("workspace.title")}
        {producerName ? <> · {producerName}</> : null}
      </p>
      <nav className="seller-nav" aria-label={t("workspace.nav")}>
        <ul>
          {SELLER_SECTIONS.map((s) => (
            <li key={s.to}>
              <NavLink to={s.to} end={s.end}>
                {t(s.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}
