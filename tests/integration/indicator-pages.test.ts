// The indicator pages as an official gets them, through their loaders: the printed report holds the
// page's figures, and the XLSX download names the province, writes dd/MM/yyyy and fills "còn thiếu".
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { createSession } from "~/auth/session.server";
import { db } from "~/db.server";
import { formatNumber } from "~/i18n/format";
import { vi } from "~/i18n/messages";
import { loader as overviewLoader } from "~/routes/indicators/chi-so.$province._index";
import { action as reportAction, loader as reportLoader } from "~/routes/indicators/chi-so.$province.bao-cao";
import { call, CSRF, dataOf, makeUser, post, statusOf } from "../../scripts/fixtures/workspace";
import { loader as unlistedLoader } from "~/routes/indicators/chi-so.$province.chua-len-san";
import { loader as exportLoader } from "~/routes/indicators/chi-so.$province.xuat";
import { INDICATOR_UNITS, lacksLines } from "~/indicators/tables";
import { translator } from "~/i18n/messages";

const ORIGIN = "http://127.0.0.1:3000";
const raw = () => db().$client;
const id = (sql: string, ...args: unknown[]) => Number(raw().prepare(sql).run(...args).lastInsertRowid);
let cookie = "";

const args = (path: string) => ({
  request: new Request(`${ORIGIN}${path}`, { headers: { Cookie: cookie } }),
  params: { province: "dong-thap" },
  context: {},
});

beforeAll(async () => {
  const dt = (raw().prepare("SELECT id FROM provinces WHERE slug = 'dong-thap'").get() as { id: number }).id;
  const official = id(`INSERT INTO users (email, password_hash, name, role, province_id) VALUES ('canbo@test.vn', 'x', 'Cán bộ', 'official', ?)`, dt);
  cookie = (await createSession(official, "vitest")).split(";")[0]!;
  const producer = (slug: string, status: string) =>
    id(`INSERT INTO producers (slug, kind, name, province_id, status, verified_at, phone) VALUES (?, 'cooperative', ?, ?, ?, '2025-06-01T00:00:00.000Z', '0912345678')`, slug, `HTX ${slug}`, dt, status);
  const a = producer("a", "verified");
  const b = producer("b", "unclaimed");
  const category = (raw().prepare("SELECT id FROM categories LIMIT 1").get() as { id: number }).id;
  const product = (slug: string, producerId: number, ready: boolean) => {
    const p = id(
      `INSERT INTO products (producer_id, slug, name, description, ocop_group, category_id, unit, weight_grams, price, stock, status, created_at)
       VALUES (?, ?, ?, ?, 'food', ?, 'hộp', ?, 100000, 5, 'active', '2025-01-01T00:00:00.000Z')`,
      producerId, slug, `Sản phẩm đặc sản ${slug} Đồng Tháp`, ready ? "Mô tả đầy đủ. ".repeat(40) : "", ready ? category : null, ready ? 500 : null,
    );
    if (ready) raw().prepare(`INSERT INTO product_images (product_id, storage_key, width, height, widths) VALUES (?, ?, 1200, 1200, '320,640,1280')`).run(p, `k-${slug}`);
    raw().prepare(`INSERT INTO certifications (product_id, kind, stars, number, issuer, issued_on, expires_on) VALUES (?, 'ocop', 4, ?, 'UBND tỉnh Đồng Tháp', '2025-01-01', '2028-01-01')`).run(p, `${p}/QĐ-UBND`);
    // The council's registry is the denominator: each product is in it, effective from its decision.
    raw()
      .prepare(
        `INSERT INTO ocop_registry_entries (province_id, tax_code, producer_name, product_name, product_key, stars, decision_number, issued_on, expires_on, effective_from, producer_id, product_id)
         VALUES (?, ?, ?, ?, ?, 4, ?, '2025-01-01', '2028-01-01', '2025-01-01', ?, ?)`,
      )
      .run(dt, `TAX-${producerId}`, `HTX ${producerId}`, `Sản phẩm đặc sản ${slug} Đồng Tháp`, slug, `${p}/QĐ-UBND`, producerId, p);
    return p;
  };
  const online = product("online", a, true);
  product("ready-offline", a, true); // verified, lacks nothing, not listed: "Đủ điều kiện, chưa đăng"
  product("not-ready", a, false);
  product("never-joined", b, false);
  const l = id(`INSERT INTO listings (product_id, marketplace_id, status) VALUES (?, (SELECT id FROM marketplaces WHERE code = 'shopee'), 'live')`, online);
  raw().prepare(`INSERT INTO listing_events (listing_id, status, at) VALUES (?, 'live', '2026-09-10T02:00:00.000Z')`).run(l);
});

