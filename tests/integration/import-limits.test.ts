// Imports cannot be talked past their limits: a zip bomb (declaring small sizes, inflating huge) is
// refused by counting the bytes it really inflates to; a million-row CSV and a 40,000-row XLSX are
// abandoned at the row cap while they are read (in a worker thread), and the server keeps answering
// /healthz during them and during the largest CSV and XLSX imports allowed; a cell over the cap is
// refused; a reader past its heap ceiling or its time is stopped with a message, not a 500.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDeflateRaw } from "node:zlib";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { PRODUCT_COLUMNS } from "~/imports/columns";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, MAX_INFLATED_BYTES } from "~/imports/import-limits";
import { readSpreadsheet } from "~/imports/read-file.server";
import { readRows } from "~/imports/sheet-reader.server";
import { translator } from "~/i18n/messages";
import { action as previewAction } from "~/routes/seller/kenh-nguoi-ban.nhap-xuat._index";
import { expectLive, PROBE_TOKEN, withHealthProbe } from "../../scripts/fixtures/health-probe";
import { call, dataOf, makeProducer, post, statusOf } from "../../scripts/fixtures/workspace";

const HEADER = ["Mã sản phẩm", "Tên sản phẩm", "Danh mục", "Đơn vị tính", "Khối lượng (g)", "Giá bán (đồng)", "Tồn kho", "Trạng thái", "Mô tả"];

/** Deflates `megabytes` MB of zeros without holding them: about 1 kB of output per MB. */
async function deflatedZeros(megabytes: number): Promise<Buffer> {
  const deflater = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflater.on("data", (c: Buffer) => out.push(c));
  const done = new Promise((resolve) => deflater.on("end", resolve));
  const mb = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < megabytes; i++) if (!deflater.write(mb)) await new Promise((r) => deflater.once("drain", r));
  deflater.end();
  await done;
  return Buffer.concat(out);
}

/** A zip of deflated entries whose headers declare `declared` as every entry's uncompressed size. */
function zip(entries: { name: string; data: Buffer }[], declared: number): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const n = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    centrals.push(central, n);
    offset += 30 + n.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

let producer: Awaited<ReturnType<typeof makeProducer>>;
beforeAll(async () => {
  producer = await makeProducer("HTX Giới Hạn");
});

const uploadForm = (bytes: Buffer, name: string) => {
  const form = new FormData();
  form.append("file", new File([new Uint8Array(bytes)], name));
  return form;
};

const upload = (bytes: Buffer, name: string) => {
  const form = uploadForm(bytes, name);
  form.set("progress", PROBE_TOKEN);
  return call(previewAction, post("/kenh-nguoi-ban/nhap-xuat", form, { cookie: producer.member!.cookie }));
};

describe("XLSX", () => {
  it("refuses a zip bomb by the bytes it really inflates to, not the sizes it declares", { timeout: 30_000 }, async () => {
    // 100 kB on disk, declaring 100 bytes per entry, inflating to twice the cap.
    const bomb = await deflatedZeros(Math.ceil((2 * MAX_INFLATED_BYTES) / (1024 * 1024)));
    const bytes = zip([{ name: "xl/worksheets/sheet1.xml", data: bomb }], 100);
    expect(bytes.length).toBeLessThan(MAX_IMPORT_BYTES / 20);
    const before = process.memoryUsage().rss;
    const read = await readSpreadsheet(bytes, PRODUCT_COLUMNS);
    expect(read).toEqual({ ok: false, problem: "import.file.tooMuchContent" });
    // Nothing near the inflated size was held (the old check inflated it all in memory).
    expect(process.memoryUsage().rss - before).toBeLessThan(MAX_INFLATED_BYTES);
  });

  it("refuses a zip whose entries are not what their headers say, and still reads an honest workbook", { timeout: 30_000 }, async () => {
    const garbage = zip([{ name: "xl/workbook.xml", data: Buffer.from("not deflate at all") }], 18);
    expect(await readSpreadsheet(garbage, PRODUCT_COLUMNS)).toEqual({ ok: false, problem: "import.file.corrupt" });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Sản phẩm");
    sheet.addRow(HEADER);
    sheet.addRow(["A-1", "Mật ong", "Mật ong", "hũ", "500", "150000", "3", "Đang bán", "Ngon"]);
    const honest = Buffer.from(await workbook.xlsx.writeBuffer());
    const read = await readSpreadsheet(honest, PRODUCT_COLUMNS);
    expect(read.ok && read.rows.map((r) => r.cells[1])).toEqual(["Mật ong"]);
  });
});

