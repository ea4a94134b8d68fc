import { describe, expect, it } from "vitest";
import { toFtsQuery } from "~/catalog/search-query";
import { foldVietnamese, slugify } from "#db/fold";

describe("foldVietnamese", () => {
  it("drops tone and vowel marks and folds đ, which NFD leaves alone", () => {
    expect(foldVietnamese("Nước mắm Đặc sản ĐỒNG THÁP")).toBe("nuoc mam dac san dong thap");
  });
  it("slugifies", () => {
    expect(slugify("  Hộ kinh doanh Bánh pía Tư Mai (Sóc Trăng) ")).toBe("ho-kinh-doanh-banh-pia-tu-mai-soc-trang");
  });
});

describe("toFtsQuery", () => {
  it("quotes every term and makes the last a prefix", () => {
    expect(toFtsQuery("Nước mắm")).toBe('"nuoc" "mam"*');
  });
  it("neutralises FTS5 syntax typed by the user", () => {
    expect(toFtsQuery('mật ong" OR name:* NEAR(')).toBe('"mat" "ong" "or" "name" "near"*');
  });
  it("returns null when nothing searchable is left", () => {
    expect(toFtsQuery(" *** ---")).toBeNull();
  });
  it("bounds a huge query", () => {
    const q = toFtsQuery("a".repeat(10_000) + " " + "b ".repeat(5000));
    expect(q!.split(" ")).toHaveLength(8);
    expect(q!.length).toBeLessThan(400);
  });
});
