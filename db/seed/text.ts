// Text and time helpers: slugs from Vietnamese names, VietQR-style account names, and the
// dates of the seed, all relative to a fixed anchor day (never the clock).

import { foldVietnamese, slugify } from "../fold";

export { foldVietnamese, slugify };

/** Hands out unique slugs: the second "mat-ong-hoa-ca-phe" becomes "mat-ong-hoa-ca-phe-2". */
export class SlugPool {
  private readonly used = new Map<string, number>();

  take(text: string): string {
    const base = slugify(text) || "item";
    const seen = this.used.get(base);
    if (seen === undefined) {
      this.used.set(base, 1);
      return base;
    }
    let n = seen + 1;
    while (this.used.has(`${base}-${n}`)) n++;
    this.used.set(base, n);
    this.used.set(`${base}-${n}`, 1);
    return `${base}-${n}`;
  }
}

/** Bank account holder names are upper-case ASCII: "HTX NONG NGHIEP TAN THUAN". */
export function accountName(text: string): string {
  return foldVietnamese(text).toUpperCase().replace(/[^A-Z0-9 ]+/g, " ").replace(/\s+/g, " ").trim();
}

// ---------------------------------------------------------------- time

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
/** Asia/Ho_Chi_Minh is UTC+7 all year (no daylight saving). */
export const VN_OFFSET_MS = 7 * HOUR_MS;

const PAD2 = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, "0"));
const PAD3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, "0"));
const dayPrefixes = new Map<number, string>();

/** `new Date(ms).toISOString()`, several times faster: the seed formats millions of instants. */
export function iso(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    dayPrefixes.set(day, prefix);
  }
  let rest = ms - day * DAY_MS;
  const h = Math.floor(rest / HOUR_MS);
  rest -= h * HOUR_MS;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const s = Math.floor(rest / 1000);
  return `${prefix}${PAD2[h]}:${PAD2[m]}:${PAD2[s]}.${PAD3[rest - s * 1000]}Z`;
}

/** The Asia/Ho_Chi_Minh calendar day of an instant, "yyyy-MM-dd". */
export const localDay = (ms: number): string => new Date(ms + VN_OFFSET_MS).toISOString().slice(0, 10);

/** Midnight in Vietnam at the start of a "yyyy-MM-dd" day, as epoch ms. */
export const localMidnight = (day: string): number => Date.parse(`${day}T00:00:00.000Z`) - VN_OFFSET_MS;

/** "yyyy-MM-dd" plus whole days. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** "yyyy-MM-dd" plus whole months; the 31st of a short month becomes its last day. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

export const isDay = (s: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00.000Z`).toISOString().startsWith(s);

/** The seed's "now": 09:00 in Vietnam on the anchor day. Nothing is dated after it. */
export const seedNow = (today: string): number => localMidnight(today) + 9 * HOUR_MS;

/** A Vietnamese mobile number: 0 + a carrier prefix + 8 digits, 10 digits in all. */
const MOBILE_PREFIXES = ["32", "33", "34", "35", "36", "37", "38", "39", "70", "76", "77", "78", "79", "81", "82", "83", "84", "85", "86", "88", "89", "90", "91", "93", "94", "96", "97", "98"];
export function phoneNumber(rng: { pick<T>(a: readonly T[]): T; digits(n: number): string }): string {
  return `0${rng.pick(MOBILE_PREFIXES)}${rng.digits(7)}`;
}