describe("the printed monthly report", () => {
  it("holds the overview page's figures for the same month, with units, the province and the office", async () => {
    const page = await overviewLoader(args("/chi-so/dong-thap?ky=2026-10"));
    const report = await reportLoader(args("/chi-so/dong-thap/bao-cao?ky=2026-10"));
    expect(report).toMatchObject({ month: "10/2026", from: "2026-10-01", to: "2026-10-31", asOf: "2026-10-31", authority: "tỉnh Đồng Tháp", office: "Sở Công Thương" });
    const rows = report.tables.figures.rows;
    expect(rows).toHaveLength(page.overview.cards.length);
    for (const card of page.overview.cards) {
      const row = rows.find((r) => r[0] === vi[`ind.${card.id}`])!;
      expect(row, card.id).toBeDefined();
      expect(row[1], card.id).toBe(card.value.value);
      expect(row[2], card.id).toBe(`${formatNumber(card.value.num)} / ${formatNumber(card.value.den)} ${INDICATOR_UNITS[card.id]}`);
      expect(row[4], card.id).toBe(card.gap === null ? null : Math.round(card.gap * 10) / 10);
    }
    const listing = page.overview.cards.find((c) => c.id === "ocop_listing_share")!;
    expect(listing.value).toMatchObject({ num: 1, den: 4 });
    expect(report.tables.figures.columns.map((c) => c.header)).toEqual([
      "Chỉ số",
      "Kết quả (%)",
      "Tử số / mẫu số",
      "Mục tiêu năm 2026 (%)",
      "Chênh lệch với mục tiêu (điểm %)",
      "Dự báo đến 31/12/2026 (%)",
    ]);
    expect(report.tables.byMethod.columns.at(-1)!.header).toBe("Giá trị (₫)");
  });

  it("prints the office the province's official saved, and refuses a bad name or another role", async () => {
    expect((await reportLoader(args("/chi-so/dong-thap/bao-cao?ky=2026-10"))).office).toBe("Sở Công Thương");
    const save = (office: string, who = cookie, csrf: string | null = CSRF) =>
      call(reportAction as never, post("/chi-so/dong-thap/bao-cao?ky=2026-10", { office }, { cookie: who, csrf }), { province: "dong-thap" });
    const long = await save("x".repeat(200));
    expect([statusOf(long), dataOf<{ errors: object }>(long).errors]).toEqual([400, { office: "ind.report.officeError" }]);
    expect(statusOf(await save("Sở Nông nghiệp và Môi trường", cookie, null))).toBe(403);
    const national = await makeUser("national_official");
    expect(statusOf(await save("Bộ Nông nghiệp", national.cookie))).toBe(403);
    const done = (await save("  Sở Nông nghiệp và Môi trường  ")) as Response;
    expect([done.status, done.headers.get("Location")]).toEqual([302, "/chi-so/dong-thap/bao-cao?ky=2026-10&da-luu=1"]);
    const report = await reportLoader(args("/chi-so/dong-thap/bao-cao?ky=2026-10"));
    expect([report.office, report.officeSaved, report.mayNameOffice]).toEqual(["Sở Nông nghiệp và Môi trường", true, true]);
  });
});

describe("the XLSX download", () => {
  async function book(path: string) {
    const res = (await exportLoader(args(path))) as Response;
    expect(res.status).toBe(200);
    const b = new ExcelJS.Workbook();
    await b.xlsx.load(await res.arrayBuffer());
    return b;
  }
  const allText = (b: ExcelJS.Workbook) =>
    b.worksheets.flatMap((s) => s.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.filter((v) => typeof v === "string") : [])) as string[]);

  it("names the province and writes every date dd/MM/yyyy", async () => {
    const b = await book("/chi-so/dong-thap/xuat?ky=2026-10&bang=tong-quan&dinh-dang=xlsx");
    for (const sheet of b.worksheets) {
      expect(String(sheet.getCell("A2").value), sheet.name).toMatch(
        /^Tỉnh, thành phố: Đồng Tháp · Kỳ báo cáo: 10\/2026 · Số liệu tính đến hết ngày 31\/10\/2026 · Lập ngày \d{2}\/\d{2}\/\d{4}$/,
      );
    }
    const text = allText(b);
    expect(text.filter((v) => /\d{4}-\d{2}(-\d{2})?/.test(v))).toEqual([]);
    expect(b.getWorksheet("Diễn biến")!.getCell("A4").value).toMatch(/^\d{2}\/\d{4}$/);
    expect(b.getWorksheet("Chỉ số")!.getCell("A1").value).toBe("Chỉ số kỳ 10/2026, số liệu tính đến hết ngày 31/10/2026");
  });

  it("fills 'còn thiếu' for every offline product, as the page lists it", async () => {
    const page = await unlistedLoader(args("/chi-so/dong-thap/chua-len-san?ky=2026-10"));
    const b = await book("/chi-so/dong-thap/xuat?ky=2026-10&bang=chua-len-san&dinh-dang=xlsx");
    const sheet = b.getWorksheet("Chưa lên sàn")!;
    expect(sheet.getCell("A3").value).toBe("Sản phẩm");
    expect(sheet.getCell("F3").value).toBe("Còn thiếu để lên sàn");
    const rows = sheet.getRows(4, sheet.rowCount - 3)!.map((r) => ({ name: r.getCell(1).value as string, lacks: r.getCell(6).value as string }));
    expect(rows).toHaveLength(3);
    for (const p of page.products!) {
      const row = rows.find((r) => r.name === p.name)!;
      const lines = lacksLines(p, translator("vi"), page.marketplaces);
      expect(row.lacks).toBe(lines.map((l) => (l.where ? `${l.text} (${l.where})` : l.text)).join("; "));
      expect(row.lacks).not.toBe("");
    }
    expect(rows.find((r) => r.name.includes("ready-offline"))!.lacks).toBe(vi["ind.unlisted.readyButNotListed"]);
    expect(rows.find((r) => r.name.includes("never-joined"))!.lacks.startsWith(vi["ind.unlisted.notJoined"])).toBe(true);
  });
});
