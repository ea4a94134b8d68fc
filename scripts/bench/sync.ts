// The sync queue's throughput and its use of a rate limit, against the sandboxes in this
// process and the worker in its own, on a throwaway database.
//   1. Jobs per second with zero-latency sandboxes and no limit: publishing N products on four
//      marketplaces (photo upload + create, review polls on TikTok Shop and Tiki), then one
//      price change on every product (one call per job).
//   2. The share of a rate limit the worker uses: each shop limited to RATE calls/s by its
//      sandbox (token bucket, one second of burst) and the worker configured with the same
//      rate; N price changes per shop. Goal: ≥ 95% of the limit, a handful of throttled calls.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const PRODUCTS = Number(process.env.BENCH_SYNC_PRODUCTS ?? 300);
const RATE = Number(process.env.BENCH_SYNC_RATE ?? 25);
/** Jobs in flight per shop: at least the rate times a job's latency, or the pacer idles. */
const INFLIGHT = Number(process.env.BENCH_SYNC_INFLIGHT ?? 16);

export async function benchSync(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "ocop-bench-sync-"));
  process.env.DATABASE_URL = join(dir, "bench.sqlite");
  process.env.MEDIA_DIR = join(dir, "media");
  process.env.CREDENTIALS_KEY ??= randomBytes(32).toString("hex");
  process.env.NODE_ENV = "production";
  process.env.SANDBOX_MODE = "1"; // the workers it starts run on the sandboxes' credentials
  const { db } = await import("~/db.server");
  const { publish } = await import("~/marketplaces/publish.server");
  const { SANDBOX_CODES, sandboxEnv, startSandboxes } = await import("../sandbox");
  const { connectShops, seedConnectorProducer } = await import("../fixtures/connector");

  const sandboxes = await startSandboxes({ port: 0, options: { reviewMs: 0 } });
  Object.assign(process.env, sandboxEnv(sandboxes.urls));
  const sql = () => db().$client;
  const { producerId, productIds } = await seedConnectorProducer(PRODUCTS);
  await connectShops(producerId, sandboxes.urls, [...SANDBOX_CODES]);
  const busy = () => (sql().prepare(`SELECT count(*) AS n FROM sync_jobs WHERE status IN ('queued', 'running')`).get() as { n: number }).n;
  const drained = async () => {
    while (busy() > 0) await new Promise((r) => setTimeout(r, 20));
  };

  let worker = startWorker();
  try {
    // 1. Throughput, no limit.
    sql().exec(`UPDATE marketplace_settings SET calls_per_second = 100000, max_in_flight = 32`);
    await new Promise((r) => setTimeout(r, 1500)); // the worker reads its settings every 5 s at most; let it start
    let started = performance.now();
    publish(producerId, productIds, [...SANDBOX_CODES]);
    await drained();
    const publishSeconds = (performance.now() - started) / 1000;
    const listings = productIds.length * SANDBOX_CODES.length;
    const callsAtPublish = Object.values(sandboxes.markets).reduce((s, m) => s + m.stats.calls, 0);

    for (const m of Object.values(sandboxes.markets)) m.stats = { ...m.stats, calls: 0, firstAt: 0, lastAt: 0 };
    started = performance.now();
    sql().exec(`UPDATE products SET price = price + 1000 WHERE producer_id = ${producerId}`);
    await drained();
    const updateSeconds = (performance.now() - started) / 1000;
    console.log(`\nsync throughput (zero-latency sandboxes, ${PRODUCTS} products × 4 marketplaces, worker in its own process):`);
    console.log(`  publish: ${listings} listings in ${publishSeconds.toFixed(1)} s = ${Math.round(listings / publishSeconds)} listings/s (${callsAtPublish} marketplace calls, ${Math.round(callsAtPublish / publishSeconds)} calls/s)`);
    console.log(`  price change: ${listings} jobs in ${updateSeconds.toFixed(1)} s = ${Math.round(listings / updateSeconds)} jobs/s`);

    // 2. Rate limit share: with a one-second bucket (common), then a strict one (two calls).
    for (const burst of [RATE, 2]) {
      worker.kill("SIGTERM");
      await exited(worker);
      sql().exec(`UPDATE marketplace_settings SET calls_per_second = ${RATE}, max_in_flight = ${INFLIGHT}`);
      for (const m of Object.values(sandboxes.markets)) {
        m.options.ratePerSecond = RATE;
        m.options.burst = burst;
      }
      sql().exec(`UPDATE products SET price = price + 1000 WHERE producer_id = ${producerId}`);
      for (const m of Object.values(sandboxes.markets)) m.stats = { calls: 0, throttled: 0, injected5xx: 0, injectedTimeouts: 0, signatureErrors: 0, firstAt: 0, lastAt: 0 };
      worker = startWorker();
      await drained();
      console.log(`\nrate limit use: each shop limited to ${RATE} calls/s by its sandbox (bucket of ${burst}), the worker set to the same, ${INFLIGHT} jobs in flight per shop; ${PRODUCTS} price changes per shop:`);
      for (const code of SANDBOX_CODES) {
        const s = sandboxes.markets[code].stats;
        const seconds = (s.lastAt - s.firstAt) / 1000;
        const rate = seconds > 0 ? (s.calls - 1) / seconds : 0;
        console.log(`  ${code.padEnd(7)} ${s.calls} calls in ${seconds.toFixed(1)} s = ${rate.toFixed(2)}/s = ${((rate / RATE) * 100).toFixed(1)}% of the limit, ${s.throttled} throttled`);
      }
    }
  } finally {
    worker.kill("SIGTERM");
    await exited(worker);
    await sandboxes.close();
  }
}

function startWorker(): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, SYNC_POLL_MS: "20", SYNC_REVIEW_POLL_MS: "0", SYNC_LEASE_MS: "30000" },
  });
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
