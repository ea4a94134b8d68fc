// One owner per table (issue 14): every INSERT/UPDATE/DELETE of a table, in raw SQL or through
// drizzle, happens in the module that owns it; other rooms call that module. This test reads the
// source and fails on any write of a table outside its owner, and on any table without an owner.
//
// What it reads: every .ts/.tsx file under app/ and scripts/, except those in EXCLUDED below
// (sandboxes and benchmarks, each with its reason). db/ is not read: db/migrations holds the
// database's own rules (triggers keep the search index, rollups, counters, product history and
// the sync queue), and db/seed and db/reference write demo and reference data into a fresh
// database before any module runs.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { getTableName, is } from "drizzle-orm";
import { SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import * as schema from "#db/schema";

/**
 * Table → the one file that may write it (paths from the project root); null for a table written
 * only by triggers, the seeder or the reference data. Edit here when a module moves. A room that
 * needs to change another room's table calls the owner's function (orders take stock through
 * the products owner, a marketplace order enters through the orders module, and so on).
 */
export const OWNERS: Record<string, string | null> = {
  // places and people
  provinces: null,
  communes: "app/places/communes.server.ts",
  // Sign-up (pending), the registry (unclaimed), verification (verified, a claim merged): app/seller/producer-profile.server.ts's functions.
  producers: "app/seller/producer-profile.server.ts",
  // Sign-up, an accepted invitation, a member taken out: app/auth/accounts.server.ts's functions.
  users: "app/auth/accounts.server.ts",
  sessions: "app/auth/session.server.ts",
  producer_invitations: "app/auth/invitations.server.ts",
  // catalogue
  categories: null,
  // The seller centre, the product sheet, the OCOP registry, a verified claim, and the stock orders move.
  products: "app/seller/seller-products.server.ts",
  products_fts: null,
  // The seller centre's form, the product sheet and the OCOP registry.
  certifications: "app/seller/certificates.server.ts",
  // The seller centre's photos, a duplicated product's copies, the AVIF queue's "ready".
  product_images: "app/photos/product-images.server.ts",
  product_history: null,
  product_imports: "app/imports/imports.server.ts",
  // Verification hands a claimed producer's entries over through reassignRegistryEntries.
  ocop_registry_entries: "app/registry/apply-registry.server.ts",
  ocop_registry_versions: "app/registry/apply-registry.server.ts",
  ocop_registry_changes: "app/registry/apply-registry.server.ts",
  // marketplaces
  marketplaces: null,
  marketplace_accounts: "app/marketplaces/accounts.server.ts",
  marketplace_connect_states: "app/marketplaces/connect.server.ts",
  marketplace_settings: "app/marketplaces/admin.server.ts",
  marketplace_category_map: "app/marketplaces/admin.server.ts",
  marketplace_order_cursors: "app/marketplaces/order-import.server.ts",
  listings: "app/marketplaces/listing-state.server.ts",
  listing_events: "app/marketplaces/listing-state.server.ts",
  listing_sync: "app/marketplaces/listing-state.server.ts",
  sync_jobs: "app/marketplaces/queue.server.ts",
  sync_batches: "app/marketplaces/publish.server.ts",
  sync_batch_items: "app/marketplaces/publish.server.ts",
  // orders and payments
  carts: "app/checkout/cart.server.ts",
  cart_items: "app/checkout/cart.server.ts",
  shipping_addresses: "app/checkout/address-book.server.ts",
  orders: "app/orders/state.server.ts",
  // createOrder takes the order's lines: the storefront's checkout and a marketplace's import alike.
  order_items: "app/orders/state.server.ts",
  order_events: "app/orders/state.server.ts",
  shipping_rates: null,
  payment_methods: null,
  payments: "app/payments/record.server.ts",
  payment_events: "app/payments/record.server.ts",
  payment_sessions: "app/payments/sessions.server.ts",
  // Each producer's SePay links: created, rotated and proven (a notification arrived, the API refused a token) here.
  bank_links: "app/payments/bank-links.server.ts",
  // Every incoming transfer a link reported, and the producer's "cần đối soát" decisions on it.
  bank_transfers: "app/payments/bank-transfers.server.ts",
  // indicators and notifications
  province_targets: "app/indicators/targets.server.ts",
  province_report_settings: "app/indicators/report-office.server.ts",
  sales_daily: null,
  sales_monthly: null,
  change_counters: null,
  // Each province's registry figures per day, kept by the background worker so a national read sums them.
  indicator_registry_figures: "app/indicators/registry-store.server.ts",
  email_outbox: "app/notifications/outbox.server.ts",
};

/** Tables the database has that the drizzle schema does not declare (kept by triggers). */
const VIRTUAL_TABLES = ["products_fts"];

const SCANNED = ["app", "scripts"];
const EXCLUDED = [
  // The sandboxes stand for the marketplaces and payment providers: their own in-memory state, never our database.
  "scripts/sandbox/",
  "scripts/payment-sandbox/",
  // Benchmarks build synthetic load in a throwaway database of their own, like the seeder, and stand
  // in for triggers and thousands of edits at once (a registry change, a price change on every product).
  "scripts/bench/",
  // Test fixtures plant the rows a test needs directly, as the seeder does, so a test does not depend
  // on the code it checks to build its own starting point.
  "scripts/fixtures/",
];

export type Write = { file: string; line: number; table: string; via: "sql" | "drizzle" };

const ROOT = join(import.meta.dirname, "..", "..");

/** The drizzle schema's tables: export name → SQL table name. */
function schemaTables(): Map<string, string> {
  const tables = new Map<string, string>();
  for (const [name, value] of Object.entries(schema)) if (is(value, SQLiteTable)) tables.set(name, getTableName(value));
  return tables;
}

const RAW_WRITE =
  /\b(?:INSERT\s+(?:OR\s+(?:ROLLBACK|ABORT|REPLACE|FAIL|IGNORE)\s+)?INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+(?:ROLLBACK|ABORT|REPLACE|FAIL|IGNORE))?|DELETE\s+FROM)\s+[`"[]?(\w+|\$\{)/gi;
/** A table name built at run time: no owner can be checked, so it is always reported. */
const DYNAMIC = "${…}";
const DRIZZLE_WRITE = /\.(?:insert|update|delete)\(\s*(?:\w+\.)?(\w+)\s*\)/g;

/** Every write of a known table in one source file. */
export function findWrites(file: string, source: string, tablesByExport: Map<string, string>, tableNames: Set<string>): Write[] {
  const lineAt = (index: number) => source.slice(0, index).split("\n").length;
  const writes: Write[] = [];
  for (const m of source.matchAll(RAW_WRITE)) {
    const table = m[1] === "${" ? DYNAMIC : m[1]!.toLowerCase();
    if (table === DYNAMIC || tableNames.has(table)) writes.push({ file, line: lineAt(m.index), table, via: "sql" });
  }
  for (const m of source.matchAll(DRIZZLE_WRITE)) {
    const table = tablesByExport.get(m[1]!);
    if (table) writes.push({ file, line: lineAt(m.index), table, via: "drizzle" });
  }
  return writes;
}

/** Writes outside the table's owner, as "file:line writes table". */
export function violations(writes: Write[], owners: Record<string, string | null>): string[] {
  return writes
    .filter((w) => owners[w.table] !== w.file)
    .map((w) => `${w.file}:${w.line} writes ${w.table} (${w.via})`);
}

function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (EXCLUDED.some((e) => `${path}/`.startsWith(e))) continue;
    if (entry.isDirectory()) files.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(entry.name)) files.push(path);
  }
  return files;
}

const tablesByExport = schemaTables();
const tableNames = new Set([...tablesByExport.values(), ...VIRTUAL_TABLES]);

describe("table ownership", () => {
  it("gives every table an owner entry, and names only tables that exist", () => {
    expect([...tableNames].filter((t) => !(t in OWNERS))).toEqual([]);
    expect(Object.keys(OWNERS).filter((t) => !tableNames.has(t))).toEqual([]);
  });

  it("names owner files that exist", () => {
    const missing = Object.values(OWNERS).filter((f): f is string => f !== null && !existsSync(join(ROOT, f)));
    expect(missing).toEqual([]);
  });

  const writes = () => SCANNED.flatMap(sourceFiles).flatMap((file) => findWrites(file, readFileSync(join(ROOT, file), "utf8"), tablesByExport, tableNames));

  it("finds no write of a table outside its one owner in app/ and scripts/", () => {
    const found = writes();
    expect(found.length).toBeGreaterThan(0); // the scanner sees the owners' own writes
    expect(violations(found, OWNERS)).toEqual([]);
    // Each owner named does write its table (a stale entry would let the table's writes drift elsewhere unnoticed).
    expect(Object.entries(OWNERS).filter(([table, file]) => file !== null && !found.some((w) => w.table === table && w.file === file))).toEqual([]);
  });

  it("catches raw SQL and drizzle writes planted outside the owner", () => {
    const planted = [
      "const a = statement(`INSERT INTO listing_events (listing_id, status) VALUES (?, ?)`);",
      "sql().exec(`UPDATE\n    sync_jobs SET status = 'queued'`);",
      "db.prepare('insert or replace into listings (id) values (1)');",
      'db.prepare("DELETE FROM listing_sync WHERE listing_id = 1");',
      "tx.update(listings).set({ status: 'live' }).run();",
      "tx.insert(schema.syncJobs).values(job).run();",
      "db().delete( listingEvents ).run();",
      "statement(`UPDATE ${table} SET status = 'live'`);",
      // Not writes: a read, an upsert's own DO UPDATE, a Map's delete, prose.
      "statement(`SELECT * FROM listings`); statement(`REPLACE INTO listings (id) VALUES (1) ON CONFLICT DO UPDATE SET id = 1`);",
      "cache.delete(key); // update the cache, then delete from it",
    ].join("\n");
    const found = (file: string) => violations(findWrites(file, planted, tablesByExport, tableNames), OWNERS);
    expect(found("app/elsewhere.server.ts")).toEqual([
      "app/elsewhere.server.ts:1 writes listing_events (sql)",
      "app/elsewhere.server.ts:2 writes sync_jobs (sql)",
      "app/elsewhere.server.ts:4 writes listings (sql)",
      "app/elsewhere.server.ts:5 writes listing_sync (sql)",
      "app/elsewhere.server.ts:9 writes ${…} (sql)",
      "app/elsewhere.server.ts:10 writes listings (sql)",
      "app/elsewhere.server.ts:6 writes listings (drizzle)",
      "app/elsewhere.server.ts:7 writes sync_jobs (drizzle)",
      "app/elsewhere.server.ts:8 writes listing_events (drizzle)",
    ]);
    // In the listings' owner only the queue's table and the unknown one are out of place.
    expect(found("app/marketplaces/listing-state.server.ts")).toEqual([
      "app/marketplaces/listing-state.server.ts:2 writes sync_jobs (sql)",
      "app/marketplaces/listing-state.server.ts:9 writes ${…} (sql)",
      "app/marketplaces/listing-state.server.ts:7 writes sync_jobs (drizzle)",
    ]);
  });
});
