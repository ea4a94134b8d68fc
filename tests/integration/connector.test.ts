// The connector end to end in one process: the sandboxes on free ports, the real adapters,
// the queue and the worker, against a throwaway database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { salesDailyDifferences, salesMonthlyDifferences } from "#db/rollups";
import { db } from "~/db.server";
import { disconnect } from "~/marketplaces/connect.server";
import { batchProgress, publish, retryListings } from "~/marketplaces/publish.server";
import { enqueue, queueStats } from "~/marketplaces/queue.server";
import { startWorker, type Worker } from "~/marketplaces/worker.server";
import { SANDBOX_CODES, sandboxEnv, startSandboxes, type SandboxAnswer, type SandboxCode, type Sandboxes } from "../../scripts/sandbox";
import { translator } from "~/i18n/messages";
import { loadAccount, producerAccounts, readCredentials, storeCredentials } from "~/marketplaces/accounts.server";
import { contract } from "../contracts";
import { connectShops, seedConnectorProducer } from "../../scripts/fixtures/connector";

const CODES = [...SANDBOX_CODES];
let sandboxes: Sandboxes;
let worker: Worker;
let producerId: number;
let productIds: number[];
const sql = () => db().$client;
/** Every answer the sandboxes gave during this file, checked against the marketplaces' documents at the end. */
const answers: SandboxAnswer[] = [];

beforeAll(async () => {
  // The sandboxes check the same keys the app signs with (the configuration's defaults).
  sandboxes = await startSandboxes({ port: 0, options: { reviewMs: 100 }, onAnswer: (a) => answers.push(a) });
  Object.assign(process.env, sandboxEnv(sandboxes.urls));
  ({ producerId, productIds } = await seedConnectorProducer(6, { claimAt: [5] }));
  await connectShops(producerId, sandboxes.urls, CODES);
  worker = startWorker({
    leaseMs: 5_000,
    pollMs: 20,
    retry: { baseMs: 20, capMs: 200, maxAttempts: 10 },
    httpTimeoutMs: 2_000,
    reviewPollMs: 50,
    throttlePauseMs: 50,
    orderScheduleMs: 0,
    tokenRefreshScanMs: 50,
  });
});

afterAll(async () => {
  await worker?.stop(1_000);
  await sandboxes?.close();
  // Imported marketplace orders and their payments (placed, then cancelled) keep the indicators'
  // sales rollups equal to a recomputation from the orders themselves.
  expect(salesDailyDifferences(sql())).toEqual([]);
  expect(salesMonthlyDifferences(sql())).toEqual([]);
});

