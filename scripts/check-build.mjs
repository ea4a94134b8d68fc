// `npm test`, after the production build: the build must run without the source tree. The import
// reader's worker thread is emitted beside the server bundle (scripts/import-reader-build.ts) and
// the bundle starts it from there, never from app/; the emitted worker, copied with the bundle into
// a folder that has node_modules but no app/, reads a CSV and an XLSX.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Worker } from "node:worker_threads";
import ExcelJS from "exceljs";

const WORKER = "build/server/sheet-reader.worker.mjs";
const failures = [];
const check = (ok, what) => {
  if (!ok) failures.push(what);
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
};

check(existsSync(WORKER), `${WORKER} is emitted by the build`);
const bundle = readFileSync("build/server/index.js", "utf8");
check(bundle.includes('new URL("./sheet-reader.worker.mjs", import.meta.url)'), "build/server/index.js starts the reader beside itself");
check(!bundle.includes("app/imports/sheet-reader.worker"), "build/server/index.js does not look for the reader in app/");

/** Reads one file with the emitted worker, as sheet-reader.server.ts does. */
function read(file, format, bytes) {
  const scratch = mkdtempSync(join(tmpdir(), "ocop-check-build-"));
  const worker = new Worker(file);
  const rows = [];
  return new Promise((settle, fail) => {
    worker.on("message", (m) => {
      if (m.rows) rows.push(...m.rows);
      else {
        void worker.terminate();
        rmSync(scratch, { recursive: true, force: true });
        settle(m.problem ?? rows);
      }
    });
    worker.on("error", fail);
    worker.postMessage({ job: 1, format, bytes, limits: { rows: 100, cells: 10_000, cellChars: 10_000, recordBytes: 1 << 20 }, scratch });
  });
}

if (existsSync(WORKER)) {
  const deploy = mkdtempSync(join(tmpdir(), "ocop-deploy-"));
  try {
    cpSync("build", join(deploy, "build"), { recursive: true });
    symlinkSync(resolve("node_modules"), join(deploy, "node_modules"), "dir");
    const file = join(deploy, WORKER);
    const csv = await read(file, "csv", new TextEncoder().encode("Tên sản phẩm;Giá bán\nMật ong;150000\n"));
    check(JSON.stringify(csv) === JSON.stringify([[1, ["Tên sản phẩm", "Giá bán"]], [2, ["Mật ong", "150000"]]]), "the emitted reader reads a CSV without app/");
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Sản phẩm").addRows([["Tên sản phẩm", "Giá bán"], ["Mắm tép", 85000]]);
    const xlsx = await read(file, "xlsx", new Uint8Array(await book.xlsx.writeBuffer()));
    check(JSON.stringify(xlsx) === JSON.stringify([[1, ["Tên sản phẩm", "Giá bán"]], [2, ["Mắm tép", "85000"]]]), "the emitted reader reads an XLSX without app/");
  } finally {
    rmSync(deploy, { recursive: true, force: true });
  }
}

if (failures.length > 0) {
  console.error(`The production build is not self-contained: ${failures.join("; ")}`);
  process.exit(1);
}
