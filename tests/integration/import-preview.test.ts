// The product sheet's preview says, row by row, what the import will do (create, update, leave
// alone), and the template's sample rows are marked and skipped: the unedited template creates nothing.
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { toCsv } from "~/imports/csv";
import { getImport } from "~/imports/imports.server";
import { db } from "~/db.server";
import { action as previewAction } from "~/routes/seller/kenh-nguoi-ban.nhap-xuat._index";
import { action as importAction } from "~/routes/seller/kenh-nguoi-ban.nhap-xuat.$importId";
import { loader as downloadLoader } from "~/routes/seller/kenh-nguoi-ban.nhap-xuat.tai-ve";
import { certifications, products } from "#db/schema";
import { call, get, makeProducer, makeProduct, post } from "../../scripts/fixtures/workspace";

let a: Awaited<ReturnType<typeof makeProducer>>;
beforeAll(async () => {
  a = await makeProducer("HTX Mẫu Nhập");
});

async function preview(bytes: Buffer, name: string): Promise<number> {
  const form = new FormData();
  form.append("file", new File([new Uint8Array(bytes)], name));
  const r = (await call(previewAction, post("/kenh-nguoi-ban/nhap-xuat", form, { cookie: a.member!.cookie }))) as Response;
  return Number(r.headers.get("Location")!.split("/").pop());
}
const report = (id: number) => getImport({ kind: "products", producerId: a.producerId }, id)!.report;
const runImport = (id: number) => call(importAction, post(`/kenh-nguoi-ban/nhap-xuat/${id}`, { intent: "all" }, { cookie: a.member!.cookie }), { importId: String(id) });
const productCount = () => db().select({ n: sql<number>`count(*)` }).from(products).where(eq(products.producerId, a.producerId)).get()!.n;
const certCount = () =>
  db().select({ n: sql<number>`count(*)` }).from(certifications).innerJoin(products, eq(products.id, certifications.productId)).where(eq(products.producerId, a.producerId)).get()!.n;

async function template(format: "csv" | "xlsx"): Promise<Buffer> {
  const r = (await call(downloadLoader, get(`/kenh-nguoi-ban/nhap-xuat/tai-ve?noi-dung=mau&dinh-dang=${format}`, a.member!.cookie))) as Response;
  return Buffer.from(await r.arrayBuffer());
}

describe("the import preview", () => {
  it("marks the template's sample rows and skips them: the unedited template creates nothing", async () => {
    for (const format of ["csv", "xlsx"] as const) {
      const id = await preview(await template(format), `mau.${format}`);
      expect(report(id)).toMatchObject({ totalRows: 2, badRows: 0, counts: { goodRows: 0, newProducts: 0, sampleRows: 2 } });
      expect(report(id).plan!.map((r) => r.action)).toEqual(["sample", "sample"]);
      await runImport(id);
      expect(productCount()).toBe(0);
      expect(certCount()).toBe(0);
    }
  }, 30_000); // each file is read in a worker thread that loads its parser first

  it("says which rows create, update or leave a product alone", async () => {
    makeProduct(a.producerId, "Mật ong hoa nhãn", { sku: "MO-1", unit: "hũ 500 g", price: 150_000, stock: 10, description: "Nguyên chất." });
    makeProduct(a.producerId, "Mật ong hoa cà phê", { sku: "MO-2", unit: "hũ 500 g", price: 150_000, stock: 10, description: "Nguyên chất." });
    const header = ["Mã sản phẩm", "Tên sản phẩm", "Danh mục", "Đơn vị tính", "Giá bán (đồng)", "Tồn kho", "Trạng thái", "Mô tả"];
    const csv = toCsv([
      header,
      ["MO-1", "Mật ong hoa nhãn", "Mật ong", "hũ 500 g", "150.000", "10", "Đang bán", "Nguyên chất."],
      ["MO-2", "Mật ong hoa cà phê", "Mật ong", "hũ 500 g", "160.000", "10", "Đang bán", "Nguyên chất."],
      ["", "Mật ong rừng tràm", "Mật ong", "chai 500 ml", "200k", "5", "Đang bán", ""],
      ["VÍ-DỤ", "Ví dụ: Mật ong hoa nhãn 500 ml", "Mật ong", "chai 500 ml", "185000", "40", "Đang bán", ""],
    ]);
    const before = productCount();
    const id = await preview(csv, "thu.csv");
    expect(report(id).counts).toMatchObject({ goodRows: 3, newProducts: 1, updatedProducts: 1, unchangedProducts: 1, sampleRows: 1 });
    expect(report(id).plan!.map((r) => [r.line, r.action, r.name])).toEqual([
      [2, "unchanged", "Mật ong hoa nhãn"],
      [3, "update", "Mật ong hoa cà phê"],
      [4, "create", "Mật ong rừng tràm"],
      [5, "sample", "Ví dụ: Mật ong hoa nhãn 500 ml"],
    ]);
    await runImport(id);
    expect(productCount()).toBe(before + 1);
    const mo2 = db().select().from(products).where(and(eq(products.producerId, a.producerId), eq(products.sku, "MO-2"))).get()!;
    expect(mo2.price).toBe(160_000);
  });
});
