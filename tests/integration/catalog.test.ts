import { beforeAll, describe, expect, it } from "vitest";
import { parseListFilters } from "~/catalog/list-filters.server";
import { getPublicProduct } from "~/catalog/product-detail.server";
import { listProducts } from "~/catalog/products.server";
import { db } from "~/db.server";
import { seedCatalogFixture, TODAY } from "../../scripts/fixtures/catalog";

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

describe("derived catalogue columns, kept by triggers", () => {
  const raw = () => db().$client;
  const visible = (id: number) =>
    (raw().prepare("SELECT visible, province_id AS provinceId FROM products WHERE id = ?").get(id) as {
      visible: number;
      provinceId: number;
    });

  it("shows a product once its producer is verified, and hides it again when suspended", () => {
    expect(visible(ids.hidden).visible).toBe(0);
    raw().prepare("UPDATE producers SET status = 'verified' WHERE slug = 'ho-kinh-doanh-cho-duyet'").run();
    expect(visible(ids.hidden).visible).toBe(1);
    expect(names("q=cho+duyet")).toEqual(["Nước mắm chờ duyệt"]);
    raw().prepare("UPDATE producers SET status = 'suspended' WHERE slug = 'ho-kinh-doanh-cho-duyet'").run();
    expect(visible(ids.hidden).visible).toBe(0);
    expect(names("q=cho+duyet")).toEqual([]);
  });

  it("follows a producer that moves province", () => {
    const sonLa = raw().prepare("SELECT id FROM provinces WHERE slug = 'son-la'").get() as { id: number };
    raw().prepare("UPDATE producers SET province_id = ? WHERE slug = 'ho-kinh-doanh-cho-duyet'").run(sonLa.id);
    expect(visible(ids.hidden).provinceId).toBe(sonLa.id);
  });

  it("recomputes the star levels when certificates are added, changed or removed", () => {
    expect(names("stars=4")).toEqual(["Nước mắm cá cơm 40 độ đạm"]);
    const { lastInsertRowid } = raw()
      .prepare(
        `INSERT INTO certifications (product_id, kind, stars, number, issuer, issued_on, expires_on)
         VALUES (?, 'ocop', 4, '99/QĐ-UBND', 'UBND tỉnh Vĩnh Long', '2025-02-01', '2028-02-01')`,
      )
      .run(ids.keoDua);
    expect(names("stars=4")).toEqual(["Đặc sản kẹo dừa Bến Tre", "Nước mắm cá cơm 40 độ đạm"]);
    raw().prepare("UPDATE certifications SET expires_on = '2026-01-01' WHERE id = ?").run(lastInsertRowid);
    expect(names("stars=4")).toEqual(["Nước mắm cá cơm 40 độ đạm"]);
    raw().prepare("DELETE FROM certifications WHERE id = ?").run(lastInsertRowid);
    expect(raw().prepare("SELECT ocop4_valid_until AS d FROM products WHERE id = ?").get(ids.keoDua)).toEqual({ d: "2025-01-10" });
  });

  it("re-indexes a producer's products when it is renamed", () => {
    raw().prepare("UPDATE producers SET name = 'HTX Đảo Ngọc' WHERE slug = 'htx-nuoc-mam-phu-quoc'").run();
    expect(names("q=dao+ngoc")).toEqual(["Nước mắm cá cơm 40 độ đạm"]);
  });
});
