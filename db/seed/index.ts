// The deterministic seed: same options, same rows (password hashes aside: argon2 salts are
// random). Everything is dated relative to `today`, drawn from named PRNG streams, and
// written with raw prepared statements in a few transactions.
import type { Db } from "../client";
import { ROLLUP_TRIGGER_PREFIX } from "../rollups";
import { withSalesRollup } from "./sales-rollup";
import { generatePlaceholderImages, type ImageStore, type PlaceholderImage } from "./images";
import { generateListings } from "./listings";
import { loadReference } from "./model";
import { generateOrders } from "./orders";
import { buildCommunes, generateProducers } from "./producers";
import { generateCertifications, generateProducts } from "./products";
import { insertRegistryEntries } from "./registry";
import { isDay } from "./text";
import { buildTargets } from "./targets";
import { DEMO_LOGINS, DEMO_PASSWORD, assignVerifiers, buildProducerMembers, buildStaffAndShoppers } from "./users";
import {
  insertCertifications,
  insertCommunes,
  insertListings,
  insertProducers,
  insertProductImages,
  insertProducts,
  insertTargets,
  insertUsers,
  orderSink,
} from "./write";

export { DEMO_LOGINS, DEMO_PASSWORD, type DemoLogin } from "./users";
export type { ImageStore, StoredImage } from "./images";
export { localDay, isDay } from "./text";

export const SEED_DEFAULTS = { products: 440, orders: 3000, today: "2026-11-20" } as const;

export type SeedOptions = {
  /** Products in all (default 440: the demo set; more adds producers, ~1 per 7 products, over all provinces). */
  products?: number;
  /** Orders in all (default 3000). */
  orders?: number;
  /** The anchor day "yyyy-MM-dd": nothing is dated after 09:00 of it in Vietnam. */
  today?: string;
  /** Months of order history before `today` (default 6, or 24 above 50,000 orders). */
  orderMonths?: number;
  /** Where placeholder photos go; null: no images at all. */
  mediaDir: string | null;
  /** How images are stored: app/photos/image-variants.server.ts (required with a mediaDir). */
  imageStore?: ImageStore;
  /** app/auth/password.server.ts's hashPassword; called once per demo login and once for everyone else. */
  hashPassword: (password: string) => Promise<string>;
  /** Progress lines (default: silent). */
  log?: (line: string) => void;
};

export const SEEDED_TABLES = [
  "communes",
  "producers",
  "users",
  "products",
  "certifications",
  "ocop_registry_entries",
  "product_images",
  "marketplace_accounts",
  "listings",
  "listing_events",
  "orders",
  "order_items",
  "payments",
  "payment_events",
  "province_targets",
] as const;

export type SeedSummary = {
  counts: Record<(typeof SEEDED_TABLES)[number], number>;
  /** Milliseconds per phase and in all. */
  timings: { images: number; hashing: number; catalog: number; orders: number; total: number };
  options: { products: number; orders: number; today: string; orderMonths: number; images: boolean };
};

