// Crash safety and backups, against the real server process. The server is SIGKILLed in the middle of
// a load of concurrent checkouts; after a restart the database passes `PRAGMA integrity_check`, every
// order is whole (its items and its payment) or absent, every checkout the server acknowledged is there,
// and no unit of stock is lost (stock + units in orders = what there was). Then `npm run db:backup`
// copies the database while checkouts keep coming, and the copy, restored with `npm run db:restore`,
// passes the same checks: a consistent moment, not a torn one.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "~/env.server";
import { ADDRESS, CSRF, fillCart, newShopper, seedShop, type Shop } from "../../scripts/fixtures/shop";
import { startAppServer, type AppServer } from "../../scripts/fixtures/app-server";

const run = promisify(execFile);
const SHOPPERS = 48;
const csrfCookie = `ocop_csrf=${Buffer.from(JSON.stringify(CSRF)).toString("base64")}`;

let shop: Shop;
let shoppers: { id: number; cookie: string }[] = [];
let server: AppServer | null = null;
let initialStock: Map<number, number>;
const dir = mkdtempSync(join(tmpdir(), "ocop-crash-"));
const database = () => env().DATABASE_URL;

beforeAll(async () => {
  shop = seedShop();
  // Plenty of these two for the checkouts that run during the backup; the dried lotus seeds (10) stay scarce.
  new Database(database()).exec(`UPDATE products SET stock = 100000 WHERE id IN (${shop.xoai}, ${shop.nuocMam})`);
  for (let i = 0; i < SHOPPERS * 2; i++) shoppers.push(await newShopper(`tai.${i}@example.vn`));
  initialStock = stockByProduct(database());
});

afterAll(async () => {
  await server?.stop("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

function stockByProduct(file: string): Map<number, number> {
  const db = new Database(file, { readonly: true });
  const rows = db.prepare("SELECT id, stock FROM products").all() as { id: number; stock: number }[];
  db.close();
  return new Map(rows.map((r) => [r.id, r.stock]));
}

/** Every invariant a crash or a backup must keep, checked on a database file. */
function checkDatabase(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const integrity = (db.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check).join("\n");
    const foreignKeys = db.pragma("foreign_key_check") as unknown[];
    const partial = db
      .prepare(
        `SELECT o.code FROM orders o
         WHERE o.channel = 'storefront' AND (
           NOT EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.id)
           OR (SELECT count(*) FROM payments p WHERE p.order_id = o.id) <> 1
           OR o.subtotal <> (SELECT sum(i.quantity * i.unit_price) FROM order_items i WHERE i.order_id = o.id))`,
      )
      .all();
    // Stock units: on the shelf, or held by an order that is not cancelled (cancelling gives them back).
    const held = new Map(
      (
        db
          .prepare(
            `SELECT i.product_id AS id, sum(i.quantity) AS n FROM order_items i JOIN orders o ON o.id = i.order_id
             WHERE o.status <> 'cancelled' GROUP BY i.product_id`,
          )
          .all() as { id: number; n: number }[]
      ).map((r) => [r.id, r.n]),
    );
    const shelf = new Map((db.prepare("SELECT id, stock FROM products").all() as { id: number; stock: number }[]).map((r) => [r.id, r.stock]));
    const lost = [...initialStock].filter(([id, stock]) => (shelf.get(id) ?? 0) + (held.get(id) ?? 0) !== stock);
    const codes = new Set((db.prepare("SELECT checkout_code AS code FROM orders WHERE checkout_code IS NOT NULL").all() as { code: string }[]).map((r) => r.code));
    const orders = (db.prepare("SELECT count(*) AS n FROM orders").get() as { n: number }).n;
    return { integrity, foreignKeys, partial, lost, codes, orders };
  } finally {
    db.close();
  }
}

/** One shopper's checkout over HTTP: the checkout code the server acknowledged, or null. */
async function checkout(url: string, shopper: { cookie: string }, method: "cod" | "vietqr"): Promise<string | null> {
  try {
    const response = await fetch(`${url}/thanh-toan`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: `${csrfCookie}; ${shopper.cookie}`, Origin: url },
      body: new URLSearchParams({ ...ADDRESS, method, csrf: CSRF }),
    });
    const location = response.headers.get("Location") ?? "";
    return /^\/don-hang\/([^/?]+)$/.exec(location)?.[1] ?? null;
  } catch {
    return null; // the connection died with the server
  }
}

/** Carts for a group of shoppers: each takes a little of everything, so they compete for the stock. */
function fillCarts(group: { id: number }[]) {
  group.forEach((s, i) => {
    const lines: [number, number][] = i % 2 === 0 ? [[shop.sen, 1], [shop.xoai, 2]] : [[shop.xoai, 1], [shop.nuocMam, 1], [shop.sen, 1]];
    fillCart(s.id, lines);
  });
}

