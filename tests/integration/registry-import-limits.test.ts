// The officials' OCOP registry is read by the same worker-thread reader as the products sheet: while the
// largest registry file allowed (20,000 rows, close to 10 MB as CSV; 20,000 rows as XLSX) is read,
// /healthz keeps answering, and the file is previewed whole.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { REGISTRY_COLUMNS } from "~/imports/columns";
import { toCsv } from "~/imports/csv";
import { getImport } from "~/imports/imports.server";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "~/imports/import-limits";
import { action as registryPreviewAction } from "~/routes/officials/can-bo.so-bo-ocop._index";
import { expectLive, PROBE_TOKEN, withHealthProbe } from "../../scripts/fixtures/health-probe";
import { call, makeUser, post, provinceId } from "../../scripts/fixtures/workspace";

let official: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
  official = await makeUser("official", { province: "dong-thap" });
});

/** The registry as a province keeps it: a title and a date above the header, then `rows` certified products. */
function registry(rows: number, addressChars: number): string[][] {
  const address = "Ấp Tân Thuận, xã Tân Thuận Đông, huyện Cao Lãnh, tỉnh Đồng Tháp; ".repeat(10).slice(0, addressChars);
  const sheet: string[][] = [["DANH SÁCH SẢN PHẨM OCOP TỈNH ĐỒNG THÁP"], ["Ngày 01/12/2026"], REGISTRY_COLUMNS.map((c) => c.header)];
  for (let i = 1; i <= rows; i++) {
    const producer = Math.ceil(i / 4); // four products per producer
    sheet.push([`HTX Nông sản số ${producer}`, String(1_400_000_000 + producer), "HTX", `${address} ${i}`, `Sản phẩm OCOP số ${i}`, "Thực phẩm", String(3 + (i % 3)), `${i}/QĐ-UBND`, "20/05/2025", "", "Đồng Tháp"]);
  }
  return sheet;
}

const preview = (bytes: Buffer, name: string) => {
  const form = new FormData();
  form.append("file", new File([new Uint8Array(bytes)], name));
  form.set("progress", PROBE_TOKEN);
  return call(registryPreviewAction, post("/can-bo/so-bo-ocop", form, { cookie: official.cookie })) as Promise<Response>;
};

function previewedRows(response: Response): number {
  const location = response.headers.get("Location") ?? "";
  expect(location).toMatch(/^\/can-bo\/so-bo-ocop\/\d+$/);
  const record = getImport({ kind: "registry", provinceId: provinceId("dong-thap") }, Number(location.split("/").pop()));
  return record!.report.totalRows;
}

describe("the largest registry allowed, read in a worker thread", () => {
  it("keeps /healthz answering while a 20,000-row CSV close to 10 MB is read", async () => {
    const bytes = toCsv(registry(MAX_IMPORT_ROWS, 290));
    expect(bytes.length).toBeGreaterThan(MAX_IMPORT_BYTES * 0.8);
    expect(bytes.length).toBeLessThan(MAX_IMPORT_BYTES);
    const probe = await withHealthProbe(official.id, () => preview(bytes, "so-bo-lon-nhat.csv"));
    console.info(`largest registry CSV (${(bytes.length / 1e6).toFixed(1)} MB): /healthz answered ${probe.answeredWhileReading} times while reading, slowest ${probe.slowestMs.toFixed(1)} ms`);
    expect(previewedRows(probe.result)).toBe(MAX_IMPORT_ROWS);
    expectLive(probe);
  }, 120_000);

  it("keeps /healthz answering while a 20,000-row XLSX is read", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Sổ bộ OCOP").addRows(registry(MAX_IMPORT_ROWS, 200));
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    expect(bytes.length).toBeLessThan(MAX_IMPORT_BYTES);
    const probe = await withHealthProbe(official.id, () => preview(bytes, "so-bo-lon-nhat.xlsx"));
    console.info(`largest registry XLSX (${(bytes.length / 1e6).toFixed(1)} MB): /healthz answered ${probe.answeredWhileReading} times while reading, slowest ${probe.slowestMs.toFixed(1)} ms`);
    expect(previewedRows(probe.result)).toBe(MAX_IMPORT_ROWS);
    expectLive(probe);
  }, 120_000);
});
