import { Form, NavLink, useSearchParams } from "@remix-run/react";
import { periodLabel, type Period } from "~/indicators/periods";
import type { PeriodProblem } from "~/indicators/period-param.server";
import type { MessageKey } from "~/i18n/messages";
import { useAllT } from "~/i18n/use-all-t";

const PAGES: { path: string; label: MessageKey; end?: boolean }[] = [
  { path: "", label: "ind.nav.overview", end: true },
  { path: "/so-sanh", label: "ind.nav.compare" },
  { path: "/chua-len-san", label: "ind.nav.unlisted" },
  { path: "/bao-cao", label: "ind.nav.report" },
];

/** The indicator pages of one scope; the chosen period travels with every link. */
export function IndicatorNav({ base }: { base: string }) {
  const t = useAllT();
  const [params] = useSearchParams();
  const query = params.toString() ? `?${params.toString()}` : "";
  return (
    <nav className="ind-nav" aria-label={t("ind.nav")}>
      <ul>
        {PAGES.map((p) => (
          <li key={p.path}>
            <NavLink to={`${base}${p.path}${query}`} end={p.end}>
              {t(p.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * Month / quarter / year picker, and a custom range; a plain GET form. The periods still running
 * (`running`: their keys) say so in the list; a refused range reopens the range form with its values.
 */
export function PeriodForm({
  current,
  choices,
  running,
  problem,
}: {
  current: Period;
  choices: Period[];
  running: string[];
  problem: PeriodProblem | null;
}) {
  const t = useAllT();
  const inChoices = choices.some((c) => c.key === current.key);
  const range = problem?.kind === "inverted" ? problem : current.kind === "custom" ? current : null;
  return (
    <div className="period-form">
      <Form method="get" className="period-form">
        <div className="field">
          <label htmlFor="ky">{t("ind.period")}</label>
          <select id="ky" name="ky" defaultValue={current.key}>
            {inChoices ? null : <option value={current.key}>{periodLabel(current)}</option>}
            {choices.map((p) => (
              <option key={p.key} value={p.key}>
                {t(`ind.period.${p.kind}`)} {periodLabel(p)}
                {running.includes(p.key) ? ` (${t(p.kind === "month" ? "ind.period.runningMonth" : "ind.period.running")})` : ""}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button secondary">
          {t("ind.period.apply")}
        </button>
      </Form>
      <details open={problem?.kind === "inverted"}>
        <summary>{t("ind.period.custom")}</summary>
        <Form method="get" className="period-form">
          <div className="field">
            <label htmlFor="tu">{t("ind.period.from")}</label>
            <input id="tu" name="tu" type="date" required defaultValue={range?.from} />
          </div>
          <div className="field">
            <label htmlFor="den">{t("ind.period.to")}</label>
            <input id="den" name="den" type="date" required defaultValue={range?.to} />
          </div>
          <button type="submit" className="button secondary">
            {t("ind.period.apply")}
          </button>
        </Form>
      </details>
    </div>
  );
}