export async function seed(db: Db, options: SeedOptions): Promise<SeedSummary> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const products = options.products ?? SEED_DEFAULTS.products;
  const orders = options.orders ?? SEED_DEFAULTS.orders;
  const today = options.today ?? SEED_DEFAULTS.today;
  const orderMonths = options.orderMonths ?? (orders > 50_000 ? 24 : 6);
  if (!isDay(today)) throw new Error(`today must be a "yyyy-MM-dd" date, got ${today}`);
  if (!Number.isInteger(products) || products < 1) throw new Error("products must be a positive integer");
  if (!Number.isInteger(orders) || orders < 0) throw new Error("orders must be a non-negative integer");
  if (!Number.isInteger(orderMonths) || orderMonths < 1 || orderMonths > 24) throw new Error("orderMonths must be 1-24");
  if (options.mediaDir !== null && !options.imageStore) throw new Error("a mediaDir needs an imageStore");

  const client = db.$client;
  const existing = client.prepare("select (select count(*) from producers) + (select count(*) from users) as n").get() as { n: number };
  if (existing.n > 0) throw new Error("the database already has producers or users: seed an empty one");

  // Generate the catalogue in memory.
  const ref = loadReference(db);
  const communes = buildCommunes(ref);
  const producers = generateProducers(ref, communes, { products, today });
  for (const p of producers) {
    const login = DEMO_LOGINS.find((d) => d.email === p.loginEmail);
    if (login) p.contactName = login.name;
  }
  const staff = buildStaffAndShoppers(ref, { today });
  const members = buildProducerMembers(producers, staff.length + 1);
  assignVerifiers(producers, staff);
  const productRows = generateProducts(ref, producers, { today });
  const certs = generateCertifications(ref, productRows, { today });
  const { accounts, listings } = generateListings(ref, producers, productRows, { today });
  const targets = buildTargets(ref);

  // The slow, asynchronous parts before the synchronous transactions.
  let t = performance.now();
  let designs = new Map<string, PlaceholderImage[]>();
  if (options.mediaDir !== null) {
    designs = await generatePlaceholderImages(options.imageStore!, options.mediaDir);
    log(`images: ${[...designs.values()].flat().length} placeholder designs in ${options.mediaDir}`);
  }
  const imagesMs = performance.now() - t;
  t = performance.now();
  const demoHashes = new Map<string, string>();
  for (const login of DEMO_LOGINS) demoHashes.set(login.email, await options.hashPassword(login.password));
  const shared = await options.hashPassword(DEMO_PASSWORD);
  const hashingMs = performance.now() - t;

  t = performance.now();
  client.transaction(() => {
    insertCommunes(client, communes);
    insertUsers(client, staff, { demo: demoHashes, shared });
    insertProducers(client, producers);
    insertUsers(client, members, { demo: demoHashes, shared });
    insertProducts(client, productRows);
    insertCertifications(client, certs);
    insertRegistryEntries(client);
    insertProductImages(client, productRows, designs);
    insertListings(client, accounts, listings);
    insertTargets(client, targets);
  })();
  const catalogMs = performance.now() - t;
  log(`catalogue: ${producers.length} producers, ${productRows.length} products in ${Math.round(catalogMs)} ms`);

  t = performance.now();
  const shoppers = staff.filter((u) => u.role === "shopper");
  if (orders > 0) {
    const restore = bulkLoadPragmas(client);
    try {
      client.transaction(() => {
        // Building the secondary indexes once at the end (a sort) beats updating them per row;
        // in the same transaction, so a failure leaves them as they were.
        const indexes = client
          .prepare(
            `select name, sql from sqlite_master where type = 'index' and sql is not null and sql not like 'CREATE UNIQUE%'
             and tbl_name in ('orders', 'order_items', 'payments', 'payment_events') order by name`,
          )
          .all() as { name: string; sql: string }[];
        for (const ix of indexes) client.exec(`DROP INDEX "${ix.name}"`);
        // The rollup triggers would update sales_daily per row: rebuilt once from the result instead.
        const triggers = client
          .prepare(`select name, sql from sqlite_master where type = 'trigger' and name like '${ROLLUP_TRIGGER_PREFIX}%'`)
          .all() as { name: string; sql: string }[];
        for (const tr of triggers) client.exec(`DROP TRIGGER "${tr.name}"`);
        const rollup = withSalesRollup(orderSink(client));
        generateOrders(ref, producers, productRows, listings, shoppers, { count: orders, months: orderMonths, today }, rollup.sink);
        const rebuild = performance.now();
        for (const ix of indexes) client.exec(ix.sql);
        log(`orders: ${indexes.length} indexes rebuilt in ${Math.round(performance.now() - rebuild)} ms`);
        const rollupStarted = performance.now();
        const buckets = rollup.write(client);
        for (const tr of triggers) client.exec(tr.sql);
        log(`orders: sales rollup of ${buckets} buckets written in ${Math.round(performance.now() - rollupStarted)} ms`);
        // Foreign keys were off for speed: check what was written, and roll back if anything dangles.
        const fk = performance.now();
        for (const table of ["orders", "order_items", "payments", "payment_events"]) {
          const bad = client.prepare(`PRAGMA foreign_key_check("${table}")`).all();
          if (bad.length > 0) throw new Error(`seed bug: ${bad.length} dangling foreign keys in ${table}, e.g. ${JSON.stringify(bad[0])}`);
        }
        log(`orders: foreign keys checked in ${Math.round(performance.now() - fk)} ms`);
      })();
    } finally {
      restore();
    }
  }
  const ordersMs = performance.now() - t;
  log(`orders: ${orders} in ${Math.round(ordersMs)} ms`);

  const counts = Object.fromEntries(
    SEEDED_TABLES.map((table) => [table, (client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n]),
  ) as SeedSummary["counts"];
  return {
    counts,
    timings: { images: imagesMs, hashing: hashingMs, catalog: catalogMs, orders: ordersMs, total: performance.now() - started },
    options: { products, orders, today, orderMonths, images: options.mediaDir !== null },
  };
}

/**
 * For the order bulk load: foreign keys off (checked afterwards with foreign_key_check) and,
 * on a file in WAL mode, a rollback journal (new pages are not journaled, and nothing is
 * written twice through the WAL). Returns a function that puts both back.
 */
function bulkLoadPragmas(client: Db["$client"]): () => void {
  const foreignKeys = client.pragma("foreign_keys", { simple: true }) as number;
  const journal = client.pragma("journal_mode", { simple: true }) as string;
  client.pragma("foreign_keys = OFF");
  let switched = false;
  if (journal === "wal") {
    try {
      switched = (client.pragma("journal_mode = DELETE", { simple: true }) as string) === "delete";
    } catch {
      // Another connection has the file open: stay in WAL mode.
    }
  }
  return () => {
    if (switched) client.pragma("journal_mode = WAL");
    client.pragma(`foreign_keys = ${foreignKeys ? "ON" : "OFF"}`);
  };
}