/** Waits until no job is queued or running (jobs waiting on a disconnected shop excepted). */
async function settle(timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const busy = sql()
      .prepare(
        `SELECT count(*) AS n FROM sync_jobs j JOIN marketplace_accounts a ON a.id = j.account_id
         WHERE j.status = 'running' OR (j.status = 'queued' AND a.status = 'connected')`,
      )
      .get() as { n: number };
    if (busy.n === 0) return;
    if (Date.now() > until) throw new Error(`queue not idle: ${JSON.stringify(queueStats())}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function items(code: SandboxCode) {
  const res = await fetch(`${sandboxes.urls[code]}/__sandbox/state`);
  const state = (await res.json()) as { shops: { items: Record<string, { sku: string; price: number; stock: number; status: string; name: string }> }[]; duplicates: unknown[] };
  return { items: state.shops.flatMap((s) => Object.values(s.items)), duplicates: state.duplicates };
}

const listing = (productId: number, code: SandboxCode) =>
  sql()
    .prepare(
      `SELECT l.status, l.external_id AS externalId, l.synced_price AS syncedPrice, l.last_error AS lastError, s.error_code AS errorCode
       FROM listings l JOIN marketplaces m ON m.id = l.marketplace_id LEFT JOIN listing_sync s ON s.listing_id = l.id
       WHERE l.product_id = ? AND m.code = ?`,
    )
    .get(productId, code) as { status: string; externalId: string | null; syncedPrice: number | null; lastError: string | null; errorCode: string | null };

describe("publishing", () => {
  it("lists each product once on every marketplace and refuses the unverified health claim with its reason", async () => {
    const result = publish(producerId, productIds, CODES);
    expect(result.notConnected).toEqual([]);
    expect(result.queued).toBe(productIds.length * CODES.length);
    await settle();
    for (const code of CODES) {
      const { items: all, duplicates } = await items(code);
      expect(duplicates, code).toEqual([]);
      const good = productIds.slice(0, 5);
      for (const id of good) {
        const l = listing(id, code);
        expect(l.status, `${code} ${id} ${l.lastError}`).toBe("live");
        const item = all.find((i) => i.sku === `OCOP-${id}` && i.status === "live");
        expect(item?.price, `${code} ${id}`).toBe(150_000 + productIds.indexOf(id) * 1_000);
      }
      const bad = listing(productIds[5]!, code);
      expect(bad.status, code).toBe("rejected");
      expect(bad.errorCode, code).toBe("prohibited_claim");
      expect(bad.lastError, code).toMatch(/tuyên bố công dụng/);
    }
    const progress = batchProgress(producerId, result.batchId!)!;
    expect(progress).toMatchObject({ total: 24, done: 24, live: 20, rejected: 4, pending: 0 });
  });

  it("writes a listing event for every status change", () => {
    const events = sql()
      .prepare(
        `SELECT e.status FROM listing_events e JOIN listings l ON l.id = e.listing_id JOIN marketplaces m ON m.id = l.marketplace_id
         WHERE l.product_id = ? AND m.code = 'tiki' ORDER BY e.id`,
      )
      .all(productIds[0]) as { status: string }[];
    expect(events.map((e) => e.status)).toEqual(["pending", "in_review", "live"]);
  });
});

describe("keeping in sync", () => {
  it("folds a burst of edits into one job per marketplace and sends the last price everywhere", async () => {
    const id = productIds[0]!;
    await worker.stop(1_000);
    for (let i = 1; i <= 20; i++) sql().prepare(`UPDATE products SET price = ? WHERE id = ?`).run(200_000 + i * 100, id);
    const jobs = sql().prepare(`SELECT count(*) AS n FROM sync_jobs WHERE product_id = ? AND status = 'queued'`).get(id) as { n: number };
    expect(jobs.n).toBe(CODES.length);
    worker = startWorker({ leaseMs: 5_000, pollMs: 20, retry: { baseMs: 20, capMs: 200, maxAttempts: 10 }, httpTimeoutMs: 2_000, reviewPollMs: 50, throttlePauseMs: 50, orderScheduleMs: 0, tokenRefreshScanMs: 50 });
    await settle();
    for (const code of CODES) {
      const item = (await items(code)).items.find((i) => i.sku === `OCOP-${id}`);
      expect(item?.price, code).toBe(202_000);
      expect(listing(id, code).syncedPrice).toBe(202_000);
    }
  });

  it("finds a listing whose create answer was lost instead of creating it twice", async () => {
    const id = productIds[1]!;
    // Forget what the marketplace answered, as if the worker died after the create call.
    sql()
      .prepare(
        `UPDATE listings SET external_id = NULL, status = 'pending' WHERE product_id = ? AND marketplace_id = (SELECT id FROM marketplaces WHERE code = 'shopee')`,
      )
      .run(id);
    sql().prepare(`UPDATE products SET stock = stock + 1 WHERE id = ?`).run(id);
    await settle();
    const { items: all, duplicates } = await items("shopee");
    expect(duplicates).toEqual([]);
    expect(all.filter((i) => i.sku === `OCOP-${id}`)).toHaveLength(1);
    expect(listing(id, "shopee").status).toBe("live");
  });

  it("refreshes expired tokens and carries on", async () => {
    for (const code of CODES) await fetch(`${sandboxes.urls[code]}/__sandbox/expire-tokens`, { method: "POST" });
    const id = productIds[2]!;
    sql().prepare(`UPDATE products SET stock = 7 WHERE id = ?`).run(id);
    await settle();
    for (const code of CODES) expect((await items(code)).items.find((i) => i.sku === `OCOP-${id}`)?.stock, code).toBe(7);
  });

  it("waits for a disconnected shop and says the producer must reconnect", async () => {
    disconnect(producerId, "lazada");
    const id = productIds[3]!;
    sql().prepare(`UPDATE products SET stock = 3 WHERE id = ?`).run(id);
    await settle();
    const job = sql()
      .prepare(`SELECT status FROM sync_jobs WHERE product_id = ? AND marketplace_id = (SELECT id FROM marketplaces WHERE code = 'lazada')`)
      .get(id) as { status: string };
    expect(job.status).toBe("queued");
    expect((await items("lazada")).items.find((i) => i.sku === `OCOP-${id}`)?.stock).not.toBe(3);
    await connectShops(producerId, sandboxes.urls, ["lazada"], 101);
    await settle();
    expect((await items("lazada")).items.find((i) => i.sku === `OCOP-${id}`)?.stock).toBe(3);
  });

  it("asks a shop recorded before the connector, with no tokens, to reconnect instead of failing the job", async () => {
    // As the demo seed and data brought from another tool leave them: a "connected" shop without
    // credentials, and a live listing the connector never created (no listing_sync row).
    const old = await seedConnectorProducer(1, { slug: "htx-truoc-ket-noi" });
    const id = old.productIds[0]!;
    const shopee = (sql().prepare(`SELECT id FROM marketplaces WHERE code = 'shopee'`).get() as { id: number }).id;
    const accountId = Number(
      sql().prepare(`INSERT INTO marketplace_accounts (producer_id, marketplace_id, external_shop_id, shop_name) VALUES (?, ?, '990001', 'Cũ')`).run(old.producerId, shopee)
        .lastInsertRowid,
    );
    const listingId = Number(
      sql().prepare(`INSERT INTO listings (product_id, marketplace_id, account_id, external_id, status) VALUES (?, ?, ?, '123', 'live')`).run(id, shopee, accountId)
        .lastInsertRowid,
    );
    sql().prepare(`UPDATE products SET stock = 5 WHERE id = ?`).run(id);
    await settle();
    expect(sql().prepare(`SELECT status FROM marketplace_accounts WHERE id = ?`).get(accountId)).toEqual({ status: "expired" });
    const job = sql().prepare(`SELECT status FROM sync_jobs WHERE product_id = ? AND marketplace_id = ?`).get(id, shopee) as { status: string };
    expect(job.status).toBe("queued");
    const listing = sql().prepare(`SELECT l.status, l.last_error AS lastError, s.error_code AS code FROM listings l JOIN listing_sync s ON s.listing_id = l.id WHERE l.id = ?`).get(listingId);
    expect(listing).toMatchObject({ status: "live", code: "auth_expired", lastError: expect.stringContaining("Kết nối lại") });
  });

  it("takes a product down everywhere when it stops being sold", async () => {
    const id = productIds[4]!;
    sql().prepare(`UPDATE products SET status = 'archived' WHERE id = ?`).run(id);
    await settle();
    for (const code of CODES) {
      expect(listing(id, code).status, code).toBe("delisted");
      expect((await items(code)).items.find((i) => i.sku === `OCOP-${id}`)?.status, code).toBe("delisted");
    }
  });
});

describe("coming back", () => {
  it("lists a product taken down and sold again once more, without a second visible item", async () => {
    const id = productIds[4]!;
    sql().prepare(`UPDATE products SET status = 'active' WHERE id = ?`).run(id);
    const result = publish(producerId, [id], CODES);
    expect(result.queued).toBe(CODES.length);
    await settle();
    for (const code of CODES) {
      const { items: all, duplicates } = await items(code);
      expect(duplicates, code).toEqual([]);
      const mine = all.filter((i) => i.sku === `OCOP-${id}`);
      expect(mine.map((i) => i.status).sort(), code).toEqual(["delisted", "live"]);
      expect(listing(id, code).status, code).toBe("live");
    }
  });

  it("asks the marketplace what it shows when a listing it holds was marked failed here", async () => {
    const id = productIds[2]!;
    sql()
      .prepare(`UPDATE listings SET status = 'error', last_error = 'old' WHERE product_id = ? AND marketplace_id = (SELECT id FROM marketplaces WHERE code = 'shopee')`)
      .run(id);
    retryListings(producerId, null);
    await settle();
    expect(listing(id, "shopee")).toMatchObject({ status: "live", lastError: null });
    expect((await items("shopee")).items.filter((i) => i.sku === `OCOP-${id}`)).toHaveLength(1);

    // Hidden on the marketplace meanwhile (by the seller, in its own seller centre): said so here.
    for (const shop of Object.values(sandboxes.markets.shopee.state.shops)) for (const item of Object.values(shop.items)) if (item.sku === `OCOP-${id}`) item.status = "delisted";
    sql()
      .prepare(`UPDATE listings SET status = 'error' WHERE product_id = ? AND marketplace_id = (SELECT id FROM marketplaces WHERE code = 'shopee')`)
      .run(id);
    retryListings(producerId, null);
    await settle();
    expect(listing(id, "shopee")).toMatchObject({ status: "error", errorCode: "missing_on_marketplace" });
  });
});

describe("order import", () => {
  const account = (code: string) =>
    sql().prepare(`SELECT a.id, a.marketplace_id AS marketplaceId, a.external_shop_id AS shopId FROM marketplace_accounts a JOIN marketplaces m ON m.id = a.marketplace_id WHERE a.producer_id = ? AND m.code = ?`).get(producerId, code) as {
      id: number;
      marketplaceId: number;
      shopId: string;
    };
  const importNow = async (codes: string[]) => {
    for (const code of codes) {
      const a = account(code);
      enqueue({ kind: "import_orders", marketplaceId: a.marketplaceId, accountId: a.id, key: `orders:${a.id}` });
    }
    await settle();
  };
  const sandboxOrder = async (code: SandboxCode, body: Record<string, unknown>) => {
    const res = await fetch(`${sandboxes.urls[code]}/__sandbox/orders`, { method: "POST", body: JSON.stringify({ shopId: account(code).shopId, ...body }) });
    expect(res.status).toBe(200);
    return (await res.json()) as { id: string };
  };
  const stock = (id: number) => (sql().prepare(`SELECT stock FROM products WHERE id = ?`).get(id) as { stock: number }).stock;

  it("imports each order once with the seller's province, the Vietnamese day and the payment's channel, and moves stock everywhere", async () => {
    const id = productIds[0]!;
    const before = stock(id);
    const shopeeOrder = await sandboxOrder("shopee", { sku: `OCOP-${id}`, quantity: 2, cod: true });
    await sandboxOrder("lazada", { sku: `OCOP-${id}`, quantity: 1, cod: false });
    await importNow(["shopee", "lazada"]);
    await importNow(["shopee", "lazada"]); // twice: still one order each

    const orders = sql()
      .prepare(
        `SELECT o.channel, o.external_id AS externalId, o.province_id AS provinceId, o.placed_at AS placedAt, o.placed_day AS placedDay, o.status, o.total,
           p.method, p.channel AS payChannel, p.status AS payStatus, p.amount
         FROM orders o JOIN payments p ON p.order_id = o.id WHERE o.producer_id = ? ORDER BY o.channel`,
      )
      .all(producerId) as Record<string, string | number>[];
    expect(orders.map((o) => [o.channel, o.method, o.payChannel, o.payStatus])).toEqual([
      ["lazada", "marketplace_online", "cashless_intermediary", "paid"],
      ["shopee", "cod", "cash", "pending"],
    ]);
    const province = (sql().prepare(`SELECT province_id AS p FROM producers WHERE id = ?`).get(producerId) as { p: number }).p;
    const vnDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" });
    for (const o of orders) {
      expect(o.provinceId).toBe(province);
      expect(o.placedDay).toBe(vnDay.format(new Date(String(o.placedAt))));
      expect(o.amount).toBe(o.total);
    }
    expect(stock(id)).toBe(before - 3);
    for (const code of CODES) expect((await items(code)).items.find((i) => i.sku === `OCOP-${id}`)?.stock, code).toBe(before - 3);

    // Cancelled on Shopee afterwards: the order follows, the units come back, everywhere.
    await fetch(`${sandboxes.urls.shopee}/__sandbox/order-status`, { method: "POST", body: JSON.stringify({ shopId: account("shopee").shopId, orderId: shopeeOrder.id, status: "CANCELLED" }) });
    await importNow(["shopee"]);
    const cancelled = sql().prepare(`SELECT o.status, p.status AS payStatus FROM orders o JOIN payments p ON p.order_id = o.id WHERE o.channel = 'shopee' AND o.external_id = ?`).get(shopeeOrder.id);
    expect(cancelled).toEqual({ status: "cancelled", payStatus: "cancelled" });
    expect(stock(id)).toBe(before - 1);
    for (const code of CODES) expect((await items(code)).items.find((i) => i.sku === `OCOP-${id}`)?.stock, code).toBe(before - 1);
  });

  it("ignores orders for products that are not the producer's", async () => {
    await sandboxOrder("tiki", { sku: `OCOP-${productIds[0]}`, quantity: 1, cod: true });
    const count = () => (sql().prepare(`SELECT count(*) AS n FROM orders`).get() as { n: number }).n;
    const n = count();
    // A foreign item in the same shop: created behind the app's back.
    const shop = sandboxes.markets.tiki.state.shops[account("tiki").shopId]!;
    shop.items["1"] = { ...Object.values(shop.items)[0]!, id: "1", sku: "SOMEONE-ELSE" };
    await sandboxOrder("tiki", { sku: "SOMEONE-ELSE", quantity: 1, cod: true });
    delete shop.items["1"];
    await importNow(["tiki"]);
    expect(count()).toBe(n + 1);
  });
});

describe("token life", () => {
  const accountOf = (code: SandboxCode) =>
    (sql().prepare(`SELECT a.id FROM marketplace_accounts a JOIN marketplaces m ON m.id = a.marketplace_id WHERE a.producer_id = ? AND m.code = ?`).get(producerId, code) as { id: number }).id;

  it("renews every shop's access token before it ends, with no job and no refused call", async () => {
    const before = new Map<SandboxCode, string>();
    for (const code of CODES) {
      const account = loadAccount(accountOf(code))!;
      const credentials = readCredentials(account)!;
      before.set(code, credentials.accessToken);
      // Ends in 20 minutes: past the margin a job would refresh at, within the scheduled scan's.
      expect(storeCredentials(account.id, { ...credentials, accessExpiresAt: new Date(Date.now() + 20 * 60_000).toISOString() }, account.updatedAt)).toBe(true);
    }
    const until = Date.now() + 8_000;
    const renewed = () => CODES.filter((code) => readCredentials(loadAccount(accountOf(code))!)!.accessToken !== before.get(code));
    while (renewed().length < CODES.length && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
    expect(renewed()).toEqual(CODES);
    for (const code of CODES) {
      const account = loadAccount(accountOf(code))!;
      expect(account.status, code).toBe("connected");
      expect(Date.parse(readCredentials(account)!.accessExpiresAt!), code).toBeGreaterThan(Date.now() + 30 * 60_000);
    }
  }, 15_000);

  it("tells the producer days ahead that a shop's connection ends, with a reconnect prompt", () => {
    const account = loadAccount(accountOf("shopee"))!;
    const credentials = readCredentials(account)!;
    const days = (n: number) => new Date(Date.now() + n * 86_400_000 + 3_600_000).toISOString();
    storeCredentials(account.id, { ...credentials, refreshExpiresAt: days(20) }, account.updatedAt);
    expect(producerAccounts(producerId).find((a) => a.code === "shopee")?.reconnectWithinDays).toBeNull();
    storeCredentials(account.id, { ...credentials, refreshExpiresAt: days(5) }, loadAccount(account.id)!.updatedAt);
    const shopee = producerAccounts(producerId).find((a) => a.code === "shopee")!;
    expect(shopee).toMatchObject({ usable: true, reconnectWithinDays: 5 });
    expect(translator("vi")("connector.account.endsIn", { name: shopee.name, days: shopee.reconnectWithinDays! })).toBe("Kết nối Shopee hết hạn sau 5 ngày — kết nối lại");
    // Shopee's authorisation itself ending sooner counts too.
    storeCredentials(account.id, { ...credentials, refreshExpiresAt: days(20), authorisedUntil: days(2) }, loadAccount(account.id)!.updatedAt);
    expect(producerAccounts(producerId).find((a) => a.code === "shopee")?.reconnectWithinDays).toBe(2);
  });
});

describe("the sandboxes speak the marketplaces' documented protocol", () => {
  /** The consent pages and their redirects are HTML for a person, not API answers. */
  const PAGES = new Set(["/api/v2/shop/auth_partner", "/oauth/authorize", "/open/authorize", "/sc/oauth2/auth", "/__consent"]);

  it("answered every call of this file in the shape the marketplace's documents give for that endpoint", () => {
    const api = answers.filter((a) => !PAGES.has(a.path));
    const seen = new Set(api.map((a) => `${a.code} ${a.method} ${a.path.replace(/\d{6,}/g, "{id}")}`));
    // The run reaches every marketplace's token, product and order endpoints.
    for (const code of CODES) expect([...seen].filter((s) => s.startsWith(code)).length, code).toBeGreaterThanOrEqual(6);
    const problems: string[] = [];
    for (const a of api) {
      const c = contract(a.code, a.method, a.path);
      if (!c) {
        problems.push(`${a.code} ${a.method} ${a.path}: no documented endpoint`);
        continue;
      }
      let body: unknown;
      try {
        body = JSON.parse(a.body);
      } catch {
        problems.push(`${a.code} ${a.method} ${a.path}: not JSON (${a.status})`);
        continue;
      }
      const parsed = c.response.safeParse(body);
      if (!parsed.success) problems.push(`${a.code} ${a.method} ${a.path} ${a.status}: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")} in ${a.body.slice(0, 300)}`);
    }
    expect(problems).toEqual([]);
  });
});
