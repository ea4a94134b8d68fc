import { vietnamToday } from "~/i18n/format";
import { currentMonth, parsePeriod, type Period } from "./periods";

export const PERIOD_PARAM = "ky";

/**
 * The period a URL asks for (?ky=2026-11, 2026-Q4, 2026, 2026-09-01..2026-11-20, or the custom
 * range form's ?tu=2026-09-01&den=2026-11-20), or this month.
 */
export function periodFromUrl(url: URL, today = vietnamToday()): { period: Period; invalid: boolean } {
  const from = url.searchParams.get("tu");
  const to = url.searchParams.get("den");
  const raw = from || to ? `${from ?? ""}..${to ?? ""}` : url.searchParams.get(PERIOD_PARAM);
  const parsed = parsePeriod(raw);
  // Periods that start after today have nothing to show yet.
  if (parsed && parsed.from <= today) return { period: parsed, invalid: false };
  return { period: currentMonth(today), invalid: raw !== null && raw !== "" };
}
