import { vietnamToday } from "~/i18n/format";
import { asOfDay, isDay, lastCompleteMonth, parsePeriod, type Period } from "./periods";

export const PERIOD_PARAM = "ky";
export const AS_OF_PARAM = "as_of";

export type PeriodError = "invalid_period" | "inverted_range" | "future_period" | "invalid_as_of" | "future_as_of";

/** What each error says, in Vietnamese first (the pages' 400 and the API's 400 JSON). */
export const PERIOD_ERRORS: Record<PeriodError, { vi: string; en: string }> = {
  invalid_period: {
    vi: "Kỳ báo cáo không hợp lệ: dùng yyyy-MM, yyyy-Qn, yyyy hoặc yyyy-MM-dd..yyyy-MM-dd.",
    en: "Not a reporting period: use yyyy-MM, yyyy-Qn, yyyy or yyyy-MM-dd..yyyy-MM-dd.",
  },
  inverted_range: { vi: "Ngày bắt đầu sau ngày kết thúc: hãy đổi chỗ hai ngày.", en: "The start day is after the end day: swap them." },
  future_period: { vi: "Kỳ báo cáo bắt đầu sau hôm nay: chưa có số liệu.", en: "The period starts after today: there is nothing to show yet." },
  invalid_as_of: { vi: "Ngày chốt số liệu (as_of) không hợp lệ: dùng yyyy-MM-dd.", en: "as_of is not a day: use yyyy-MM-dd." },
  future_as_of: { vi: "Ngày chốt số liệu (as_of) sau hôm nay.", en: "as_of is after today." },
};

/** Why the asked period was not shown: a range that ends before it starts, one in the future, or no period at all. */
export type PeriodProblem = { kind: "inverted"; from: string; to: string } | { kind: "future" } | { kind: "invalid" };

/** The API's error code for a page's problem (one parser, two ways to answer). */
export function periodError(problem: PeriodProblem): PeriodError {
  return problem.kind === "inverted" ? "inverted_range" : problem.kind === "future" ? "future_period" : "invalid_period";
}

/**
 * The period a URL asks for (?ky=2026-11, 2026-Q4, 2026, 2026-09-01..2026-11-20, or the custom
 * range form's ?tu=2026-09-01&den=2026-11-20), or the last complete month. `problem` says why the
 * asked one was not taken: the pages show an inverted range or a future period as a message on the
 * page (the range form keeps the dates) and answer 400 for one that is no period at all; the API
 * answers every problem with a 400 JSON (`periodError`).
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
    range && isDay(range[1]!) && isDay(range[2]!) && range[1]! > range[2]!
      ? { kind: "inverted", from: range[1]!, to: range[2]! }
      : parsed
        ? { kind: "future" }
        : { kind: "invalid" };
  return { period: fallback, invalid: true, problem };
}

/**
 * The period (sales) and the as-of day (registry and listings) a URL asks for: `?as_of=yyyy-MM-dd`
 * sets the day apart from the period; without it, the period's last day that has happened.
 */
export function readIndicatorParams(
  url: URL,
  today = vietnamToday(),
): { ok: true; period: Period; asOf: string } | { ok: false; error: PeriodError } {
  const { period, problem } = periodFromUrl(url, today);
  if (problem) return { ok: false, error: periodError(problem) };
  const asked = url.searchParams.get(AS_OF_PARAM);
  if (asked === null || asked === "") return { ok: true, period, asOf: asOfDay(period, today) };
  if (!isDay(asked)) return { ok: false, error: "invalid_as_of" };
  if (asked > today) return { ok: false, error: "future_as_of" };
  return { ok: true, period, asOf: asked };
}
