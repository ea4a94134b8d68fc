// Catalogue pages under load, against the bare baseline measured in the same run: node:http and
// better-sqlite3 alone answering the list's first page as minimal HTML from the same database
// (./bare-server.ts). Each page's throughput is printed as a share of it. On the national-sized
// catalogue (20,000 products, 1,000,000 orders): anonymous pages as served (the page cache on),
// the same pages rendered every time (PAGE_CACHE_MB=0: the render's own cost), and a signed-in
// shopper's cart; on the demo-sized one, the rendered list for the 400 → 20,000 slowdown. Every
// request says what a browser says it takes (gzip, br…); each row also gives the server process's
// CPU time per request, the figure that holds when other work on the machine swings the others.
import autocannon from "autocannon";
import { spawn } from "node:child_process";
import { benchDatabase } from "./large-db";
import { ensureBuild, startServer, type RunningServer } from "./server";
import { jsWeight } from "./js-weight";
import { cpuMs } from "./cpu";
import { logInAs } from "./session";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const WARM_UP = Math.min(3, SECONDS);
const CONNECTIONS = 50;
const BASE_PORT = Number(process.env.BENCH_PORT ?? 3400);

/** What a browser says it takes (the bare baseline ignores it; the app's pages come gzipped or brotli'd). */
const BROWSER = { "Accept-Encoding": "gzip, deflate, br, zstd" };

type Row = { set: string; page: string; rps: number; share: string; p50: number; p99: number; cpuMsPerRequest: string; cpuShare: string; errors: number };

/** Load from autocannon, and the CPU time the server process spent per request meanwhile. */
async function load(server: RunningServer, path: string, headers: Record<string, string> = {}, duration = SECONDS) {
  const before = cpuMs(server.pid);
  const result = await autocannon({ url: server.url + path, connections: CONNECTIONS, duration, headers: { ...BROWSER, ...headers } });
  const after = cpuMs(server.pid);
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuMsPerRequest: before === null || after === null || result.requests.total === 0 ? "?" : ((after - before) / result.requests.total).toFixed(3),
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

async function startBare(database: string, port: number): Promise<RunningServer> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/bench/bare-server.ts", database, String(port)], {
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (i === 300) throw new Error("bare server not ready after 30 s");
    if (await fetch(url).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, pid: child.pid!, stop: () => new Promise((resolve) => (child.exitCode !== null ? resolve() : (child.once("exit", () => resolve()), process.kill(-child.pid!, "SIGTERM")))) };
}

/** Paths of one product (the list's first card) and of its producer. */
async function samplePaths(url: string): Promise<{ product: string; producer: string }> {
  const product = /href="(\/san-pham\/[a-z0-9-]+)"/.exec(await (await fetch(`${url}/san-pham`)).text())?.[1];
  if (!product) throw new Error("no product link on the list page");
  const producer = /href="(\/nha-san-xuat\/[a-z0-9-]+)"/.exec(await (await fetch(url + product)).text())?.[1];
  if (!producer) throw new Error("no producer link on the product page");
  return { product, producer };
}

