// Checkout and payments: how long a checkout's transaction takes, how fast a webhook is applied
// and answered (providers retry slow endpoints), what the expiry job's scan costs, and the
// seller's order list, on the demo-sized data and on the national-sized one (1,000,000 orders).
import autocannon from "autocannon";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureBuild, startServer } from "./server";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 20;
const SIZES = [
  { label: "3,000 orders", products: 440, orders: 3000 },
  { label: "1,000,000 orders", products: 20000, orders: 1_000_000 },
];

type Worker = {
  checkout: Stat;
  webhookApply: Stat;
  webhookReplay: Stat;
  expiryScan: Stat;
  expireAll: { expired: number; ms: number; waiting: number };
  http: { ipnPath: string; stripeBody: string; stripeSignature: string; sellerCookie: string; sellerOrders: number; buyerCookie: string; buyerCheckout: string };
};
type Stat = { n: number; p50: number; p99: number; max: number };

async function load(opts: autocannon.Options) {
  await autocannon({ ...opts, connections: CONNECTIONS, duration: Math.min(3, SECONDS) }); // warm-up
  const r = await autocannon({ ...opts, connections: CONNECTIONS, duration: SECONDS });
  return { rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

export async function benchPayments(): Promise<void> {
  await ensureBuild();
  const inProcess: Record<string, unknown>[] = [];
  const http: Record<string, unknown>[] = [];
  for (const size of SIZES) {
    const db = join(tmpdir(), `ocop-bench-payments-${size.orders}.sqlite`);
    const started = Date.now();
    execFileSync("npx", ["tsx", "scripts/seed.ts", "--reset", "--no-images", "--products", String(size.products), "--orders", String(size.orders)], {
      stdio: "ignore",
      env: { ...process.env, DATABASE_URL: db },
    });
    console.log(`seeded ${size.label} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const w = JSON.parse(
      execFileSync(process.execPath, ["--import", "tsx", "scripts/bench/payments-worker.ts"], {
        env: { ...process.env, DATABASE_URL: db, NODE_ENV: "production" },
        maxBuffer: 16 * 1024 * 1024,
      }).toString(),
    ) as Worker;
    for (const [what, s] of [
      ["checkout (2 producers, COD): one transaction", w.checkout],
      ["webhook 'paid' applied (2 payments, 2 orders)", w.webhookApply],
      ["webhook replay (duplicate, no effect)", w.webhookReplay],
      ["expiry job scan, nothing due", w.expiryScan],
    ] as const) {
      inProcess.push({ size: size.label, what, n: s.n, "p50 ms": s.p50, "p99 ms": s.p99, "max ms": s.max });
    }
    inProcess.push({ size: size.label, what: `expiry job expiring ${w.expireAll.expired} payments`, n: 1, "p50 ms": w.expireAll.ms, "p99 ms": w.expireAll.ms, "max ms": w.expireAll.ms });

    // The server without its expiry timer, so only the requests are measured.
    process.env.EXPIRY_JOB_SECONDS = "0";
    const server = await startServer(db, Number(process.env.BENCH_PORT ?? 3440));
    try {
      const targets: [string, autocannon.Options][] = [
        ["VNPay IPN replay (answers 02)", { url: server.url + w.http.ipnPath }],
        ["Stripe webhook, signed, unknown session", { url: `${server.url}/api/stripe/webhook`, method: "POST", body: w.http.stripeBody, headers: { "Content-Type": "application/json", "Stripe-Signature": w.http.stripeSignature } }],
        ["Stripe webhook, forged signature (400)", { url: `${server.url}/api/stripe/webhook`, method: "POST", body: w.http.stripeBody, headers: { "Content-Type": "application/json", "Stripe-Signature": "t=1,v1=00" } }],
        [`seller's orders, page 1 (${w.http.sellerOrders} orders)`, { url: `${server.url}/kenh-nguoi-ban/don-hang`, headers: { Cookie: w.http.sellerCookie } }],
        ["buyer's order page", { url: `${server.url}/don-hang/${w.http.buyerCheckout}`, headers: { Cookie: w.http.buyerCookie } }],
      ];
      for (const [name, opts] of targets) {
        const r = await load(opts);
        // The forged one is meant to be refused: count its non-400s instead.
        http.push({ size: size.label, request: name, "req/s": r.rps, "p50 ms": r.p50, "p99 ms": r.p99, errors: name.includes("forged") ? "(400 expected)" : r.errors });
        console.log(`  ${name.padEnd(44)} ${String(r.rps).padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms`);
      }
    } finally {
      await server.stop();
      delete process.env.EXPIRY_JOB_SECONDS;
    }
  }
  console.log("\nIn process (synchronous better-sqlite3 transactions, one at a time):");
  console.table(inProcess);
  console.log(`\nOver HTTP (${CONNECTIONS} connections, ${SECONDS} s each, autocannon on the same 2 cores):`);
  console.table(http);
}
