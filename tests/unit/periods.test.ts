import { describe, expect, it } from "vitest";
import { asOfDay, endOfDayUtc, monthsEnding, parsePeriod, periodChoices, periodLabel, rangeParts } from "~/indicators/periods";
import { gapPoints, projection, ratio } from "~/indicators/ratios";

describe("reporting periods", () => {
  it("parses months, quarters, years and ranges, and refuses the rest", () => {
    expect(parsePeriod("2026-02")).toEqual({ kind: "month", key: "2026-02", from: "2026-02-01", to: "2026-02-28" });
    expect(parsePeriod("2024-02")!.to).toBe("2024-02-29");
    expect(parsePeriod("2026-Q4")).toEqual({ kind: "quarter", key: "2026-Q4", from: "2026-10-01", to: "2026-12-31" });
    expect(parsePeriod("2026")).toMatchObject({ from: "2026-01-01", to: "2026-12-31" });
    expect(parsePeriod("2026-09-30..2026-10-01")).toMatchObject({ kind: "custom", from: "2026-09-30", to: "2026-10-01" });
    // Years outside the programme (which broke the pages: "?ky=0000" was a 500) and days no calendar has.
    const outOfRange = ["0000", "0013-09", "9999-Q1", "1999", "2026-02-32..2026-03-01", "0000-01-01..2026-01-01", "2026-00-10..2026-01-01"];
    for (const bad of ["2026-13", "2026-Q5", "2026-10-01..2026-09-01", "2026-02-30..2026-03-01", "x".repeat(100), "", null, ...outOfRange]) {
      expect(parsePeriod(bad)).toBeNull();
    }
  });
  it("ends a Vietnamese day at 17:00 UTC", () => {
    expect(endOfDayUtc("2026-09-30")).toBe("2026-09-30T17:00:00.000Z");
  });
  it("takes 'as of' figures on the period's last day, or today while it runs", () => {
    expect(asOfDay(parsePeriod("2026-10")!, "2026-11-20")).toBe("2026-10-31");
    expect(asOfDay(parsePeriod("2026-11")!, "2026-11-20")).toBe("2026-11-20");
  });
  it("lists twelve months across a year end, and the picker's choices", () => {
    expect(monthsEnding("2026-02-10", 3).map((m) => m.key)).toEqual(["2025-12", "2026-01", "2026-02"]);
    const choices = periodChoices("2026-02-10").map((p) => periodLabel(p));
    expect(choices.slice(0, 2)).toEqual(["02/2026", "01/2026"]);
    expect(choices).toContain("Q4/2025");
    expect(choices.slice(-2)).toEqual(["2026", "2025"]);
  });
});

describe("ratios, gaps and projections", () => {
  it("has no share without a denominator", () => {
    expect(ratio(0, 0)).toEqual({ num: 0, den: 0, value: null });
    expect(gapPoints(0.3, 0.8)).toBeCloseTo(-50);
    expect(gapPoints(null, 0.8)).toBeNull();
  });
  it("projects the least-squares line and clamps it to 0..100%", () => {
    expect(projection([0.1, 0.2, 0.3], 2)).toBeCloseTo(0.5);
    expect(projection([0.5, null, 0.5, 0.5], 6)).toBeCloseTo(0.5);
    expect(projection([0.6, 0.8, 1], 12)).toBe(1);
    expect(projection([0.2, 0.3], 3)).toBeNull();
  });
});

describe("splitting a range into whole months and partial ones", () => {
  it("reads whole months from the monthly rollup and the edges from the daily one", () => {
    expect(rangeParts("2026-09-15", "2026-11-20")).toEqual({ months: ["2026-10"], days: [["2026-09-15", "2026-09-30"], ["2026-11-01", "2026-11-20"]] });
    expect(rangeParts("2026-01-01", "2026-03-31")).toEqual({ months: ["2026-01", "2026-02", "2026-03"], days: [] });
    expect(rangeParts("2025-12-31", "2026-01-01")).toEqual({ months: [], days: [["2025-12-31", "2025-12-31"], ["2026-01-01", "2026-01-01"]] });
  });
});
