// The import's one transaction timed in-process: 20,000 new products, each with an OCOP certificate,
// written by the seller import's writer (apply-products.server.ts) on a copy of a seeded database.
// `benchImportWrite()` runs it three times, each in its own process on a fresh copy, and prints the
// median; run alone (`npx tsx scripts/bench/import-write.ts <seeded.sqlite>`) it prints one run's JSON.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { MAX_IMPORT_ROWS } from "../../app/imports/import-limits";
import type { GoodRow } from "../../app/seller/import/product-rows.server";

export function largestGoodRows(): GoodRow[] {
  const description = "Mật ong hoa nhãn nguyên chất, thu hoạch tại Đồng Tháp. ".repeat(6);
  return Array.from({ length: MAX_IMPORT_ROWS }, (_, i) => ({
    line: i + 2,
    group: `LW-${i + 1}`,
    product: { sku: `LW-${i + 1}`, name: `Mật ong ${i + 1}`, category: "mat-ong", unit: "hũ 500 g", weightGrams: 650, price: 150_000, stock: 5, status: "active", description },
    certificate: { kind: "ocop", stars: 3 + (i % 3), number: `${1000 + i}/QĐ-UBND`, issuer: "UBND tỉnh Đồng Tháp", issuedOn: "2025-03-15", issueProvince: "dong-thap" },
  }));
}

async function once(): Promise<{ ms: number; cpuMs: number }> {
  const { db, statement } = await import("../../app/db.server");
  const { applyProductRows } = await import("../../app/seller/import/apply-products.server");
  const producerId = statement<[], { id: number }>(`SELECT id FROM producers WHERE status = 'verified' ORDER BY id LIMIT 1`).get()!.id;
  const rows = largestGoodRows();
  const started = performance.now();
  const cpu = process.cpuUsage();
  const written = db().transaction((tx) => applyProductRows(tx, producerId, rows));
  const { user, system } = process.cpuUsage(cpu);
  const ms = performance.now() - started;
  if (written.createdProducts !== rows.length) throw new Error(`wrote ${written.createdProducts} of ${rows.length} products`);
  return { ms, cpuMs: (user + system) / 1000 };
}

/** Seeds a database, then times the transaction three times on fresh copies of it; the median. */
export function benchImportWrite(): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), "ocop-bench-import-write-"));
  try {
    const seeded = join(dir, "seeded.sqlite");
    const env = { ...process.env, DATABASE_URL: seeded, MEDIA_DIR: join(dir, "media"), SANDBOX_MODE: "1" };
    execFileSync("npx", ["tsx", "scripts/seed.ts", "--reset", "--no-images", "--orders", "0"], { stdio: "ignore", env });
    const runs: { ms: number; cpuMs: number }[] = [];
    for (let run = 0; run < 3; run++) {
      const copy = join(dir, `run-${run}.sqlite`);
      copyFileSync(seeded, copy);
      const out = execFileSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), copy], { env: { ...env, DATABASE_URL: copy } });
      runs.push(JSON.parse(out.toString()) as { ms: number; cpuMs: number });
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!.toFixed(0);
    return {
      write: `${MAX_IMPORT_ROWS} new products + ${MAX_IMPORT_ROWS} OCOP certificates, one transaction, in-process`,
      "median (ms)": median(runs.map((r) => r.ms)),
      "CPU, median (ms)": median(runs.map((r) => r.cpuMs)),
      "runs (ms)": runs.map((r) => r.ms.toFixed(0)).join(", "),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.env.DATABASE_URL = process.argv[2] ?? process.env.DATABASE_URL;
  console.log(JSON.stringify(await once()));
}
