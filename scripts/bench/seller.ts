// The seller's path on the national-sized database (20,000 products, 1,000,000 orders): an order
// status change through the production server as the busiest producer's browser does it (POST the
// order page's action, follow the redirect to the order page), one request at a time so that the
// time is the server's. On a copy of the database: the actions move orders for good.
import { copyFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { benchDatabase } from "./large-db";
import { ensureBuild, startServer } from "./server";
import { logInAs, postForm } from "./session";

const BASE_PORT = Number(process.env.BENCH_PORT ?? 3400);
/** The actions that move an order forward, in the order a producer uses them. */
const FORWARD = ["confirm", "ship", "deliver"];

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))]!;

export async function benchSeller(): Promise<void> {
  await ensureBuild();
  const file = join(tmpdir(), "ocop-bench-seller.sqlite");
  copyFileSync(benchDatabase(20_000, 1_000_000), file);
  const raw = new Database(file, { readonly: true });
  const codes = raw
    .prepare(
      `SELECT o.code FROM orders o JOIN users u ON u.producer_id = o.producer_id
       WHERE u.email = 'htx@ocop.vn' AND o.channel = 'storefront' AND o.status IN ('placed', 'confirmed', 'shipped') ORDER BY o.id`,
    )
    .all()
    .map((r) => (r as { code: string }).code);
  raw.close();
  const server = await startServer(file, BASE_PORT + 5);
  const action: number[] = [];
  const page: number[] = [];
  try {
    const seller = await logInAs(server.url, "htx@ocop.vn");
    for (const code of codes) {
      for (;;) {
        const path = `/kenh-nguoi-ban/don-hang/${code}`;
        const html = await (await fetch(server.url + path, { headers: { Cookie: seller.cookie } })).text();
        const intent = [...html.matchAll(/name="intent" value="([a-z_]+)"/g)].map((m) => m[1]!).find((i) => FORWARD.includes(i));
        if (!intent) break;
        const form = new FormData();
        form.set("intent", intent);
        let started = performance.now();
        const posted = await postForm(seller, path, form);
        action.push(performance.now() - started);
        if (posted.status !== 302 || !posted.location) throw new Error(`${intent} on ${code}: ${posted.status}`);
        started = performance.now();
        await (await fetch(server.url + posted.location, { headers: { Cookie: seller.cookie } })).text();
        page.push(performance.now() - started);
      }
    }
  } finally {
    await server.stop();
    rmSync(file, { force: true });
    rmSync(`${file}-wal`, { force: true });
    rmSync(`${file}-shm`, { force: true });
  }
  if (action.length === 0) throw new Error("no order of htx@ocop.vn to move forward");
  const row = (what: string, xs: number[]) => ({ what, n: xs.length, first: Math.round(xs[0]!), p50: Math.round(quantile(xs, 0.5)), p90: Math.round(quantile(xs, 0.9)), max: Math.round(Math.max(...xs)) });
  console.log("\nSeller: an order status change (confirm, ship, deliver) on the national-sized database, one request at a time, ms:");
  console.table([row("POST the action (answers 302)", action), row("GET the order page it redirects to", page)]);
}
