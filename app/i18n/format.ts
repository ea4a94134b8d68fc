// Numbers, money and dates as Vietnamese readers expect them, whatever the interface language:
// "150.000 ₫", "22/11/2026" in Asia/Ho_Chi_Minh.
export const TIME_ZONE = "Asia/Ho_Chi_Minh";

const vnd = new Intl.NumberFormat("vi-VN", { style: "currency", currency: "VND" });
const number = new Intl.NumberFormat("vi-VN");
const dateFmt = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});

/** 150000 → "150.000 ₫" (with the narrow no-break space Intl puts before the sign). */
export function formatVnd(amount: number): string {
  return vnd.format(amount);
}

export function formatNumber(n: number): string {
  return number.format(n);
}

/** An instant (UTC ISO string or Date) as dd/MM/yyyy in Vietnam. */
export function formatInstant(instant: string | Date): string {
  return dateFmt.format(typeof instant === "string" ? new Date(instant) : instant);
}

/** A calendar date "yyyy-MM-dd" as dd/MM/yyyy (no time zone shift: it is already a local date). */
export function formatDay(day: string): string {
  const [y, m, d] = day.split("-");
  return `${d}/${m}/${y}`;
}

/** Today's calendar date in Vietnam, "yyyy-MM-dd". */
export function vietnamToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

const timeFmt = new Intl.DateTimeFormat("en-GB", { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** An instant as "dd/MM/yyyy HH:mm" in Vietnam. */
export function formatDateTime(instant: string | Date): string {
  const d = typeof instant === "string" ? new Date(instant) : instant;
  return `${dateFmt.format(d)} ${timeFmt.format(d)}`;
}
