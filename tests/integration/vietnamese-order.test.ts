// Lists shown to people are in Vietnamese alphabetical order, not code-point order.
import { describe, expect, it } from "vitest";
import { compareVietnamese, sortVietnamese } from "~/i18n/collate";
import { currentProvinces } from "~/places/provinces.server";
import { certificateProvinces } from "~/seller/certificates.server";

describe("Vietnamese order", () => {
  it("puts Hà Nội before Huế and every Đ… right after D…", () => {
    expect(["Huế", "Zeta", "Đồng Tháp", "Hà Nội", "Dak", "Cần Thơ", "Cà Mau"].sort(compareVietnamese)).toEqual([
      "Cà Mau",
      "Cần Thơ",
      "Dak",
      "Đồng Tháp",
      "Hà Nội",
      "Huế",
      "Zeta",
    ]);
    expect(sortVietnamese([{ n: "Ê" }, { n: "E" }], (x) => x.n).map((x) => x.n)).toEqual(["E", "Ê"]);
  });

  it("sorts the province pickers that way", () => {
    const names = currentProvinces().map((p) => p.name);
    expect(names.indexOf("Hà Nội")).toBeLessThan(names.indexOf("Huế"));
    expect(names.indexOf("Đồng Tháp")).toBeLessThan(names.indexOf("Gia Lai"));
    expect(names).toEqual([...names].sort(compareVietnamese));
    const forCertificates = certificateProvinces();
    expect(forCertificates.slice(0, 34).every((p) => p.current)).toBe(true);
    const current = forCertificates.filter((p) => p.current).map((p) => p.name);
    expect(current).toEqual(names);
  });
});
