// The import writer's thread (started by import-writer.server.ts): runs an import's write step, one
// synchronous transaction (import-write.server.ts), on this thread's own database connection, opened by
// the app's db() from the environment the web thread copied in. WAL lets the web thread keep reading
// while it writes. The rows are written by their tables' owners, exactly as they were on the web thread.
import { parentPort, threadId } from "node:worker_threads";
import { applyRegistryRows } from "~/registry/apply-registry.server";
import type { RegistryRow } from "~/registry/registry-rows.server";
import { applyProductRows } from "~/seller/import/apply-products.server";
import type { GoodRow } from "~/seller/import/product-rows.server";
import { writeImport, type WriteJob } from "./import-write.server";

export type WriterReply =
  | { job: number; outcome: ReturnType<typeof writeImport>; threadId: number; ms: number }
  | { job: number; failure: string; threadId: number };

function write(job: WriteJob) {
  const { writer } = job;
  if (writer.kind === "products") return writeImport(job, (tx) => applyProductRows(tx, job.owner, job.rows as GoodRow[]));
  return writeImport(job, (tx) => applyRegistryRows(tx, job.owner, job.importId, job.rows as RegistryRow[], writer.effectiveFrom));
}

parentPort!.on("message", ({ job, work }: { job: number; work: WriteJob }) => {
  const started = performance.now();
  try {
    const outcome = write(work);
    parentPort!.postMessage({ job, outcome, threadId, ms: performance.now() - started } satisfies WriterReply);
  } catch (error) {
    // The transaction rolled back; the web thread throws this as the import's error, as it did before.
    parentPort!.postMessage({ job, failure: error instanceof Error ? (error.stack ?? error.message) : String(error), threadId } satisfies WriterReply);
  }
});
