import { NavLink } from "@remix-run/react";
import type { MessageKey } from "~/i18n/messages";
import { useAllT } from "~/i18n/use-all-t";

/** The administrators' pages under /quan-tri. Each feature adds its entry here. */
export const ADMIN_SECTIONS: { to: string; label: MessageKey }[] = [
  { to: "/quan-tri/san-tmdt", label: "admin.nav.marketplaces" },
  { to: "/quan-tri/chi-tieu", label: "admin.nav.targets" },
  { to: "/quan-tri/hop-thu", label: "admin.nav.outbox" },
];

export function AdminNav() {
  const t = useAllT();
  return (
    <nav className="seller-nav" aria-label={t("admin.nav")}>
      <ul>
        {ADMIN_SECTIONS.map((s) => (
          <li key={s.to}>
            <NavLink to={s.to}>{t(s.label)}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
