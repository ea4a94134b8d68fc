// Catalogue pages under load: requests per second and latency of the product list and
// search, on the demo-sized catalogue and on the national-sized one (20,000 products,
// 1,000,000 orders), so the two can be compared in one run.
import autocannon from "autocannon";
import { benchDatabase } from "./large-db";
import { ensureBuild, startServer } from "./server";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 20;

const SIZES = [
  { label: "400 products", products: 400, orders: 2000 },
  { label: "20,000 products", products: 20000, orders: 1_000_000 },
];

const PAGES = [
  { name: "list, page 1", path: "/san-pham" },
  { name: "list, page 20, by price", path: "/san-pham?page=20&sort=price_asc" },
  { name: "list, province + 4★", path: "/san-pham?province=dong-thap&stars=4" },
  { name: "search 'nuoc mam'", path: "/san-pham?q=nuoc+mam" },
  { name: "search 'tra' (prefix, many hits)", path: "/san-pham?q=tra" },
];

type Row = { size: string; page: string; rps: number; p50: number; p99: number; errors: number };

async function load(url: string): Promise<Omit<Row, "size" | "page">> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

export async function benchCatalog(): Promise<void> {
  await ensureBuild();
  const rows: Row[] = [];
  for (const size of SIZES) {
    const db = benchDatabase(size.products, size.orders);
    const server = await startServer(db, Number(process.env.BENCH_PORT ?? 3400) + SIZES.indexOf(size));
    try {
      for (const page of PAGES) {
        await load(server.url + page.path); // warm-up pass, not recorded
        rows.push({ size: size.label, page: page.name, ...(await load(server.url + page.path)) });
        const r = rows[rows.length - 1]!;
        console.log(`  ${page.name.padEnd(34)} ${String(r.rps).padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  errors ${r.errors}`);
      }
    } finally {
      await server.stop();
    }
  }
  console.log(`\nCatalogue under load (${CONNECTIONS} connections, ${SECONDS} s each, autocannon on the same 2 cores):`);
  console.table(rows);
  const [small, large] = SIZES.map((s) => rows.find((r) => r.size === s.label && r.page === PAGES[0]!.name)!);
  console.log(`product list slowdown from ${SIZES[0]!.label} to ${SIZES[1]!.label}: ${(small!.rps / large!.rps).toFixed(2)}x (must stay under 2x)`);
}
