// The benchmarks' databases, seeded once per `npm run bench` run.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const seeded = new Map<string, string>();

/**
 * A fresh database with the given size (no images), seeded on first use in this process;
 * BENCH_KEEP_DB=1 reuses one a previous run left in the temporary folder (seeding the large one takes minutes).
 */
export function benchDatabase(products: number, orders: number): string {
  const key = `${products}-${orders}`;
  let file = seeded.get(key);
  if (!file) {
    file = join(tmpdir(), `ocop-bench-${key}.sqlite`);
    if (process.env.BENCH_KEEP_DB === "1" && existsSync(file)) {
      seeded.set(key, file);
      return file;
    }
    const started = Date.now();
    execFileSync(
      "npx",
      ["tsx", "scripts/seed.ts", "--reset", "--no-images", "--products", String(products), "--orders", String(orders)],
      { stdio: "ignore", env: { ...process.env, DATABASE_URL: file } },
    );
    console.log(`seeded ${products} products, ${orders} orders in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    seeded.set(key, file);
  }
  return file;
}
