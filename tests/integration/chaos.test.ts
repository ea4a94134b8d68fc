// The chaos test: 500 products published to four marketplaces whose sandboxes answer 20% of
// calls with a 5xx, throttle 10%, let 5% time out (half of those after doing the work) and
// half-fail 10% of batch price/stock updates, while prices and stock keep changing and the
// worker process is SIGKILLed three times. At the end every product is listed exactly once on
// every marketplace, each sandbox's price and stock equal the app's, and no job holds a lease.
// Bounded: it fails if the queue has not drained within CHAOS_LIMIT_MS.
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { publish } from "~/marketplaces/publish.server";
import { SANDBOX_CODES, sandboxEnv, startSandboxes, type Sandboxes } from "../../scripts/sandbox";
import { connectShops, seedConnectorProducer } from "../../scripts/fixtures/connector";

const CODES = [...SANDBOX_CODES];
const PRODUCTS = Number(process.env.CHAOS_PRODUCTS ?? 500);
const CHAOS_LIMIT_MS = 150_000;
const sql = () => db().$client;

let sandboxes: Sandboxes;
let producerId: number;
let productIds: number[];
let worker: ChildProcess | null = null;
const workerLog: string[] = [];

function startWorkerProcess(): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    env: {
      ...process.env,
      ...sandboxEnv(sandboxes.urls),
      NODE_ENV: "production",
      DATABASE_URL: env().DATABASE_URL,
      MEDIA_DIR: env().MEDIA_DIR,
      SYNC_LEASE_MS: "2000",
      SYNC_POLL_MS: "50",
      SYNC_BACKOFF_BASE_MS: "50",
      SYNC_BACKOFF_CAP_MS: "1000",
      SYNC_MAX_ATTEMPTS: "40",
      SYNC_HTTP_TIMEOUT_MS: "1000",
      SYNC_REVIEW_POLL_MS: "200",
      SYNC_THROTTLE_PAUSE_MS: "10",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d: Buffer) => workerLog.push(d.toString()));
  child.stderr!.on("data", (d: Buffer) => workerLog.push(d.toString()));
  return child;
}

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: string | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once("exit", (code, signal) => resolve({ code, signal }));
  });

const count = (query: string): number => (sql().prepare(query).get() as { n: number }).n;
const settled = () => count(`SELECT count(*) AS n FROM listings WHERE status <> 'pending' AND status <> 'in_review'`);
const busyJobs = () => count(`SELECT count(*) AS n FROM sync_jobs WHERE status IN ('queued', 'running')`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  sandboxes = await startSandboxes({
    port: 0,
    options: { reviewMs: 200, hangMs: 2_500, retryAfterSeconds: 0, faults: { error5xx: 0.2, throttle: 0.1, timeout: 0.05, partial: 0.1 } },
  });
  Object.assign(process.env, sandboxEnv(sandboxes.urls));
  ({ producerId, productIds } = await seedConnectorProducer(PRODUCTS));
  // Fault injection off while connecting (the OAuth exchange is not what this test is about).
  for (const m of Object.values(sandboxes.markets)) m.options.faults = { error5xx: 0, throttle: 0, timeout: 0, partial: 0 };
  await connectShops(producerId, sandboxes.urls, CODES);
  for (const m of Object.values(sandboxes.markets)) m.options.faults = { error5xx: 0.2, throttle: 0.1, timeout: 0.05, partial: 0.1 };
  sql().exec(`UPDATE marketplace_settings SET calls_per_second = 400, max_in_flight = 24`);
}, 60_000);

afterAll(async () => {
  if (worker && worker.exitCode === null) worker.kill("SIGKILL");
  await sandboxes?.close();
});

describe("chaos", () => {
  it(
    "lists every product exactly once everywhere with the app's price and stock, through faults and three SIGKILLs",
    async () => {
      const result = publish(producerId, productIds, CODES);
      expect(result.queued).toBe(PRODUCTS * CODES.length);
      const total = PRODUCTS * CODES.length;
      const started = Date.now();
      worker = startWorkerProcess();
      let kills = 0;
      const killAt = [0.2, 0.45, 0.7];
      while (busyJobs() > 0 || settled() < total) {
        if (Date.now() - started > CHAOS_LIMIT_MS) throw new Error(`not drained in time: ${settled()}/${total}\n${workerLog.slice(-20).join("")}`);
        if (kills < killAt.length && settled() >= total * killAt[kills]!) {
          worker.kill("SIGKILL");
          expect((await exited(worker)).signal).toBe("SIGKILL");
          kills++;
          // Edits keep arriving while the worker is down: price and stock of a fifth of the products.
          const edit = sql().prepare(`UPDATE products SET price = price + 500, stock = stock + ? WHERE id = ?`);
          sql().transaction(() => {
            for (const id of productIds.filter((_, i) => i % 5 === kills)) edit.run(kills, id);
          })();
          worker = startWorkerProcess();
        }
        if (process.env.CHAOS_TRACE && (Date.now() - started) % 1000 < 100) console.log(`${Math.round((Date.now() - started) / 1000)}s settled ${settled()} busy ${busyJobs()} kills ${kills} ${JSON.stringify(sql().prepare(`SELECT m.code, l.status, count(*) n FROM listings l JOIN marketplaces m ON m.id = l.marketplace_id WHERE l.status IN ('pending','in_review') GROUP BY 1, 2`).all())}`);
        await sleep(100);
      }
      expect(kills).toBe(3);

      // A clean stop: SIGTERM ends the worker with exit code 0.
      worker.kill("SIGTERM");
      expect((await exited(worker)).code).toBe(0);

      expect(count(`SELECT count(*) AS n FROM sync_jobs WHERE status = 'running' OR lease_id IS NOT NULL`)).toBe(0);
      expect(count(`SELECT count(*) AS n FROM sync_jobs WHERE status = 'dead'`)).toBe(0);
      expect(count(`SELECT count(*) AS n FROM listings WHERE status <> 'live'`)).toBe(0);
      const products = new Map(
        (sql().prepare(`SELECT id, price, stock FROM products WHERE producer_id = ?`).all(producerId) as { id: number; price: number; stock: number }[]).map((p) => [
          `OCOP-${p.id}`,
          p,
        ]),
      );
      for (const code of CODES) {
        const market = sandboxes.markets[code];
        expect(market.duplicates(), code).toEqual([]);
        const items = Object.values(market.state.shops).flatMap((s) => Object.values(s.items)).filter((i) => i.status !== "rejected");
        expect(items.length, code).toBe(PRODUCTS);
        for (const item of items) {
          const p = products.get(item.sku)!;
          expect({ sku: item.sku, price: item.price, stock: item.stock }, code).toEqual({ sku: item.sku, price: p.price, stock: p.stock });
        }
        // The faults really happened.
        expect(market.stats.injected5xx, code).toBeGreaterThan(50);
        expect(market.stats.injectedTimeouts, code).toBeGreaterThan(5);
        expect(market.stats.throttled, code).toBeGreaterThan(20);
      }
    },
    CHAOS_LIMIT_MS + 30_000,
  );
});
