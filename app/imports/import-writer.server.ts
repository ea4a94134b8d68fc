// Runs an import's write step in a worker thread (import-writer.worker.ts), so the one synchronous
// transaction that writes 20,000 rows (about a second) never holds the web server's event loop:
// /healthz, pages and other imports' progress keep being answered while it runs. The thread has its
// own database connection; SQLite lets one connection write at a time, so one writer thread serves
// every import, in turn. It stays warm for the next import until idle for IDLE_WRITER_MS; a thread
// that failed (an error in the transaction, which rolled back, or a crash) is ended, never reused.
import { Worker } from "node:worker_threads";
import type { WriteJob, WriteOutcome, Written } from "./import-write.server";
import type { WriterReply } from "./import-writer.worker";

/** How long a warm writer waits for the next import before its thread is ended. */
export const IDLE_WRITER_MS = 60_000;

/**
 * The worker, beside this module: the TypeScript source in app/imports/ (Vite's dev server, tsx,
 * vitest: loaded through tsx, which resolves `~/…` and `#db/…`), or, in the production build,
 * where this module is part of build/server/index.js, the bundle emitted next to it
 * (scripts/import-reader-build.ts). The literal `new URL("./…", import.meta.url)` is what the build's
 * check looks for.
 */
const FROM_SOURCE = import.meta.url.endsWith(".ts");
const WORKER_FILE = FROM_SOURCE ? new URL("./import-writer.worker.ts", import.meta.url) : new URL("./import-writer.worker.mjs", import.meta.url);

type Writer = { worker: Worker; idleTimer?: ReturnType<typeof setTimeout> };
let warm: Writer | null = null;
let queue: Promise<unknown> = Promise.resolve();
let jobCount = 0;
const stats = { started: 0, lastThreadId: 0, lastMs: 0, lastPostMs: 0 };

/**
 * Writer threads started since the process began; the last write's thread, its time in the thread
 * (the transaction) and the time the web thread spent handing it the rows (their structured clone).
 */
export function writerStats() {
  return { ...stats, warm: warm !== null };
}

function takeWriter(): Writer {
  if (warm) {
    const writer = warm;
    warm = null;
    clearTimeout(writer.idleTimer);
    writer.worker.ref();
    return writer;
  }
  stats.started += 1;
  // The TypeScript source is loaded through tsx's loader, registered in the thread (Node 20 does not
  // take `--import tsx` in a worker's execArgv); the built bundle is plain JavaScript.
  const worker = FROM_SOURCE
    ? new Worker(`import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(WORKER_FILE.href)}); })`, { eval: true, env: { ...process.env } })
    : new Worker(WORKER_FILE, { env: { ...process.env } });
  const writer: Writer = { worker };
  worker.once("exit", () => {
    if (warm === writer) warm = null;
    clearTimeout(writer.idleTimer);
  });
  return writer;
}

function keepWarm(writer: Writer) {
  if (warm) void warm.worker.terminate();
  writer.worker.unref(); // a warm writer never keeps a script or a test process alive
  writer.idleTimer = setTimeout(() => void writer.worker.terminate(), IDLE_WRITER_MS);
  writer.idleTimer.unref();
  warm = writer;
}

/** Writes an import in the writer thread, one import at a time; throws what the transaction threw. */
export function writeInThread<Row, R extends Written>(work: WriteJob<Row>): Promise<WriteOutcome<R>> {
  const run = queue.then(() => writeOnce<Row, R>(work));
  queue = run.catch(() => {});
  return run;
}

function writeOnce<Row, R extends Written>(work: WriteJob<Row>): Promise<WriteOutcome<R>> {
  const writer = takeWriter();
  const { worker } = writer;
  const job = ++jobCount;
  return new Promise((resolve, reject) => {
    const settle = (healthy: boolean) => {
      worker.off("message", onMessage).off("error", onError).off("exit", onExit);
      if (healthy) keepWarm(writer);
      else void worker.terminate();
    };
    const onMessage = (reply: WriterReply) => {
      if (reply.job !== job) return;
      stats.lastThreadId = reply.threadId;
      if ("failure" in reply) {
        settle(false);
        reject(new Error(`import ${work.importId} was not written: ${reply.failure}`));
      } else {
        stats.lastMs = reply.ms;
        settle(true);
        resolve(reply.outcome as WriteOutcome<R>);
      }
    };
    const onError = (error: Error) => {
      settle(false);
      reject(new Error(`import ${work.importId} was not written: the writer thread failed`, { cause: error }));
    };
    const onExit = (code: number) => {
      settle(false);
      reject(new Error(`import ${work.importId} was not written: the writer thread exited (${code})`));
    };
    worker.on("message", onMessage).on("error", onError).on("exit", onExit);
    const posting = performance.now();
    worker.postMessage({ job, work }); // the rows are cloned here, on the web thread
    stats.lastPostMs = performance.now() - posting;
  });
}