describe("CSV", () => {
  it("abandons a million-row file at the row cap while reading it, and /healthz answers all along", async () => {
    const rows = ["Tên sản phẩm,Giá bán (đồng)"];
    for (let i = 0; i < 1_000_000; i++) rows.push("x,1");
    const bytes = Buffer.from(rows.join("\n"));
    expect(bytes.length).toBeLessThan(MAX_IMPORT_BYTES);
    const { result, answeredWhileReading, slowestMs } = await withHealthProbe(producer.member!.id, () => upload(bytes, "trieu-dong.csv"));
    console.info(`million-row CSV: /healthz answered ${answeredWhileReading} times while reading, slowest ${slowestMs.toFixed(1)} ms`);
    expect(statusOf(result)).toBe(400);
    expect(dataOf<{ error: string }>(result).error).toBe("import.file.tooManyRows");
    expectLive({ answeredWhileReading, slowestMs });
  }, 30_000);

  it("keeps /healthz answering during the largest import allowed (20,000 rows, close to 10 MB)", async () => {
    const description = "Mật ong hoa nhãn nguyên chất, thu hoạch tại Đồng Tháp. ".repeat(6);
    const rows = [HEADER.join(",")];
    for (let i = 1; i <= MAX_IMPORT_ROWS; i++) rows.push([`T-${i}`, `Mật ong ${i}`, "Mật ong", "hũ 500 g", "650", "150000", "5", "Đang bán", `"${description}"`].join(","));
    const bytes = Buffer.from(rows.join("\r\n"));
    expect(bytes.length).toBeGreaterThan(MAX_IMPORT_BYTES / 2);
    expect(bytes.length).toBeLessThan(MAX_IMPORT_BYTES);
    const { result, answeredWhileReading, slowestMs } = await withHealthProbe(producer.member!.id, () => upload(bytes, "lon-nhat.csv"));
    console.info(`largest CSV: /healthz answered ${answeredWhileReading} times while reading, slowest ${slowestMs.toFixed(1)} ms`);
    expect((result as Response).headers.get("Location")).toMatch(/^\/kenh-nguoi-ban\/nhap-xuat\/\d+$/);
    expectLive({ answeredWhileReading, slowestMs });
  }, 60_000);

  it("refuses a cell longer than the cap and a row of endless columns", async () => {
    const long = Buffer.from(`${HEADER.join(",")}\nA-1,${"x".repeat(20_000)},Mật ong\n`);
    expect(await readSpreadsheet(long, PRODUCT_COLUMNS)).toEqual({ ok: false, problem: "import.file.tooMuchContent" });
    const wide = Buffer.from(`${HEADER.join(",")}\n${",".repeat(2_000_000)}\n`);
    expect(await readSpreadsheet(wide, PRODUCT_COLUMNS)).toEqual({ ok: false, problem: "import.file.tooMuchContent" });
  }, 30_000);
});

