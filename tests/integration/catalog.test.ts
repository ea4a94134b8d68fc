import { beforeAll, describe, expect, it } from "vitest";
import { parseListFilters } from "~/catalog/list-filters.server";
import { getPublicProduct } from "~/catalog/product-detail.server";
import { listProducts } from "~/catalog/products.server";
import { db } from "~/db.server";
import { seedCatalogFixture, TODAY } from "../fixtures/catalog";

let ids: ReturnType<typeof seedCatalogFixture>;
beforeAll(() => {
  ids = seedCatalogFixture();
});

const names = (qs: string, provinceId: number | null = null) =>
  listProducts(parseListFilters(new URLSearchParams(qs)).filters, provinceId, TODAY).items.map((p) => p.name);

describe("public catalogue", () => {
  it("shows only active products of verified producers, newest first", () => {
    expect(names("")).toEqual(["Trà dừa sấy", "Đặc sản kẹo dừa Bến Tre", "Nước mắm cá cơm 40 độ đạm"]);
  });

  it("finds Vietnamese words typed without diacritics, đ included", () => {
    expect(names("q=nuoc+mam")).toEqual(["Nước mắm cá cơm 40 độ đạm"]);
    expect(names("q=dac+san")).toEqual(["Đặc sản kẹo dừa Bến Tre"]);
    expect(names("q=DAM")).toEqual(["Nước mắm cá cơm 40 độ đạm"]);
    expect(names("q=nuoc+ma")).toEqual(["Nước mắm cá cơm 40 độ đạm"]);
    expect(names("q=ben+tre")).toEqual(expect.arrayContaining(["Đặc sản kẹo dừa Bến Tre", "Trà dừa sấy"]));
  });

  it("searches through the index, not a scan", () => {
    const plan = db()
      .$client.prepare("EXPLAIN QUERY PLAN SELECT rowid FROM products_fts WHERE products_fts MATCH ?")
      .all('"nuoc"') as { detail: string }[];
    expect(plan.map((p) => p.detail).join(" ")).toMatch(/VIRTUAL TABLE INDEX/);
  });

  it("keeps the index in step with renames", () => {
    db().$client.prepare("UPDATE products SET name = 'Mắm tôm chua Huế' WHERE id = ?").run(ids.tra);
    expect(names("q=mam+tom")).toEqual(["Mắm tôm chua Huế"]);
    expect(names("q=tra+dua")).toEqual([]);
    db().$client.prepare("UPDATE products SET name = 'Trà dừa sấy' WHERE id = ?").run(ids.tra);
  });

  it("filters by valid OCOP stars: an expired certificate does not count", () => {
    expect(names("stars=4")).toEqual(["Nước mắm cá cơm 40 độ đạm"]);
    expect(names("stars=3")).toEqual(["Trà dừa sấy", "Nước mắm cá cơm 40 độ đạm"]);
  });

  it("filters by group, certification, price and province", () => {
    expect(names("group=beverage")).toEqual(["Trà dừa sấy"]);
    expect(names("cert=vietgap")).toEqual(["Trà dừa sấy"]);
    expect(names("min=50000&max=100000")).toEqual(["Trà dừa sấy"]);
    const vinhLong = db().$client.prepare("SELECT id FROM provinces WHERE slug = 'vinh-long'").get() as { id: number };
    expect(names("", vinhLong.id)).toEqual(["Trà dừa sấy", "Đặc sản kẹo dừa Bến Tre"]);
  });

  it("sorts by price", () => {
    expect(names("sort=price_asc")).toEqual(["Đặc sản kẹo dừa Bến Tre", "Trà dừa sấy", "Nước mắm cá cơm 40 độ đạm"]);
  });

  it("clamps a page past the end to the last page", () => {
    const page = listProducts({ page: 99 }, null, TODAY);
    expect(page).toMatchObject({ page: 1, pages: 1, total: 3 });
  });

  it("gives the product page its certificates with validity, and hides what is not public", () => {
    const keo = getPublicProduct("dac-san-keo-dua-ben-tre", TODAY)!;
    expect(keo.stars).toBeNull();
    expect(keo.certificates).toMatchObject([{ kind: "ocop", stars: 4, valid: false }]);
    expect(getPublicProduct("nuoc-mam-ca-com-40-do-dam", TODAY)).toMatchObject({ stars: 5, province: { slug: "an-giang" } });
    expect(getPublicProduct("nuoc-mam-nhap", TODAY)).toBeNull();
    expect(getPublicProduct("nuoc-mam-cho-duyet", TODAY)).toBeNull();
  });
});
