import { and, eq, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { toCsv } from "~/imports/csv";
import { getImport } from "~/imports/imports.server";
import { db } from "~/db.server";
import { action as previewAction } from "~/routes/seller/kenh-nguoi-ban.nhap-xuat._index";
import { action as importAction, loader as importLoader } from "~/routes/seller/kenh-nguoi-ban.nhap-xuat.$importId";
import { loader as downloadLoader } from "~/routes/seller/kenh-nguoi-ban.nhap-xuat.tai-ve";
import { certifications, productHistory, products } from "#db/schema";
import { call, get, makeProducer, post, statusOf } from "../../scripts/fixtures/workspace";

const HEADER = ["Mã sản phẩm", "Tên sản phẩm", "Danh mục", "Đơn vị tính", "Khối lượng (g)", "Giá bán (đồng)", "Tồn kho", "Trạng thái", "Mô tả", "Loại chứng nhận", "Hạng sao OCOP", "Số quyết định / chứng nhận", "Cơ quan cấp", "Ngày cấp", "Ngày hết hạn", "Tỉnh cấp"];
const col = (name: string) => HEADER.indexOf(name);

/** 5,000 rows; 37 of them broken in one cell each, in eight different ways. */
function bigSheet() {
  const prices = ["150000", "150.000", "150k", "1,2tr", "95.500 ₫"];
  const rows: string[][] = [];
  for (let i = 1; i <= 5000; i++) {
    rows.push([`T-${String(i).padStart(4, "0")}`, `Mật ong thử số ${i}`, "Mật ong", "hũ 500 g", "650", prices[i % prices.length]!, String(i % 90), "Đang bán", "Mật ong hoa nhãn nguyên chất.", "OCOP", "4", `${1000 + i}/QĐ-UBND`, "UBND tỉnh Đồng Tháp", "15/03/2025", "", i % 3 === 0 ? "Tiền Giang" : "Đồng Tháp"]);
  }
  const breaks: [column: string, value: string, count: number][] = [
    ["Tên sản phẩm", "", 5],
    ["Giá bán (đồng)", "một trăm nghìn", 5],
    ["Hạng sao OCOP", "6", 5],
    ["Ngày cấp", "31/02/2025", 5],
    ["Tỉnh cấp", "Hà Tây", 5],
    ["Danh mục", "Đồ điện tử", 4],
    ["Trạng thái", "Bán chạy", 4],
    ["Khối lượng (g)", "nặng", 4],
  ];
  const expected: string[] = [];
  let at = 7;
  for (const [column, value, count] of breaks) {
    for (let k = 0; k < count; k++) {
      rows[at]![col(column)] = value;
      expected.push(`${at + 2}|${column}`); // +1 for the header, +1 for 1-based rows
      at += 131;
    }
  }
  return { rows, expected };
}

let a: Awaited<ReturnType<typeof makeProducer>>;
let b: Awaited<ReturnType<typeof makeProducer>>;
beforeAll(async () => {
  a = await makeProducer("HTX Mật ong Đồng Tháp");
  b = await makeProducer("HTX Bên Kia");
});

const uploadForm = (bytes: Buffer, name: string) => {
  const form = new FormData();
  form.append("file", new File([new Uint8Array(bytes)], name));
  return form;
};

async function preview(bytes: Buffer, name: string, cookie = a.member!.cookie): Promise<number> {
  const r = await call(previewAction, post("/kenh-nguoi-ban/nhap-xuat", uploadForm(bytes, name), { cookie }));
  expect(r).toBeInstanceOf(Response);
  const location = (r as Response).headers.get("Location")!;
  expect(location).toMatch(/^\/kenh-nguoi-ban\/nhap-xuat\/\d+$/);
  return Number(location.split("/").pop());
}

const runImport = (id: number, intent: "valid_only" | "all", cookie = a.member!.cookie) =>
  call(importAction, post(`/kenh-nguoi-ban/nhap-xuat/${id}`, { intent }, { cookie }), { importId: String(id) });

const countOf = (table: typeof products | typeof certifications, producerId: number) =>
  table === products
    ? db().select({ n: sql<number>`count(*)` }).from(products).where(eq(products.producerId, producerId)).get()!.n
    : db()
        .select({ n: sql<number>`count(*)` })
        .from(certifications)
        .innerJoin(products, eq(products.id, certifications.productId))
        .where(eq(products.producerId, producerId))
        .get()!.n;

async function download(format: "csv" | "xlsx", cookie = a.member!.cookie): Promise<Buffer> {
  const r = (await call(downloadLoader, get(`/kenh-nguoi-ban/nhap-xuat/tai-ve?noi-dung=san-pham&dinh-dang=${format}`, cookie))) as Response;
  expect(r.status).toBe(200);
  return Buffer.from(await r.arrayBuffer());
}

describe("bulk import of 5,000 rows", { timeout: 120_000 }, () => {
  let importId: number;

  it("names every one of the 37 bad rows, by row and column, in the preview", async () => {
    const { rows, expected } = bigSheet();
    importId = await preview(toCsv([HEADER, ...rows]), "san-pham.csv");
    const record = getImport({ kind: "products", producerId: a.producerId }, importId)!;
    expect(record.report.totalRows).toBe(5000);
    expect(record.report.badRows).toBe(37);
    expect(record.report.errors.map((e) => `${e.line}|${e.column}`).sort()).toEqual(expected.sort());
    // Each one says why, with the value as typed.
    const price = record.report.errors.find((e) => e.column === "Giá bán (đồng)")!;
    expect(price.message).toBe("import.row.price");
    expect(price.params).toEqual({ value: "một trăm nghìn" });
    expect(record.report.counts).toMatchObject({ goodRows: 4963, newProducts: 4963, updatedProducts: 0 });
    // Nothing written yet; and another producer's member cannot open it.
    expect(countOf(products, a.producerId)).toBe(0);
    expect(statusOf(await call(importLoader, get(`/kenh-nguoi-ban/nhap-xuat/${importId}`, b.member!.cookie), { importId: String(importId) }))).toBe(404);
    expect(statusOf(await runImport(importId, "valid_only", b.member!.cookie))).toBe(404);
    expect(countOf(products, b.producerId)).toBe(0);
  });

  it("imports nothing when every row or nothing was chosen", async () => {
    const r = await runImport(importId, "all");
    expect(statusOf(r)).toBe(409);
    expect(countOf(products, a.producerId)).toBe(0);
    expect(countOf(certifications, a.producerId)).toBe(0);
  });

  it("imports exactly the good rows when chosen, in one go", async () => {
    const r = await runImport(importId, "valid_only");
    expect(statusOf(r)).toBe(302);
    expect(countOf(products, a.producerId)).toBe(4963);
    expect(countOf(certifications, a.producerId)).toBe(4963);
    const p = (sku: string) => db().select().from(products).where(and(eq(products.producerId, a.producerId), eq(products.sku, sku))).get();
    // Asked for "Đang bán", but an imported product has no photo yet: a draft until it has one.
    expect(p("T-0004")).toMatchObject({ price: 95_500, stock: 4, weightGrams: 650, unit: "hũ 500 g", status: "draft" }); // "95.500 ₫"
    expect(p("T-0005")!.price).toBe(150_000); // "150000"
    expect(p("T-0001")!.price).toBe(150_000); // "150.000"
    expect(p("T-0002")!.price).toBe(150_000); // "150k"
    expect(p("T-0003")!.price).toBe(1_200_000); // "1,2tr"
    expect(p("T-0008")).toBeUndefined(); // line 9: the first broken row
    // A second import of the same file is refused: it is done.
    expect(statusOf(await runImport(importId, "valid_only"))).toBe(409);
  });

  it("round-trips: export, import the export, export again gives the same bytes and changes nothing", async () => {
    const csv = await download("csv");
    const historyBefore = db().select({ n: sql<number>`count(*)` }).from(productHistory).get()!.n;
    const again = await preview(csv, "xuat.csv");
    expect(getImport({ kind: "products", producerId: a.producerId }, again)!.report).toMatchObject({ badRows: 0, counts: { newProducts: 0, updatedProducts: 0, unchangedProducts: 4963 } });
    expect(statusOf(await runImport(again, "all"))).toBe(302);
    expect(getImport({ kind: "products", producerId: a.producerId }, again)!.report.result).toEqual({
      importedRows: 4963,
      createdProducts: 0,
      updatedProducts: 0,
      certificates: 0,
    });
    expect((await download("csv")).equals(csv)).toBe(true);
    expect(db().select({ n: sql<number>`count(*)` }).from(productHistory).get()!.n).toBe(historyBefore);

    // The same through Excel: the workbook holds the same data, and importing it changes nothing.
    const xlsx = await download("xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.rowCount).toBe(4964);
    const viaExcel = await preview(xlsx, "xuat.xlsx");
    expect(statusOf(await runImport(viaExcel, "all"))).toBe(302);
    expect((await download("csv")).equals(csv)).toBe(true);
  });
});
