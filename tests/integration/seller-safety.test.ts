// The seller centre's part of issue 11: a suspended producer reads but changes nothing (with a
// message saying why), the Postmart/Voso upload file downloads (it answered 500 for every
// producer), and every spreadsheet the app writes keeps a product named like a formula as text.
import ExcelJS from "exceljs";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { toCsv as indicatorCsv, toXlsx as indicatorXlsx } from "~/indicators/export.server";
import { productCsv, productXlsx } from "~/imports/export.server";
import { readSpreadsheet } from "~/imports/read-file.server";
import { PRODUCT_COLUMNS } from "~/imports/columns";
import { saveAccount, startConnect } from "~/marketplaces/connect.server";
import { publish } from "~/marketplaces/publish.server";
import { translator } from "~/i18n/messages";
import { action as newProductAction, loader as newProductLoader } from "~/routes/seller/kenh-nguoi-ban.san-pham.moi";
import { action as listAction } from "~/routes/seller/kenh-nguoi-ban.san-pham._index";
import { action as downloadAction } from "~/routes/seller/kenh-nguoi-ban.san-tmdt.xuat.$code.tai-ve";
import { loader as exportPageLoader } from "~/routes/seller/kenh-nguoi-ban.san-tmdt.xuat.$code";
import { loader as connectReturnLoader } from "~/routes/seller/kenh-nguoi-ban.san-tmdt.ket-noi.$code";
import { listings, producers, products } from "#db/schema";
import { seedConnectorProducer } from "../../scripts/fixtures/connector";
import { call, dataOf, get, makeProducer, makeProduct, makeUser, post, statusOf } from "../../scripts/fixtures/workspace";

const FORMULA = '=HYPERLINK("https://evil.example","Bấm vào đây")';

describe("a suspended producer", () => {
  let member: { cookie: string };
  let producerId: number;
  beforeAll(async () => {
    const p = await makeProducer("HTX Bị Tạm Ngừng");
    producerId = p.producerId;
    member = p.member!;
    makeProduct(producerId, "Mật ong đã có");
    db().update(producers).set({ status: "suspended" }).where(eq(producers.id, producerId)).run();
  });

  it("still reads its seller centre", async () => {
    expect(statusOf(await call(newProductLoader, get("/kenh-nguoi-ban/san-pham/moi", member.cookie)))).toBe(200);
  });

  it("cannot create or publish a product: 403 with a message saying why, nothing written", async () => {
    const before = db().select().from(products).where(eq(products.producerId, producerId)).all();
    const fields = { name: "Mật ong mới toanh", category: "mat-ong", unit: "hũ", price: "150000", stock: "5", status: "active", description: "" };
    const created = await call(newProductAction, post("/kenh-nguoi-ban/san-pham/moi", fields, { cookie: member.cookie }));
    expect(statusOf(created)).toBe(403);
    expect(dataOf<{ reason: string }>(created).reason).toBe("suspended");
    const published = await call(listAction, post("/kenh-nguoi-ban/san-pham", { intent: "publish", product: String(before[0]!.id), marketplace: "postmart" }, { cookie: member.cookie }));
    expect(statusOf(published)).toBe(403);
    expect(db().select().from(products).where(eq(products.producerId, producerId)).all()).toEqual(before);
    expect(translator("vi")("seller.suspended")).toContain("Không thể thêm, sửa hay đăng sản phẩm");
  });

  it("cannot finish connecting a marketplace shop: the OAuth return (a GET) is 403 and changes nothing", async () => {
    // Consent asked before the suspension; the marketplace sends the producer back after it.
    const state = new URL(startConnect(producerId, "shopee")).searchParams.get("state")!;
    const states = () => db().$client.prepare(`SELECT * FROM marketplace_connect_states WHERE producer_id = ?`).all(producerId);
    const accounts = () => db().$client.prepare(`SELECT * FROM marketplace_accounts WHERE producer_id = ?`).all(producerId);
    const [statesBefore, accountsBefore] = [states(), accounts()];
    expect(statesBefore).toHaveLength(1);
    const url = `/kenh-nguoi-ban/san-tmdt/ket-noi/shopee?code=ma-uy-quyen&state=${state}&shop_id=123`;
    const back = await call(connectReturnLoader, get(url, member.cookie), { code: "shopee" });
    expect(statusOf(back)).toBe(403);
    expect(dataOf<{ reason: string }>(back).reason).toBe("suspended");
    expect(states()).toEqual(statesBefore); // the state is not even spent
    expect(accounts()).toEqual(accountsBefore);
    // Visiting the page without a marketplace's answer is a read, and goes on to the marketplaces page.
    expect(statusOf(await call(connectReturnLoader, get("/kenh-nguoi-ban/san-tmdt/ket-noi/shopee", member.cookie), { code: "shopee" }))).toBe(302);
  });
});

