// Ratios as the dashboards show them: numerator, denominator, and the share (null without a denominator).
export type Ratio = { num: number; den: number; value: number | null };

export const ratio = (num: number, den: number): Ratio => ({ num, den, value: den > 0 ? num / den : null });

/** Percentage points between a value and its target (positive: ahead), both as 0..1. */
export function gapPoints(value: number | null, target: number | null): number | null {
  return value === null || target === null ? null : (value - target) * 100;
}

/**
 * Where a monthly series is heading: the least-squares line through its known points, read at
 * `monthsAhead` months after the last one, clamped to 0..1. Null with fewer than three points.
 */
export function projection(series: (number | null)[], monthsAhead: number): number | null {
  const points = series.flatMap((v, i) => (v === null ? [] : [[i, v] as const]));
  if (points.length < 3) return null;
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  const slope = sxx === 0 ? 0 : points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0) / sxx;
  const at = series.length - 1 + monthsAhead;
  return Math.min(1, Math.max(0, my + slope * (at - mx)));
}
