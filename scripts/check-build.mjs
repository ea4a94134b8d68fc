// `npm test`, after the production build: the build must run without the source tree. The import
// reader's worker thread is emitted beside the server bundle (scripts/import-reader-build.ts) and
// the bundle starts it from there, never from app/; the emitted worker, copied with the bundle into
// a folder that has node_modules but no app/, reads a CSV and an XLSX. The import writer's thread is
// emitted and found the same way; copied there too (with package.json and db/migrations, which the app
// reads at run time), it opens and migrates the database and runs an import's transaction: one for an
// import that does not exist fails on its foreign key, is rolled back and is reported, not crashed on.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Worker } from "node:worker_threads";
import ExcelJS from "exceljs";

const WORKER = "build/server/sheet-reader.worker.mjs";
const WRITER = "build/server/import-writer.worker.mjs";
const failures = [];
const check = (ok, what) => {
  if (!ok) failures.push(what);
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
};

check(existsSync(WORKER), `${WORKER} is emitted by the build`);
const bundle = readFileSync("build/server/index.js", "utf8");
check(bundle.includes('new URL("./sheet-reader.worker.mjs", import.meta.url)'), "build/server/index.js starts the reader beside itself");
check(!bundle.includes("app/imports/sheet-reader.worker"), "build/server/index.js does not look for the reader in app/");
check(existsSync(WRITER), `${WRITER} is emitted by the build`);
check(bundle.includes('new URL("./import-writer.worker.mjs", import.meta.url)'), "build/server/index.js starts the writer beside itself");
check(!bundle.includes("app/imports/import-writer.worker"), "build/server/index.js does not look for the writer in app/");

/** Sends the emitted writer an import that does not exist: its transaction fails (the import's foreign key) and is reported. */
function writeNothing(file, databaseUrl) {
  const worker = new Worker(file, { env: { ...process.env, DATABASE_URL: databaseUrl } });
  return new Promise((settle, fail) => {
    worker.on("message", (m) => {
      void worker.terminate();
      settle(m.outcome ?? String(m.failure).split("\n")[0]);
    });
    worker.on("error", fail);
    const report = { totalRows: 0, badRows: 0, errors: [], errorCount: 0, missingColumns: [], counts: {} };
    const work = { writer: { kind: "registry", effectiveFrom: "2026-12-01" }, scope: { kind: "registry", provinceId: 1 }, owner: 1, importId: 999_999, mode: "all", rows: [], report };
    worker.postMessage({ job: 1, work });
  });
}

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
    if (existsSync(WRITER)) {
      cpSync("package.json", join(deploy, "package.json"));
      cpSync("db/migrations", join(deploy, "db", "migrations"), { recursive: true });
      const outcome = await writeNothing(join(deploy, WRITER), join(deploy, "check.sqlite"));
      check(outcome === "SqliteError: FOREIGN KEY constraint failed", `the emitted writer migrates the database and reports a failed transaction without app/ (${JSON.stringify(outcome)})`);
    }
  } finally {
    rmSync(deploy, { recursive: true, force: true });
  }
}

if (failures.length > 0) {
  console.error(`The production build is not self-contained: ${failures.join("; ")}`);
  process.exit(1);
}
