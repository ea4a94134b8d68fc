// Bulk import and export of 5,000 products through the running server: upload and preview
// (read + check every row), import (one transaction), and export, as CSV and as XLSX; a small XLSX
// previewed again and again (the warm reader); the largest files allowed, with how long the server's
// event loop was held meanwhile (import-stalls.ts); and the import's transaction for the largest
// file with certificates, timed in-process (import-write.ts).
import ExcelJS from "exceljs";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { toCsv } from "../../app/imports/csv";
import { PRODUCT_COLUMNS } from "../../app/imports/columns";
import { benchLargestImports, benchSmallXlsx } from "./import-stalls";
import { benchImportWrite } from "./import-write";
import { ensureBuild, startServer } from "./server";
import { logInAs, postForm, type BenchSession } from "./session";

const ROWS = 5000;

function sheet(prefix: string): string[][] {
  const rows: string[][] = [PRODUCT_COLUMNS.map((c) => c.header)];
  for (let i = 1; i <= ROWS; i++) {
    rows.push([`${prefix}-${i}`, `Mật ong thử số ${i} (${prefix})`, "Mật ong", "hũ 500 g", "650", i % 2 ? "150.000" : "150k", String(i % 90), "Bản nháp", "Mật ong hoa nhãn nguyên chất, thu hoạch vụ xuân.", "OCOP", i % 37 === 0 ? "6" : "4", `${1000 + i}/QĐ-UBND`, "UBND tỉnh Đồng Tháp", "15/03/2025", "", "Đồng Tháp"]);
  }
  return rows;
}

async function xlsx(rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet("Sản phẩm");
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const value = await fn();
  return [value, performance.now() - t];
}

async function importOnce(s: BenchSession, bytes: Buffer, name: string) {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes)]), name);
  const [preview, previewMs] = await timed(() => postForm(s, "/kenh-nguoi-ban/nhap-xuat", form));
  if (preview.status !== 302 || !preview.location) throw new Error(`preview: HTTP ${preview.status} ${preview.body.slice(0, 300)}`);
  const confirm = new FormData();
  confirm.set("intent", "valid_only");
  const [done, importMs] = await timed(() => postForm(s, preview.location!, confirm));
  if (done.status !== 302) throw new Error(`import: HTTP ${done.status} ${done.body.slice(0, 300)}`);
  return { previewMs, importMs };
}

export async function benchImports(): Promise<void> {
  await ensureBuild();
  const dir = mkdtempSync(join(tmpdir(), "ocop-bench-imports-"));
  const dbFile = join(dir, "bench.sqlite");
  execFileSync("npx", ["tsx", "scripts/seed.ts", "--reset", "--no-images", "--orders", "0"], {
    stdio: "ignore",
    env: { ...process.env, DATABASE_URL: dbFile, MEDIA_DIR: join(dir, "media") },
  });
  const loopFile = join(dir, "loop-delay.json");
  const server = await startServer(dbFile, Number(process.env.BENCH_PORT ?? 3400) + 3, {
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ./scripts/bench/loop-delay.mjs`.trim(),
    LOOP_DELAY_FILE: loopFile,
  });
  const table: Record<string, string>[] = [];
  let small: Record<string, string>;
  let largest: Record<string, string>[];
  try {
    const s = await logInAs(server.url, "htx@ocop.vn");
    small = await benchSmallXlsx(s);
    const csv = toCsv(sheet("CSV"));
    const book = await xlsx(sheet("XLSX"));
    for (const [label, bytes, name] of [
      ["CSV", csv, "5000.csv"],
      ["XLSX", book, "5000.xlsx"],
    ] as const) {
      const r = await importOnce(s, bytes, name);
      table.push({ file: `${label}, ${ROWS} rows (${Math.round(ROWS / 37)} bad), ${(bytes.length / 1024).toFixed(0)} kB`, "upload + check (s)": (r.previewMs / 1000).toFixed(2), "import (s)": (r.importMs / 1000).toFixed(2) });
    }
    for (const format of ["csv", "xlsx"]) {
      const [res, ms] = await timed(() => fetch(`${server.url}/kenh-nguoi-ban/nhap-xuat/tai-ve?noi-dung=san-pham&dinh-dang=${format}`, { headers: { Cookie: s.cookie } }).then((r) => r.arrayBuffer()));
      table.push({ file: `export ${format.toUpperCase()} (${(res.byteLength / 1024).toFixed(0)} kB)`, "upload + check (s)": "", "import (s)": (ms / 1000).toFixed(2) });
    }
    largest = await benchLargestImports(server, s, loopFile);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\nBulk import through the server (HTTP, one producer with ~${2 * ROWS} products by the end):`);
  console.table(table);
  console.log("\nA small XLSX previewed again and again (the import reader's thread kept warm between files):");
  console.table([small]);
  console.log("\nThe largest files allowed: the server's event loop (monitorEventLoopDelay) and /healthz asked every 10 ms meanwhile:");
  console.table(largest);
  console.log("\nThe import's one transaction for the largest file, with a certificate on every row, in-process (3 runs, each on a fresh copy):");
  console.table([benchImportWrite()]);
}