describe("the Postmart/Voso upload file", () => {
  let cookie: string;
  beforeAll(async () => {
    const { producerId, productIds } = await seedConnectorProducer(3, { slug: "htx-tep-tai-len" });
    cookie = (await makeUser("producer", { producerId })).cookie;
    db().update(products).set({ name: FORMULA }).where(eq(products.id, productIds[0]!)).run();
    for (const code of ["postmart", "voso"] as const) saveAccount(producerId, code, null);
    publish(producerId, productIds, ["postmart", "voso"]);
  });

  it("downloads as XLSX for each file marketplace, marks the listings exported, keeps a formula-like name as text", async () => {
    for (const code of ["postmart", "voso"]) {
      const page = dataOf<{ listings: unknown[] }>(await call(exportPageLoader, get(`/kenh-nguoi-ban/san-tmdt/xuat/${code}`, cookie), { code }));
      expect(page.listings).toHaveLength(3);
      const r = (await call(downloadAction, post(`/kenh-nguoi-ban/san-tmdt/xuat/${code}/tai-ve`, {}, { cookie }), { code })) as Response;
      expect(r.status).toBe(200);
      expect(r.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      expect(r.headers.get("Content-Disposition")).toMatch(new RegExp(`attachment; filename="${code}-san-pham-\\d{4}-\\d{2}-\\d{2}\\.xlsx"`));
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(await r.arrayBuffer());
      const names = book.worksheets[0]!.getColumn(2).values.slice(2);
      expect(names).toContain(`'${FORMULA}`);
    }
    expect(db().select().from(listings).all().filter((l) => l.status === "exported")).toHaveLength(6);
  });

  it("an API marketplace or an unknown code is 404, and a producer with nothing to export goes back to the page", async () => {
    expect(statusOf(await call(downloadAction, post("/kenh-nguoi-ban/san-tmdt/xuat/shopee/tai-ve", {}, { cookie }), { code: "shopee" }))).toBe(404);
    expect(statusOf(await call(downloadAction, post("/kenh-nguoi-ban/san-tmdt/xuat/ebay/tai-ve", {}, { cookie }), { code: "ebay" }))).toBe(404);
    const empty = await makeProducer("HTX Chưa Đăng Sàn");
    const r = (await call(downloadAction, post("/kenh-nguoi-ban/san-tmdt/xuat/postmart/tai-ve", {}, { cookie: empty.member!.cookie }), { code: "postmart" })) as Response;
    expect(r.status).toBe(302);
    expect(r.headers.get("Location")).toBe("/kenh-nguoi-ban/san-tmdt/xuat/postmart?khong-co-gi=1");
  });
});

describe("formula-safe exports", () => {
  const dangerous = [FORMULA, "+84 912 345 678", "-1+1", "@SUM(A1)", "\tcmd", "\rcmd"];

  it("the officials' CSV and XLSX write a producer's formula-like text as text", async () => {
    const table = { sheet: "Sản phẩm", title: "Sản phẩm chưa lên sàn", columns: [{ header: "Tên", kind: "text" as const }, { header: "Số", kind: "int" as const }], rows: dangerous.map((d, i) => [d, -(i + 1)]) };
    const csv = indicatorCsv(table as never);
    for (const d of dangerous) expect(csv).not.toMatch(new RegExp(`(^|,|")${d.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "m"));
    expect(csv).toContain(`"'=HYPERLINK(""https://evil.example"",""Bấm vào đây"")"`);
    expect(csv).toContain(",-3\r\n"); // numbers stay numbers
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await indicatorXlsx([table as never], { scope: "Đồng Tháp", period: "Tháng 10/2026", asOf: "31/10/2026", generated: "03/12/2026" })) as unknown as ArrayBuffer);
    const cells = book.worksheets[0]!.getColumn(1).values.slice(4); // after the title, the heading and the header row
    expect(cells).toEqual(dangerous.map((d) => `'${d}`.replace("\r", "\n"))); // XML reads a CR back as LF
    expect(book.worksheets[0]!.getColumn(2).values.slice(4)).toEqual(dangerous.map((_, i) => -(i + 1)));
  });

  it("the seller's CSV and XLSX too, and re-importing them gives the name back exactly", async () => {
    const { producerId } = await makeProducer("HTX Công Thức");
    makeProduct(producerId, FORMULA, { sku: "-SKU-1" });
    for (const [format, bytes] of [["csv", productCsv(producerId)], ["xlsx", await productXlsx(producerId)]] as const) {
      if (format === "xlsx") {
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(bytes as unknown as ArrayBuffer);
        expect(book.worksheets[0]!.getRow(2).getCell(2).value).toBe(`'${FORMULA}`);
      } else {
        expect(bytes.toString("utf8")).toContain(`"'=HYPERLINK(`);
      }
      const read = await readSpreadsheet(new Uint8Array(bytes), PRODUCT_COLUMNS);
      if (!read.ok) throw new Error(read.problem);
      expect(read.rows[0]!.cells.slice(0, 2), format).toEqual(["-SKU-1", FORMULA]);
    }
  }, 30_000); // each file is read in a worker thread that loads its parser first
});
