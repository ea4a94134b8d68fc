// Reporting periods: a month ("2026-11"), a quarter ("2026-Q4"), a year ("2026") or a custom
// range ("2026-09-01..2026-11-20"). Days are Asia/Ho_Chi_Minh calendar days, "yyyy-MM-dd".
// Browser-safe: the period picker uses the same parsing as the loaders.

export type PeriodKind = "month" | "quarter" | "year" | "custom";

export type Period = {
  kind: PeriodKind;
  /** The canonical URL form. */
  key: string;
  /** First and last day, inclusive. */
  from: string;
  to: string;
};

const pad = (n: number) => String(n).padStart(2, "0");
const lastDayOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
/** The years a period may fall in: the OCOP programme's, with room; "0013" or "9999" is not a report. */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;
const inYears = (year: number) => year >= FIRST_YEAR && year <= LAST_YEAR;
/** A real calendar day "yyyy-MM-dd" in the years above (never throws: "2026-13-45" is simply not one). */
export const isDay = (s: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || !inYears(Number(s.slice(0, 4)))) return false;
  const t = Date.parse(`${s}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === s;
};

export function monthPeriod(year: number, month: number): Period {
  return {
    kind: "month",
    key: `${year}-${pad(month)}`,
    from: `${year}-${pad(month)}-01`,
    to: `${year}-${pad(month)}-${pad(lastDayOfMonth(year, month))}`,
  };
}

export function quarterPeriod(year: number, quarter: number): Period {
  const first = (quarter - 1) * 3 + 1;
  return {
    kind: "quarter",
    key: `${year}-Q${quarter}`,
    from: `${year}-${pad(first)}-01`,
    to: `${year}-${pad(first + 2)}-${pad(lastDayOfMonth(year, first + 2))}`,
  };
}

export function yearPeriod(year: number): Period {
  return { kind: "year", key: String(year), from: `${year}-01-01`, to: `${year}-12-31` };
}

/** Parses a period key; null when it is not one (the caller falls back to the last complete month). */
export function parsePeriod(key: string | null | undefined): Period | null {
  if (!key || key.length > 30) return null;
  let m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 && inYears(Number(m[1])) ? monthPeriod(Number(m[1]), month) : null;
  }
  m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) return inYears(Number(m[1])) ? quarterPeriod(Number(m[1]), Number(m[2])) : null;
  m = /^(\d{4})$/.exec(key);
  if (m) return inYears(Number(m[1])) ? yearPeriod(Number(m[1])) : null;
  m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(key);
  if (m && isDay(m[1]!) && isDay(m[2]!) && m[1]! <= m[2]!) return { kind: "custom", key, from: m[1]!, to: m[2]! };
  return null;
}

export function currentMonth(today: string): Period {
  return monthPeriod(Number(today.slice(0, 4)), Number(today.slice(5, 7)));
}

/** The month before today's: the last one whose figures are final, and the pages' default. */
export function lastCompleteMonth(today: string): Period {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  return m === 1 ? monthPeriod(y - 1, 12) : monthPeriod(y, m - 1);
}

/** False while the period runs (its last day is today or later): its figures will still move. */
export function isComplete(period: Period, today: string): boolean {
  return period.to < today;
}

/** The last day of the period that has happened: "as of" figures are taken then. */
export function asOfDay(period: Period, today: string): string {
  return period.to < today ? period.to : today;
}

/** The `count` months ending with the month of `day`, oldest first. */
export function monthsEnding(day: string, count: number): Period[] {
  let year = Number(day.slice(0, 4));
  let month = Number(day.slice(5, 7));
  const out: Period[] = [];
  for (let i = 0; i < count; i++) {
    out.unshift(monthPeriod(year, month));
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
  }
  return out;
}

/** The UTC instant at which a Vietnamese calendar day ends (the next day's 00:00 in UTC+7). */
export function endOfDayUtc(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00+07:00`) + 86_400_000).toISOString();
}

/** The periods a picker offers: the last twelve months, the last four quarters, this year and last. */
export function periodChoices(today: string): Period[] {
  const months = monthsEnding(today, 12).reverse();
  const year = Number(today.slice(0, 4));
  let quarter = Math.ceil(Number(today.slice(5, 7)) / 3);
  let qYear = year;
  const quarters: Period[] = [];
  for (let i = 0; i < 4; i++) {
    quarters.push(quarterPeriod(qYear, quarter));
    quarter -= 1;
    if (quarter === 0) {
      quarter = 4;
      qYear -= 1;
    }
  }
  return [...months, ...quarters, yearPeriod(year), yearPeriod(year - 1)];
}

/** "2026-11" → "11/2026", "2026-Q4" → "Q4/2026", custom → "01/09/2026 – 20/11/2026". */
export function periodLabel(p: Period): string {
  const d = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
  if (p.kind === "month") return `${p.key.slice(5, 7)}/${p.key.slice(0, 4)}`;
  if (p.kind === "quarter") return `${p.key.slice(5)}/${p.key.slice(0, 4)}`;
  if (p.kind === "year") return p.key;
  return `${d(p.from)} – ${d(p.to)}`;
}

/**
 * Splits [from, to] into the calendar months it covers whole (read from sales_monthly) and the
 * partial months at its ends (read from sales_daily).
 */
export function rangeParts(from: string, to: string): { months: string[]; days: [string, string][] } {
  const months: string[] = [];
  const days: [string, string][] = [];
  let month = from.slice(0, 7);
  while (month <= to.slice(0, 7)) {
    const first = `${month}-01`;
    const last = monthPeriod(Number(month.slice(0, 4)), Number(month.slice(5, 7))).to;
    const start = from > first ? from : first;
    const end = to < last ? to : last;
    if (start === first && end === last) months.push(month);
    else days.push([start, end]);
    const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
    month = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
  }
  return { months, days };
}
