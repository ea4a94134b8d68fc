import { describe, expect, it } from "vitest";
import { periodFromUrl } from "~/indicators/period-param.server";
import { isComplete, lastCompleteMonth, periodChoices } from "~/indicators/periods";

const at = (query: string, today: string) => periodFromUrl(new URL(`http://x/chi-so/dong-thap${query}`), today);

describe("the period an indicator page opens on", () => {
  it("is the last complete month, across a year end", () => {
    expect(at("", "2026-12-03")).toEqual({ period: expect.objectContaining({ key: "2026-11" }), invalid: false, problem: null });
    expect(at("", "2027-01-01").period.key).toBe("2026-12");
    expect(lastCompleteMonth("2026-03-31").key).toBe("2026-02");
  });

  it("is the current month only when chosen, and then it is not complete", () => {
    const { period } = at("?ky=2026-12", "2026-12-03");
    expect(period.key).toBe("2026-12");
    expect(isComplete(period, "2026-12-03")).toBe(false);
    expect(isComplete(at("", "2026-12-03").period, "2026-12-03")).toBe(true);
    // The picker still offers it, first.
    expect(periodChoices("2026-12-03")[0]!.key).toBe("2026-12");
  });

  it("explains a range that ends before it starts, and keeps both dates to correct", () => {
    expect(at("?tu=2026-11-20&den=2026-09-01", "2026-12-03")).toEqual({
      period: expect.objectContaining({ key: "2026-11" }),
      invalid: true,
      problem: { kind: "inverted", from: "2026-11-20", to: "2026-09-01" },
    });
    expect(at("?tu=2026-09-01&den=2026-11-20", "2026-12-03").period).toMatchObject({ kind: "custom", from: "2026-09-01", to: "2026-11-20" });
  });

  it("tells a future period from a malformed one", () => {
    expect(at("?ky=2027-03", "2026-12-03").problem).toEqual({ kind: "future" });
    expect(at("?ky=2026-13", "2026-12-03").problem).toEqual({ kind: "invalid" });
    expect(at("?tu=2026-02-30&den=2026-03-01", "2026-12-03").problem).toEqual({ kind: "invalid" });
  });
});
