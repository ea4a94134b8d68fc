import { vietnamToday } from "~/i18n/format";
import { lastCompleteMonth, parsePeriod, type Period } from "./periods";

export const PERIOD_PARAM = "ky";

/** Why the asked period was not shown: a range that ends before it starts, one in the future, or no period at all. */
export type PeriodProblem = { kind: "inverted"; from: string; to: string } | { kind: "future" } | { kind: "invalid" };

/**
 * The period a URL asks for (?ky=2026-11, 2026-Q4, 2026, 2026-09-01..2026-11-20, or the custom
 * range form's ?tu=2026-09-01&den=2026-11-20), or the last complete month.
 */
export function periodFromUrl(url: URL, today = vietnamToday()): { period: Period; invalid: boolean; problem: PeriodProblem | null } {
  const from = url.searchParams.get("tu");
  const to = url.searchParams.get("den");
  const raw = from || to ? `${from ?? ""}..${to ?? ""}` : url.searchParams.get(PERIOD_PARAM);
  const parsed = parsePeriod(raw);
  const fallback = lastCompleteMonth(today);
  // Periods that start after today have nothing to show yet.
  if (parsed && parsed.from <= today) return { period: parsed, invalid: false, problem: null };
  if (raw === null || raw === "") return { period: fallback, invalid: false, problem: null };
  const range = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(raw);
  const problem: PeriodProblem =
    range && parsePeriod(`${range[2]}..${range[1]}`) ? { kind: "inverted", from: range[1]!, to: range[2]! } : parsed ? { kind: "future" } : { kind: "invalid" };
  return { period: fallback, invalid: true, problem };
}
