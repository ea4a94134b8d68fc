// Runs sheet-reader.worker.mjs: files are parsed in worker threads, so reading a 10 MB CSV or XLSX never
// holds the web server's event loop (requests, /healthz, other imports' progress keep being answered).
// Each thread has a heap ceiling and each file a time limit: a file that would need more is refused with
// "import.file.tooHeavy" and only that thread dies. At most MAX_READERS threads read at once; later
// uploads wait their turn, so memory stays bounded however many producers upload together. A thread
// that finished a file stays warm for the next one (ExcelJS loaded once) until it has been idle for
// IDLE_READER_MS; one that hit its ceiling, its time or an error is ended, never reused. ExcelJS's
// streaming reader parks a worksheet that comes before the shared strings in a temporary file: each
// file gets a folder of its own for that, removed when its reading ends, however it ends.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
/** One file's time: the largest file allowed takes a few seconds. */
export const READER_TIMEOUT_MS = 60_000;
/** How long a warm reader waits for the next file before its thread is ended. */
export const IDLE_READER_MS = 60_000;
const MAX_READERS = 2;

/**
 * The worker file, beside this module: app/imports/ in the source tree (Vite's dev server, tsx,
 * vitest); build/server/ in the production build, where this module is part of index.js and the
 * build emits the worker next to it (scripts/import-reader-build.ts). The literal form
 * `new URL("./…", import.meta.url)` is what the build's check looks for.
 */
const WORKER_FILE = new URL("./sheet-reader.worker.mjs", import.meta.url);

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

type Reader = { worker: Worker; heapMb: number; jobs: number; idleTimer?: ReturnType<typeof setTimeout> };
/** Warm readers waiting for a file (at most MAX_READERS: never more threads than may read at once). */
const idle: Reader[] = [];
let jobCount = 0;

function startReader(heapMb: number): Reader {
  started += 1;
  const worker = new Worker(WORKER_FILE, {
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: Math.min(32, heapMb / 4), stackSizeMb: 4 },
    stdout: true, // nothing of the thread's goes to the server's log
    stderr: true,
  });
  const reader: Reader = { worker, heapMb, jobs: 0 };
  worker.once("exit", () => {
    const at = idle.indexOf(reader); // a warm reader that died while waiting is not handed out
    if (at >= 0) idle.splice(at, 1);
    clearTimeout(reader.idleTimer);
  });
  return reader;
}

/** A warm reader of that heap if one waits, else a new thread. */
function takeReader(heapMb: number): Reader {
  const at = idle.findIndex((r) => r.heapMb === heapMb);
  if (at < 0) return startReader(heapMb);
  const [reader] = idle.splice(at, 1);
  clearTimeout(reader!.idleTimer);
  reader!.worker.ref();
  return reader!;
}

/** Keeps a reader that ended its file cleanly for the next one; ended after IDLE_READER_MS unused. */
function keepWarm(reader: Reader) {
  if (idle.length >= MAX_READERS) {
    void reader.worker.terminate();
    return;
  }
  reader.worker.unref(); // a warm reader never keeps a script or a test process alive
  reader.idleTimer = setTimeout(() => void reader.worker.terminate(), IDLE_READER_MS); // its "exit" takes it off the list
  reader.idleTimer.unref();
  idle.push(reader);
}

let started = 0;

/** Reader threads started since the process began, and how many wait warm now (tests, benchmark). */
export function readerCounts(): { started: number; warm: number } {
  return { started, warm: idle.length };
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

type Reply = { job: number; rows?: [number, string[]][]; problem?: ReadProblem; done?: true };

function readInWorker(format: "csv" | "xlsx", bytes: Uint8Array, options: ReadOptions): Promise<SheetRow[] | ReadProblem> {
  const reader = takeReader(options.heapMb ?? READER_HEAP_MB);
  const { worker } = reader;
  const job = ++jobCount;
  reader.jobs += 1;
  const scratch = mkdtempSync(join(tmpdir(), "ocop-import-"));
  const rows: SheetRow[] = [];
  return new Promise((settle) => {
    let settled = false;
    /** `healthy`: the thread answered for the file itself, and may read the next one. */
    const finish = (outcome: SheetRow[] | ReadProblem, healthy: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off("message", onMessage).off("error", onError).off("exit", onExit);
      if (healthy) {
        rmSync(scratch, { recursive: true, force: true });
        keepWarm(reader);
      } else {
        void worker.terminate().finally(() => rmSync(scratch, { recursive: true, force: true }));
      }
      settle(outcome);
    };
    const timer = setTimeout(() => finish("import.file.tooHeavy", false), options.timeoutMs ?? READER_TIMEOUT_MS);
    const onMessage = (message: Reply) => {
      if (message.job !== job) return;
      if (message.rows) for (const [line, cells] of message.rows) rows.push({ line, cells: cells.map(unguardFormula) });
      else if (message.problem) finish(message.problem, true);
      else if (message.done) finish(rows, true);
    };
    const onError = (error: Error & { code?: string }) => {
      // The thread itself failed (the file's own faults are answered from inside it): past the heap
      // ceiling Node ends it with ERR_WORKER_OUT_OF_MEMORY; anything else (no thread to be had, a bug)
      // is logged. Either way the uploader is told to try a smaller file, never shown a 500.
      if (error.code !== "ERR_WORKER_OUT_OF_MEMORY") console.warn("import reader failed:", error);
      finish("import.file.tooHeavy", false);
    };
    const onExit = () => finish("import.file.tooHeavy", false);
    worker.on("message", onMessage).on("error", onError).on("exit", onExit);
    worker.postMessage({
      job,
      format,
      bytes,
      limits: { rows: MAX_IMPORT_ROWS + options.headerRows, cells: MAX_IMPORT_CELLS, cellChars: MAX_CELL_CHARS, recordBytes: MAX_IMPORT_BYTES },
      scratch,
    });
  });
}
