import { NavLink } from "@remix-run/react";
import type { MessageKey } from "~/i18n/messages";
import { useAllT } from "~/i18n/use-all-t";

/** The officials' (and admins') sections under /can-bo. Each feature adds its entry here. */
export const OFFICIAL_SECTIONS: { to: string; label: MessageKey }[] = [
  { to: "/can-bo/xac-minh", label: "verify.nav" },
  { to: "/can-bo/so-bo-ocop", label: "registry.nav" },
  { to: "/can-bo/doi-chieu", label: "reconcile.nav" },
  { to: "/can-bo/chuyen-khoan", label: "officials.confirm.nav" },
];

export function OfficialNav() {
  const t = useAllT();
  return (
    <nav className="seller-nav" aria-label={t("officials.nav")}>
      <ul>
        {OFFICIAL_SECTIONS.map((s) => (
          <li key={s.to}>
            <NavLink to={s.to}>{t(s.label)}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