/** A workbook of the product template's columns: `rows` rows, each with a description of `descriptionChars`. */
async function workbook(rows: number, descriptionChars: number): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Sản phẩm");
  sheet.addRow(HEADER);
  const description = "Mật ong hoa nhãn nguyên chất, thu hoạch tại Đồng Tháp. ".repeat(30).slice(0, descriptionChars);
  for (let i = 1; i <= rows; i++) sheet.addRow([`T-${i}`, `Mật ong ${i}`, "Mật ong", "hũ 500 g", 650, 150000, 5, "Đang bán", `${description} ${i}`]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe("XLSX, read in a worker thread", () => {
  it("keeps /healthz answering during the largest import allowed (20,000 rows)", async () => {
    const bytes = await workbook(MAX_IMPORT_ROWS, 1_200);
    expect(bytes.length).toBeLessThan(MAX_IMPORT_BYTES);
    const { result, answeredWhileReading, slowestMs } = await withHealthProbe(producer.member!.id, () => upload(bytes, "lon-nhat.xlsx"));
    console.info(`largest XLSX (${(bytes.length / 1e6).toFixed(1)} MB): /healthz answered ${answeredWhileReading} times while reading, slowest ${slowestMs.toFixed(1)} ms`);
    expect((result as Response).headers.get("Location")).toMatch(/^\/kenh-nguoi-ban\/nhap-xuat\/\d+$/);
    expectLive({ answeredWhileReading, slowestMs });
  }, 120_000);

  it("abandons a 40,000-row workbook at the row cap while reading it, and /healthz answers all along", async () => {
    const bytes = await workbook(2 * MAX_IMPORT_ROWS, 0);
    const { result, answeredWhileReading, slowestMs } = await withHealthProbe(producer.member!.id, () => upload(bytes, "tram-nghin.xlsx"));
    console.info(`40,000-row XLSX: /healthz answered ${answeredWhileReading} times while reading, slowest ${slowestMs.toFixed(1)} ms`);
    expect(statusOf(result)).toBe(400);
    expect(dataOf<{ error: string }>(result).error).toBe("import.file.tooManyRows");
    expectLive({ answeredWhileReading, slowestMs });
  }, 120_000);

  it("keeps Vietnamese letters whole wherever the inflated chunks split them", async () => {
    const bytes = await workbook(3_000, 300);
    const read = await readSpreadsheet(bytes, PRODUCT_COLUMNS);
    expect(read.ok && read.rows.length).toBe(3_000);
    expect(read.ok && read.rows.filter((r) => r.cells.join("").includes("\uFFFD")).length).toBe(0);
    expect(read.ok && read.rows[2_999]!.cells[1]).toBe("Mật ong 3000");
  }, 60_000);
});

describe("a reader's ceilings", () => {
  it("leaves no temporary file behind, even when it stops at a cap", async () => {
    const own = mkdtempSync(join(tmpdir(), "ocop-limits-tmp-"));
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = own; // where the readers' own folders go, for this test alone
    try {
      expect(await readRows("xlsx", await workbook(MAX_IMPORT_ROWS + 100, 0), { headerRows: 15 })).toBe("import.file.tooManyRows");
      expect(Array.isArray(await readRows("xlsx", await workbook(10, 20), { headerRows: 15 }))).toBe(true);
      await expect.poll(() => readdirSync(own), { timeout: 10_000 }).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
      rmSync(own, { recursive: true, force: true });
    }
  }, 120_000);

  it("stops a reader past its heap or its time, with a message in Vietnamese, and the next reader works", async () => {
    const rows = [HEADER.join(",")];
    for (let i = 1; i <= MAX_IMPORT_ROWS; i++) rows.push([`T-${i}`, `Mật ong ${i}`, "Mật ong", "hũ", "650", "150000", "5", "Đang bán", "x".repeat(400)].join(","));
    const bytes = Buffer.from(rows.join("\n"));
    expect(await readRows("csv", bytes, { headerRows: 15, heapMb: 4 })).toBe("import.file.tooHeavy");
    expect(await readRows("csv", bytes, { headerRows: 15, timeoutMs: 1 })).toBe("import.file.tooHeavy");
    expect(translator("vi")("import.file.tooHeavy")).toMatch(/quá nhiều bộ nhớ hoặc thời gian/);
    const read = await readRows("csv", bytes, { headerRows: 15 });
    expect(Array.isArray(read) && read.length).toBe(MAX_IMPORT_ROWS + 1);
  }, 60_000);
});
