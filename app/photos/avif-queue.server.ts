// AVIF variants, encoded in the web process after the upload's transaction has committed, one
// photo at a time so the request path keeps the CPU it needs. The durable state is
// product_images.avif_ready: whatever was still 0 when the process stopped is picked up again by
// resumeAvifQueue() at server start. Photos sharing a storage key (a duplicated product, the same
// photo twice) are encoded once. Until AVIF is ready, pages offer WebP only.
import { readFile } from "node:fs/promises";
import { statement } from "~/db.server";
import { env } from "~/env.server";
import { storeAvifVariants } from "./image-variants.server";
import { avifSourcePaths } from "./photo-pipeline.server";
import { markAvifReady } from "./product-images.server";

type QueueState = { keys: string[]; queued: Set<string>; running: Promise<void> | null; uploads: number };

declare global {
  // One queue per process, shared by the server entry and the Remix build's copy of this module.
  var __ocopAvifQueue: QueueState | undefined;
}

const state = (): QueueState => (globalThis.__ocopAvifQueue ??= { keys: [], queued: new Set(), running: null, uploads: 0 });

/** How long an encode waits for uploads in progress to finish before it runs anyway. */
const MAX_YIELD_MS = 5_000;

/**
 * Runs an upload's processing; while any is in progress the queue does not start an encode
 * (up to MAX_YIELD_MS), so photos being uploaded get the CPU first.
 */
export async function whileUploading<T>(work: () => Promise<T>): Promise<T> {
  const s = state();
  s.uploads++;
  try {
    return await work();
  } finally {
    s.uploads--;
  }
}

/** Queues the images' storage keys (call after the transaction that stored them has committed). */
export function queueAvif(storageKeys: string[]): void {
  const s = state();
  for (const key of storageKeys) {
    if (s.queued.has(key)) continue;
    s.queued.add(key);
    s.keys.push(key);
  }
  s.running ??= drain(s).finally(() => {
    s.running = null;
  });
}

/** Queues every image whose AVIF variants are not ready yet; returns how many storage keys. */
export function resumeAvifQueue(): number {
  const keys = statement<[], { key: string }>(`SELECT DISTINCT storage_key AS key FROM product_images WHERE avif_ready = 0`)
    .all()
    .map((r) => r.key);
  queueAvif(keys);
  return keys.length;
}

/** Resolves when the queue is empty (tests, and a graceful shutdown). */
export async function avifQueueIdle(): Promise<void> {
  while (state().running) await state().running;
}

async function drain(s: QueueState): Promise<void> {
  const mediaDir = env().MEDIA_DIR;
  while (s.keys.length > 0) {
    const waitingSince = Date.now();
    while (s.uploads > 0 && Date.now() - waitingSince < MAX_YIELD_MS) await new Promise((resolve) => setTimeout(resolve, 25));
    const key = s.keys.shift()!;
    try {
      const image = statement<[storageKey: string], { storageKey: string; widths: string }>(
        `SELECT storage_key AS storageKey, widths FROM product_images WHERE storage_key = ? AND avif_ready = 0 LIMIT 1`,
      ).get(key);
      if (!image) continue;
      const source = await readFirst(avifSourcePaths(mediaDir, image));
      if (!source) {
        console.warn(`AVIF: no source file for image ${key}; left as WebP only`);
        continue;
      }
      await storeAvifVariants(source, { ...image, width: 0, height: 0 }, mediaDir);
      markAvifReady(key);
    } catch (error) {
      console.warn(`AVIF: encoding image ${key} failed; left as WebP only`, error);
    } finally {
      s.queued.delete(key);
    }
    // Let waiting requests run between two encodes.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

async function readFirst(paths: string[]): Promise<Buffer | null> {
  for (const path of paths) {
    const bytes = await readFile(path).catch(() => null);
    if (bytes) return bytes;
  }
  return null;
}
