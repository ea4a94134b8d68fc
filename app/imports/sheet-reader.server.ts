// Runs sheet-reader.worker.mjs: one worker thread per upload, so parsing a 10 MB CSV or XLSX never
// holds the web server's event loop (requests, /healthz, other imports' progress keep being answered).
// Each thread has a heap ceiling and a time limit: a file that would need more is refused with
// "import.file.tooHeavy" and only that thread dies. At most MAX_READERS threads read at once; later
// uploads wait their turn, so memory stays bounded however many producers upload together. ExcelJS's
// streaming reader parks a worksheet that comes before the shared strings in a temporary file: each
// thread gets a folder of its own for that, removed when the thread ends, however it ends.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { unguardFormula } from "~/formula-safe";
import { MAX_CELL_CHARS, MAX_IMPORT_BYTES, MAX_IMPORT_CELLS, MAX_IMPORT_ROWS } from "./import-limits";

export type SheetRow = { line: number; cells: string[] };
export type ReadProblem =
  | "import.file.tooManyRows"
  | "import.file.tooMuchContent"
  | "import.file.tooHeavy"
  | "import.file.corrupt"
  | "import.file.encoding"
  | "import.file.unknown";

/** One reader's heap (old generation): 20,000 rows of 16 cells take well under 100 MB while read. */
export const READER_HEAP_MB = 256;
/** One reader's time: the largest file allowed takes a few seconds. */
export const READER_TIMEOUT_MS = 60_000;
const MAX_READERS = 2;

/**
 * The worker file. In the source tree (Vite's dev server, tsx, vitest) it sits beside this module; the
 * production build (build/server/index.js) does not bundle it, so there it is found back in app/.
 */
function workerFile(): string {
  const candidates = [
    new URL("./sheet-reader.worker.mjs", import.meta.url),
    new URL("../../app/imports/sheet-reader.worker.mjs", import.meta.url),
  ].filter((u) => u.protocol === "file:").map((u) => fileURLToPath(u));
  candidates.push(resolve("app/imports/sheet-reader.worker.mjs"));
  const found = candidates.find((file) => existsSync(file));
  if (!found) throw new Error(`sheet-reader.worker.mjs not found (looked in ${candidates.join(", ")})`);
  return found;
}

let running = 0;
const waiting: (() => void)[] = [];

async function turn(): Promise<() => void> {
  if (running >= MAX_READERS) await new Promise<void>((r) => waiting.push(r));
  else running += 1;
  return () => {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  };
}

export type ReadOptions = { heapMb?: number; timeoutMs?: number; headerRows: number };

/** The rows of a CSV or XLSX as text cells (the importer's apostrophes taken off), or why not. */
export async function readRows(format: "csv" | "xlsx", bytes: Uint8Array, options: ReadOptions): Promise<SheetRow[] | ReadProblem> {
  const done = await turn();
  try {
    return await readInWorker(format, bytes, options);
  } finally {
    done();
  }
}

function readInWorker(format: "csv" | "xlsx", bytes: Uint8Array, options: ReadOptions): Promise<SheetRow[] | ReadProblem> {
  const heapMb = options.heapMb ?? READER_HEAP_MB;
  const file = workerFile();
  const scratch = mkdtempSync(join(tmpdir(), "ocop-import-"));
  const worker = new Worker(file, {
    env: { ...process.env, TMPDIR: scratch, TMP: scratch, TEMP: scratch },
    workerData: {
      format,
      bytes,
      limits: { rows: MAX_IMPORT_ROWS + options.headerRows, cells: MAX_IMPORT_CELLS, cellChars: MAX_CELL_CHARS, recordBytes: MAX_IMPORT_BYTES },
    },
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: Math.min(32, heapMb / 4), stackSizeMb: 4 },
    stdout: true, // nothing of the thread's goes to the server's log
    stderr: true,
  });
  const rows: SheetRow[] = [];
  return new Promise((settle) => {
    let settled = false;
    const finish = (outcome: SheetRow[] | ReadProblem) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate().finally(() => rmSync(scratch, { recursive: true, force: true }));
      settle(outcome);
    };
    const timer = setTimeout(() => finish("import.file.tooHeavy"), options.timeoutMs ?? READER_TIMEOUT_MS);
    worker.on("message", (message: { rows?: [number, string[]][]; problem?: ReadProblem; done?: true }) => {
      if (message.rows) for (const [line, cells] of message.rows) rows.push({ line, cells: cells.map(unguardFormula) });
      else if (message.problem) finish(message.problem);
      else if (message.done) finish(rows);
    });
    worker.on("error", (error: Error & { code?: string }) => {
      // The thread itself failed (the file's own faults are answered from inside it): past the heap
      // ceiling Node ends it with ERR_WORKER_OUT_OF_MEMORY; anything else (no thread to be had, a bug)
      // is logged. Either way the uploader is told to try a smaller file, never shown a 500.
      if (error.code !== "ERR_WORKER_OUT_OF_MEMORY") console.warn("import reader failed:", error);
      finish("import.file.tooHeavy");
    });
    worker.on("exit", () => finish("import.file.tooHeavy"));
  });
}
