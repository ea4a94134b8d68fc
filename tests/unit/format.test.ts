import { describe, expect, it } from "vitest";
import { formatDay, formatInstant, formatVnd, vietnamToday } from "~/i18n/format";

describe("formatting for Vietnamese readers", () => {
  it("prints đồng with dots and the ₫ sign", () => {
    expect(formatVnd(150000).replace(/\s/g, " ")).toBe("150.000 ₫");
    expect(formatVnd(1200000).replace(/\s/g, " ")).toBe("1.200.000 ₫");
  });
  it("prints instants as dd/MM/yyyy in Asia/Ho_Chi_Minh", () => {
    // 17:30 UTC on 31 January is already 1 February in Vietnam.
    expect(formatInstant("2026-01-31T17:30:00.000Z")).toBe("01/02/2026");
    expect(formatInstant("2026-01-31T16:59:59.000Z")).toBe("31/01/2026");
  });
  it("prints calendar dates without shifting them", () => {
    expect(formatDay("2026-11-22")).toBe("22/11/2026");
  });
  it("knows today's date in Vietnam", () => {
    expect(vietnamToday(new Date("2026-11-21T18:00:00.000Z"))).toBe("2026-11-22");
  });
});
