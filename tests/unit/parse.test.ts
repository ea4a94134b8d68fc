import { describe, expect, it } from "vitest";
import { lastDayOfValidity, parseDay, parseGrams, parseVnd, parseWholeNumber } from "~/i18n/parse";

describe("reading money, dates and weights as Vietnamese users write them", () => {
  it("reads đồng in the usual spellings", () => {
    for (const [text, value] of [
      ["150000", 150_000],
      ["150.000", 150_000],
      ["150,000", 150_000],
      ["150.000 ₫", 150_000],
      ["150.000đ", 150_000],
      ["150000 VND", 150_000],
      ["150k", 150_000],
      ["150 K", 150_000],
      ["150 nghìn", 150_000],
      ["1,5tr", 1_500_000],
      ["1.2 triệu", 1_200_000],
      ["0", 0],
    ] as const) {
      expect(parseVnd(text), text).toBe(value);
    }
  });
  it("refuses what is not a whole amount of đồng", () => {
    for (const text of ["", "abc", "một trăm nghìn", "-5000", "12.5", "1.2345k", "150.00", "1.000.000.001", "1e6"]) expect(parseVnd(text), text).toBeNull();
  });
  it("reads dd/MM/yyyy (and the ISO date a date picker sends), refusing dates that do not exist", () => {
    expect(parseDay("15/03/2025")).toBe("2025-03-15");
    expect(parseDay("5/3/2025")).toBe("2025-03-05");
    expect(parseDay("15-03-2025")).toBe("2025-03-15");
    expect(parseDay("2025-03-15")).toBe("2025-03-15");
    for (const bad of ["31/02/2025", "15/13/2025", "03/15/25", "2025/03/15", "hôm qua", ""]) expect(parseDay(bad), bad).toBeNull();
  });
  it("ends an OCOP certificate 36 months after its decision, the day before", () => {
    expect(lastDayOfValidity("2025-03-15", 36)).toBe("2028-03-14");
    expect(lastDayOfValidity("2024-01-31", 1)).toBe("2024-02-28");
    expect(lastDayOfValidity("2024-03-01", 36)).toBe("2027-02-28");
  });
  it("reads weights in grams or kilograms and whole numbers with separators", () => {
    expect(parseGrams("800")).toBe(800);
    expect(parseGrams("800 g")).toBe(800);
    expect(parseGrams("1.200 gam")).toBe(1200);
    expect(parseGrams("1,2 kg")).toBe(1200);
    expect(parseGrams("nặng")).toBeNull();
    expect(parseWholeNumber("1.000")).toBe(1000);
    expect(parseWholeNumber("-1")).toBeNull();
  });
});
