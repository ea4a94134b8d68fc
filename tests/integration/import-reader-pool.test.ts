// The import reader stays warm between files: the next file is read by the same thread (ExcelJS
// already loaded), two at most wait, one idle for IDLE_READER_MS is ended, and a thread that passed its
// heap or its time is ended and never handed another file.
import { readdirSync } from "node:fs";
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { IDLE_READER_MS, readRows, readerCounts } from "~/imports/sheet-reader.server";

const csv = (rows: number) => Buffer.from(["Tên sản phẩm,Giá bán (đồng)", ...Array.from({ length: rows }, (_, i) => `Mật ong ${i + 1},150000`)].join("\n"));

async function xlsx(rows: number): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Sản phẩm");
  sheet.addRow(["Tên sản phẩm", "Giá bán (đồng)"]);
  for (let i = 1; i <= rows; i++) sheet.addRow([`Mắm tép ${i}`, 85000]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

afterEach(() => {
  vi.useRealTimers();
});

describe("the import readers", () => {
  it("ends a warm thread left idle", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] }); // the reader's idle clock
    expect(Array.isArray(await readRows("csv", csv(5), { headerRows: 15 }))).toBe(true);
    expect(readerCounts().warm).toBe(1);
    vi.advanceTimersByTime(IDLE_READER_MS - 1_000);
    expect(readerCounts().warm).toBe(1);
    vi.advanceTimersByTime(1_000);
    vi.useRealTimers();
    await expect.poll(() => readerCounts().warm, { interval: 50, timeout: 10_000 }).toBe(0);
  }, 30_000);

  it("reads file after file with one warm thread, CSV and XLSX alike", async () => {
    const before = readerCounts();
    const first = await readRows("xlsx", await xlsx(50), { headerRows: 15 });
    expect(Array.isArray(first) && first.at(-1)?.cells).toEqual(["Mắm tép 50", "85000"]);
    expect(readerCounts()).toEqual({ started: before.started + 1, warm: 1 });
    for (const [format, bytes, rows] of [["xlsx", await xlsx(10), 11], ["csv", csv(20), 21], ["xlsx", await xlsx(30), 31]] as const) {
      const read = await readRows(format, bytes, { headerRows: 15 });
      expect(Array.isArray(read) && read.length).toBe(rows);
    }
    expect(readerCounts()).toEqual({ started: before.started + 1, warm: 1 });
    // ExcelJS parks the worksheet in a temporary file and keeps its descriptor: each job closes its own,
    // or a warm thread would hold one more open descriptor (of the whole process) per file it read.
    const descriptors = readdirSync("/proc/self/fd").length;
    for (let i = 0; i < 10; i++) await readRows("xlsx", await xlsx(5), { headerRows: 15 });
    expect(readdirSync("/proc/self/fd").length).toBeLessThan(descriptors + 5);
    // A file stopped at a cap is the file's fault, not the thread's: the thread reads the next one.
    expect(await readRows("csv", csv(25_000), { headerRows: 15 })).toBe("import.file.tooManyRows");
    expect(Array.isArray(await readRows("csv", csv(3), { headerRows: 15 }))).toBe(true);
    expect(readerCounts()).toEqual({ started: before.started + 1, warm: 1 });
  }, 60_000);

  it("keeps at most two threads warm when files are read together", async () => {
    const files = await Promise.all([xlsx(2_000), xlsx(2_000), xlsx(2_000), xlsx(2_000)]);
    const reads = await Promise.all(files.map((bytes) => readRows("xlsx", bytes, { headerRows: 15 })));
    expect(reads.map((r) => Array.isArray(r) && r.length)).toEqual([2_001, 2_001, 2_001, 2_001]);
    expect(readerCounts().warm).toBeLessThanOrEqual(2);
  }, 60_000);

  it("ends a thread past its heap or its time and never hands it another file", async () => {
    const bytes = Buffer.from(["Tên sản phẩm,Mô tả", ...Array.from({ length: 20_000 }, (_, i) => `Mật ong ${i},${"x".repeat(400)}`)].join("\n"));
    const warm = readerCounts().warm;
    expect(await readRows("csv", bytes, { headerRows: 15, heapMb: 4 })).toBe("import.file.tooHeavy");
    expect(readerCounts().warm).toBe(warm); // the thread that ran out of heap is not kept
    expect(warm).toBeGreaterThan(0);
    expect(await readRows("csv", bytes, { headerRows: 15, timeoutMs: 1 })).toBe("import.file.tooHeavy");
    expect(readerCounts().warm).toBe(warm - 1); // the warm thread that ran out of time was ended
    const read = await readRows("csv", bytes, { headerRows: 15 });
    expect(Array.isArray(read) && read.length).toBe(20_001);
  }, 60_000);

});