describe("crash safety", () => {
  it("keeps every order whole and every unit of stock after a SIGKILL during concurrent checkouts", async () => {
    server = await startAppServer({ DATABASE_URL: database(), MEDIA_DIR: join(dir, "media") });
    // Compile the checkout route (development mode) before the load, so the kill lands among checkouts.
    await fetch(`${server.url}/thanh-toan`, { headers: { Cookie: shoppers[0]!.cookie } });
    const group = shoppers.slice(0, SHOPPERS);
    fillCarts(group);
    const acknowledged: string[] = [];
    let answered = 0;
    const killed = new Promise<void>((resolve) => {
      const all = group.map((s, i) =>
        checkout(server!.url, s, i % 3 === 0 ? "vietqr" : "cod").then((code) => {
          if (code) acknowledged.push(code);
          // The kill comes once a few checkouts are through and the rest are in flight.
          if (++answered === 4) server!.child.kill("SIGKILL");
        }),
      );
      void Promise.all(all).then(() => resolve());
    });
    await killed;
    console.info(`crash: ${acknowledged.length} of ${SHOPPERS} checkouts acknowledged before the SIGKILL`);
    await new Promise<void>((resolve) => (server!.child.exitCode !== null || server!.child.signalCode !== null ? resolve() : server!.child.once("exit", () => resolve())));
    expect(server.child.signalCode).toBe("SIGKILL");
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(acknowledged.length).toBeLessThan(SHOPPERS); // killed mid-load, not after it

    // Restart on the same files: it opens, migrates, serves.
    server = await startAppServer({ DATABASE_URL: database(), MEDIA_DIR: join(dir, "media") });
    const after = checkDatabase(database());
    expect(after.integrity).toBe("ok");
    expect(after.foreignKeys).toEqual([]);
    expect(after.partial).toEqual([]);
    expect(after.lost).toEqual([]);
    for (const code of acknowledged) expect(after.codes.has(code), code).toBe(true);
    // And checkouts work again.
    const more = shoppers.slice(SHOPPERS, SHOPPERS + 2);
    fillCarts(more);
    const codes = await Promise.all(more.map((s) => checkout(server!.url, s, "cod")));
    expect(codes.filter(Boolean).length).toBeGreaterThan(0);
  }, 180_000);
});

describe("backups", () => {
  it("copies the database consistently while checkouts are written, and the copy restores", async () => {
    expect(server).not.toBeNull();
    const backup = join(dir, "backups", "ocop.sqlite");
    const group = shoppers.slice(SHOPPERS + 2);
    const before = checkDatabase(database()).orders;
    const tsx = ["--import", "tsx", "scripts/backup.ts"];
    const childEnv = { ...process.env, DATABASE_URL: database() };
    // Checkouts keep arriving, four at a time, from before the backup starts until after it ends.
    let backingUp = true;
    let written = 0;
    const writer = async (lane: number) => {
      for (let i = lane; backingUp; i += 4) {
        const shopper = group[i % group.length]!;
        fillCart(shopper.id, [[shop.xoai, 1], [shop.nuocMam, 2]]);
        if (await checkout(server!.url, shopper, "cod")) written += 1;
      }
    };
    const writing = Promise.all([0, 1, 2, 3].map(writer));
    const backedUp = await run(process.execPath, [...tsx, "backup", backup], { env: childEnv });
    const writtenDuringBackup = written;
    backingUp = false;
    await writing;
    console.info(`backup: ${backedUp.stdout.trim()}; ${writtenDuringBackup} checkouts acknowledged while it ran`);
    expect(backedUp.stdout).toMatch(/integrity ok/);
    expect(writtenDuringBackup).toBeGreaterThan(0);

    // Restore into a fresh place, as an operator would after losing the database.
    const restored = join(dir, "restored", "ocop.sqlite");
    const restoredRun = await run(process.execPath, [...tsx, "restore", backup], { env: { ...childEnv, DATABASE_URL: restored } });
    expect(restoredRun.stdout).toMatch(/integrity: ok/);
    const copy = checkDatabase(restored);
    expect(copy.integrity).toBe("ok");
    expect(copy.foreignKeys).toEqual([]);
    expect(copy.partial).toEqual([]);
    expect(copy.lost).toEqual([]); // a torn copy would have stock and orders from different moments
    expect(copy.orders).toBeGreaterThanOrEqual(before);
    expect(copy.orders).toBeLessThanOrEqual(checkDatabase(database()).orders);
    // The restored database is one the server starts on.
    const second = await startAppServer({ DATABASE_URL: restored, MEDIA_DIR: join(dir, "media") });
    try {
      expect((await fetch(`${second.url}/healthz`)).status).toBe(200);
    } finally {
      await second.stop();
    }
  }, 180_000);
});