export async function benchCatalog(): Promise<void> {
  await ensureBuild();
  const rows: Row[] = [];
  let baseline = 0;
  let baselineCpu = 0;
  const record = async (set: string, page: string, server: RunningServer, path: string, headers: Record<string, string> = {}) => {
    await load(server, path, headers, WARM_UP); // warm-up, not recorded
    const r = await load(server, path, headers);
    const share = baseline > 0 ? (r.rps / baseline).toFixed(2) : "1.00";
    // The CPU share: the bare baseline's CPU per request over the page's (1.00 costs the server what bare does).
    const cpu = Number(r.cpuMsPerRequest);
    if (baselineCpu === 0 && cpu > 0) baselineCpu = cpu;
    const cpuShare = cpu > 0 ? (baselineCpu / cpu).toFixed(2) : "?";
    rows.push({ set, page, share, cpuShare, ...r });
    console.log(`  ${set.padEnd(22)} ${page.padEnd(34)} ${String(r.rps).padStart(6)} req/s  ${share.padStart(5)} of bare  p50 ${r.p50} ms  p99 ${r.p99} ms  CPU ${r.cpuMsPerRequest} ms/req (${cpuShare} of bare)  errors ${r.errors}`);
    return r;
  };

  // The national-sized catalogue.
  const large = benchDatabase(20000, 1_000_000);
  const bare = await startBare(large, BASE_PORT + 4);
  try {
    baseline = (await record("bare node:http", "list, page 1 (same 24 cards)", bare, "/")).rps;
  } finally {
    await bare.stop();
  }
  const anonymousPages = async (set: string, server: RunningServer, all: boolean) => {
    const { product, producer } = await samplePaths(server.url);
    const pages = [
      { name: "list, page 1", path: "/san-pham" },
      ...(all ? [{ name: "list, page 20, by price", path: "/san-pham?page=20&sort=price_asc" }] : []),
      ...(all ? [{ name: "list, province + 4★", path: "/san-pham?province=dong-thap&stars=4" }] : []),
      { name: "search 'nuoc mam'", path: "/san-pham?q=nuoc+mam" },
      ...(all ? [{ name: "search 'tra' (8,500 hits)", path: "/san-pham?q=tra" }] : []),
      { name: "product page", path: product },
      { name: "home", path: "/" },
      ...(all ? [{ name: "producer page", path: producer }] : []),
    ];
    for (const p of pages) await record(set, p.name, server, p.path);
  };

  const cached = await startServer(large, BASE_PORT);
  try {
    await anonymousPages("anonymous", cached, true);
    const shopper = await logInAs(cached.url, "khach@ocop.vn");
    const { product } = await samplePaths(cached.url);
    const id = /name="productId" value="(\d+)"/.exec(await (await fetch(cached.url + product)).text())?.[1];
    if (!id) throw new Error("no add-to-cart form on the product page");
    const added = await fetch(`${cached.url}/gio-hang`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: shopper.cookie, Origin: cached.url },
      // "update", not "add": the same line of 2 however many runs reuse the database (BENCH_KEEP_DB=1).
      body: new URLSearchParams({ csrf: shopper.csrf, intent: "update", productId: id, quantity: "2" }),
    });
    if (added.status !== 302) throw new Error(`add to cart failed (${added.status})`);
    await record("signed-in shopper", "cart", cached, "/gio-hang", { Cookie: shopper.cookie });
    await record("signed-in shopper", "list, page 1", cached, "/san-pham", { Cookie: shopper.cookie });
  } finally {
    await cached.stop();
  }

  const rendered = await startServer(large, BASE_PORT + 1, { PAGE_CACHE_MB: "0" });
  try {
    await anonymousPages("rendered (no page cache)", rendered, false);
  } finally {
    await rendered.stop();
  }

  // The baseline again: on a shared machine it drifts during the run; both figures are printed.
  const bareAgain = await startBare(large, BASE_PORT + 4);
  try {
    await record("bare node:http, again", "list, page 1 (same 24 cards)", bareAgain, "/");
  } finally {
    await bareAgain.stop();
  }

  // The demo-sized catalogue: how the rendered list scales with the catalogue.
  const small = await startServer(benchDatabase(400, 2000), BASE_PORT + 2, { PAGE_CACHE_MB: "0" });
  let smallList: Row | undefined;
  try {
    await record("400 products, rendered", "list, page 1", small, "/san-pham");
    smallList = rows[rows.length - 1];
  } finally {
    await small.stop();
  }

  console.log(`\nCatalogue under load (${CONNECTIONS} connections, ${SECONDS} s each after ${WARM_UP} s of warm-up, autocannon on the same cores):`);
  console.table(rows);
  const largeList = rows.find((r) => r.set.startsWith("rendered") && r.page === "list, page 1");
  if (smallList && largeList) {
    console.log(`rendered list slowdown from 400 to 20,000 products: ${(smallList.rps / largeList.rps).toFixed(2)}x (must stay under 2x)`);
  }
  const cart = rows.find((r) => r.set === "signed-in shopper" && r.page === "cart");
  if (cart) console.log(`signed-in cart: ${cart.share} of bare in throughput, ${cart.cpuShare} of bare in server CPU per request (goal: at least 0.25)`);
  console.log("\nJavaScript a shopper's browser downloads (gzipped kB; goal: at most 100 on list and product pages):");
  console.table(jsWeight(["routes/storefront/_index", "routes/storefront/san-pham._index", "routes/storefront/san-pham.$slug", "routes/storefront/gio-hang"]));
}
