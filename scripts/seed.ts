// Seeds the database with deterministic demo data (or a large data set for benchmarks).
//
//   npx tsx scripts/seed.ts [--products N] [--orders N] [--reset] [--no-images] [--today yyyy-MM-dd] [--order-months N]
//
// DATABASE_URL (default db/data/ocop.sqlite) and MEDIA_DIR (default db/data/media) come from
// the environment. A database that already has producers is refused unless --reset, which
// deletes the file (and its -wal/-shm) first. Media files are content-addressed and kept.
import { existsSync, rmSync } from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { hashPassword } from "../app/auth/password.server";
import { storeAvifVariants, storeWebpVariants } from "../app/photos/image-variants.server";
import { openDatabase } from "../db/client";
import { DEMO_LOGINS, SEED_DEFAULTS, isDay, seed } from "../db/seed";

const USAGE = `usage: npx tsx scripts/seed.ts [--products N] [--orders N] [--reset] [--no-images] [--today yyyy-MM-dd] [--order-months N]
  --products N       products in all (default ${SEED_DEFAULTS.products}; more adds ~1 producer per 7 products)
  --orders N         orders in all (default ${SEED_DEFAULTS.orders})
  --today DAY        the anchor day nothing is dated after (default ${SEED_DEFAULTS.today})
  --order-months N   months of order history (default 6, or 24 above 50,000 orders)
  --no-images        no placeholder photos and no product_images rows
  --reset            delete the database file first
  --if-empty         seed only a database without producers; otherwise print the logins and stop
env: DATABASE_URL (default db/data/ocop.sqlite), MEDIA_DIR (default db/data/media)`;

const count = (min: number) => z.coerce.number().int().min(min);
const ArgsSchema = z.object({
  products: count(1).default(SEED_DEFAULTS.products),
  orders: count(0).default(SEED_DEFAULTS.orders),
  today: z.string().refine(isDay, "expected a date yyyy-MM-dd").default(SEED_DEFAULTS.today),
  "order-months": count(1).max(24).optional(),
  "no-images": z.boolean().default(false),
  reset: z.boolean().default(false),
  "if-empty": z.boolean().default(false),
  help: z.boolean().default(false),
});

const EnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .min(1)
    .default("db/data/ocop.sqlite")
    .refine((v) => !/^[a-z]+:\/\//i.test(v), "DATABASE_URL is a file path, not a URL"),
  MEDIA_DIR: z.string().min(1).default("db/data/media"),
});

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function parse() {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({
      options: {
        products: { type: "string" },
        orders: { type: "string" },
        today: { type: "string" },
        "order-months": { type: "string" },
        "no-images": { type: "boolean" },
        reset: { type: "boolean" },
        "if-empty": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }
  const args = ArgsSchema.safeParse(values);
  if (!args.success) fail(`${args.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n")}\n${USAGE}`);
  const env = EnvSchema.safeParse(process.env);
  if (!env.success) fail(env.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n"));
  return { args: args.data, env: env.data };
}

async function main() {
  const { args, env } = parse();
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const started = performance.now();
  const file = env.DATABASE_URL;
  if (args.reset && file !== ":memory:") {
    for (const suffix of ["", "-wal", "-shm"]) if (existsSync(file + suffix)) rmSync(file + suffix);
  }
  const db = openDatabase(file);
  const { n } = db.$client.prepare("select count(*) as n from producers").get() as { n: number };
  if (n > 0) {
    db.$client.close();
    if (args["if-empty"]) {
      console.log(`${file} already has data (${n} producers): not seeding.`);
      printLogins();
      return;
    }
    console.error(`${file} already has ${n} producers: run with --reset to start over.`);
    process.exit(1);
  }

  const summary = await seed(db, {
    products: args.products,
    orders: args.orders,
    today: args.today,
    orderMonths: args["order-months"],
    mediaDir: args["no-images"] ? null : env.MEDIA_DIR,
    imageStore: { storeWebpVariants, storeAvifVariants },
    hashPassword,
    log: (line) => console.log(`  ${line}`),
  });
  db.$client.pragma("optimize");
  db.$client.close();
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

  console.log(`\nSeeded ${file}${summary.options.images ? ` (images in ${env.MEDIA_DIR})` : " (no images)"}, anchor day ${summary.options.today}:`);
  const width = Math.max(...Object.keys(summary.counts).map((k) => k.length));
  for (const [table, rows] of Object.entries(summary.counts)) console.log(`  ${table.padEnd(width)}  ${rows.toLocaleString("en-US").padStart(10)}`);
  const { images, hashing, catalog, orders } = summary.timings;
  console.log(
    `Time: ${seconds(performance.now() - started)} in all (images ${seconds(images)}, password hashing ${seconds(hashing)}, ` +
      `catalogue ${seconds(catalog)}, orders ${seconds(orders)})`,
  );
  printLogins();
}

function printLogins() {
  console.log("\nDemo logins:");
  const emailWidth = Math.max(...DEMO_LOGINS.map((d) => d.email.length));
  const roleWidth = Math.max(...DEMO_LOGINS.map((d) => d.role.length));
  for (const d of DEMO_LOGINS) console.log(`  ${d.email.padEnd(emailWidth)}  ${d.password}  ${d.role.padEnd(roleWidth)}  ${d.sees}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
