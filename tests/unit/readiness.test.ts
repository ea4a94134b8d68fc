import { describe, expect, it } from "vitest";
import { isReady, readiness, type ReadinessInput } from "~/catalog/readiness";

const complete: ReadinessInput = {
  name: "Nước mắm cá cơm Phú Quốc 40 độ đạm",
  description: "Nước mắm truyền thống ủ chượp 12 tháng trong thùng gỗ bời lời, không chất bảo quản, đóng chai thủy tinh 500 ml. Dùng chấm hoặc nêm.",
  weightGrams: 800,
  price: 150_000,
  stock: 20,
  categoryId: 1,
  images: [{ width: 1280, height: 960 }],
  validOcopStars: 4,
  hasOcopCertificate: true,
};

const codes = (p: ReadinessInput, m: Parameters<typeof readiness>[1]) => readiness(p, m).map((x) => x.code);

describe("marketplace readiness", () => {
  it("passes a complete product everywhere", () => {
    for (const m of ["shopee", "lazada", "tiktok", "tiki", "postmart", "voso"] as const) expect(codes(complete, m), m).toEqual([]);
  });
  it("names what is missing, per marketplace", () => {
    const bare = { ...complete, weightGrams: null, images: [{ width: 400, height: 300 }], description: "Ngon." };
    expect(codes(bare, "shopee")).toEqual(["photo_too_small", "weight_missing", "description_short"]);
    expect(codes(bare, "postmart")).toEqual(["description_short"]);
    expect(readiness(bare, "shopee")[2]).toEqual({ code: "description_short", severity: "blocker", params: { min: 100 } });
    expect(isReady(bare, "shopee")).toBe(false);
  });
  it("treats an expired OCOP certificate as none: a blocker where OCOP is required", () => {
    const expired = { ...complete, validOcopStars: null };
    expect(readiness(expired, "shopee")).toEqual([{ code: "certificate_expired", severity: "warning" }]);
    expect(readiness(expired, "voso")).toEqual([{ code: "certificate_expired", severity: "blocker" }]);
    expect(readiness({ ...expired, hasOcopCertificate: false }, "postmart")).toEqual([{ code: "certificate_missing", severity: "blocker" }]);
  });
  it("warns about stock without blocking", () => {
    expect(isReady({ ...complete, stock: 0 }, "lazada")).toBe(true);
    expect(codes({ ...complete, stock: 0 }, "lazada")).toEqual(["out_of_stock"]);
  });
});
