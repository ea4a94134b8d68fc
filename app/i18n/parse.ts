// Reading money and dates the way Vietnamese users type them in forms and spreadsheets.
// Shared by the browser and the server; each returns null when the text is not understood,
// and the caller says why next to the field.

const MAX_VND = 1_000_000_000;

/**
 * Đồng as an integer: "150000", "150.000", "150,000", "150.000 ₫", "150.000đ", "150k",
 * "150 nghìn", "1,5tr", "1.5 triệu". Null for anything else, negatives, fractions of a đồng
 * and amounts over one billion.
 */
export function parseVnd(text: string | number | null | undefined): number | null {
  if (typeof text === "number") return Number.isSafeInteger(text) && text >= 0 && text <= MAX_VND ? text : null;
  if (typeof text !== "string") return null;
  const s = text
    .trim()
    .toLowerCase()
    .replace(/\s+/g, "")
    .replace(/(₫|vnđ|vnd|đồng|dong|đ)$/u, "");
  if (s === "") return null;
  let value: number | null = null;
  const scaled = /^(\d+(?:[.,]\d+)?)(k|nghìn|ngàn|ngan|nghin|tr|triệu|trieu)$/u.exec(s);
  if (scaled) {
    const n = Number(scaled[1]!.replace(",", "."));
    const factor = scaled[2]!.startsWith("k") || scaled[2]!.startsWith("ng") ? 1_000 : 1_000_000;
    const v = n * factor;
    value = Number.isInteger(Math.round(v * 1000) / 1000) ? Math.round(v) : null;
  } else if (/^\d{1,3}(\.\d{3})+$/.test(s) || /^\d{1,3}(,\d{3})+$/.test(s)) {
    value = Number(s.replace(/[.,]/g, ""));
  } else if (/^\d+$/.test(s)) {
    value = Number(s);
  }
  return value !== null && Number.isSafeInteger(value) && value <= MAX_VND ? value : null;
}

const DAY_MONTH_YEAR = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar date as "yyyy-MM-dd" from "dd/MM/yyyy" (also d/M/yyyy, dd-MM-yyyy, dd.MM.yyyy)
 * or "yyyy-MM-dd" (what <input type="date"> sends). Null when not a real date.
 */
export function parseDay(text: string | null | undefined): string | null {
  if (typeof text !== "string") return null;
  const s = text.trim();
  let y: number, m: number, d: number;
  const dmy = DAY_MONTH_YEAR.exec(s);
  const iso = ISO_DAY.exec(s);
  if (dmy) [d, m, y] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return null;
  if (y < 1990 || y > 2100) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** "yyyy-MM-dd" plus whole months, then minus one day: the last day of a validity of `months`. */
export function lastDayOfValidity(issuedOn: string, months: number): string {
  const [y, m, d] = issuedOn.split("-").map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y, m - 1 + months, d));
  // 31 January + 1 month overflows into March: clamp to the month's last day.
  if (end.getUTCDate() !== d) end.setUTCDate(0);
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

/** A whole number, with or without thousands separators: "1200", "1.200", "1,200". */
export function parseWholeNumber(text: string): number | null {
  const s = text.trim().replace(/\s+/g, "");
  if (/^\d{1,3}(\.\d{3})+$/.test(s) || /^\d{1,3}(,\d{3})+$/.test(s)) return Number(s.replace(/[.,]/g, ""));
  if (/^\d{1,12}$/.test(s)) return Number(s);
  return null;
}

/** Grams from "800", "800 g", "800 gam", "1.200 g", "1,2 kg", "1.5kg". */
export function parseGrams(text: string): number | null {
  const s = text.trim().toLowerCase().replace(/\s+/g, "");
  const kg = /^(\d+(?:[.,]\d+)?)kg$/.exec(s);
  if (kg) return Math.round(Number(kg[1]!.replace(",", ".")) * 1000);
  return parseWholeNumber(s.replace(/(g|gam|gram)$/, ""));
}
