// The sync queue's guarantees on a real database: edits coalesce per product and marketplace
// (through the products trigger), a lease is a compare-and-swap, retry-after spends no
// attempt, failures back off and end dead, and a person can retry the dead.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { saveAccount } from "~/marketplaces/connect.server";
import { bury, claim, complete, fail, readyAccounts, release, requeueOrphans, retryAfter, retryDead } from "~/marketplaces/queue.server";
import { publish } from "~/marketplaces/publish.server";
import { seedConnectorProducer } from "../../scripts/fixtures/connector";

const sql = () => db().$client;
const policy = { baseMs: 1_000, capMs: 60_000, maxAttempts: 3 };
let producerId: number;
let productIds: number[];
let shopeeAccount: number;

const jobs = (productId: number) =>
  sql().prepare(`SELECT j.id, m.code, j.status, j.dirty, j.attempts, j.available_at AS availableAt FROM sync_jobs j JOIN marketplaces m ON m.id = j.marketplace_id WHERE j.product_id = ? ORDER BY m.code`).all(productId) as {
    id: number;
    code: string;
    status: string;
    dirty: number;
    attempts: number;
    availableAt: string;
  }[];

beforeAll(async () => {
  ({ producerId, productIds } = await seedConnectorProducer(4));
  const credentials = { accessToken: "t", refreshToken: "r", accessExpiresAt: "2099-01-01T00:00:00.000Z" };
  shopeeAccount = saveAccount(producerId, "shopee", { shopId: "1", shopName: "Shop", credentials });
  saveAccount(producerId, "postmart", null);
  publish(producerId, productIds, ["shopee", "postmart"]);
  sql().exec(`UPDATE sync_jobs SET status = 'done'`);
});

describe("enqueueing through the products trigger", () => {
  it("turns twenty price edits into one job, and only for marketplaces with an API", () => {
    const id = productIds[0]!;
    for (let i = 0; i < 20; i++) sql().prepare(`UPDATE products SET price = ? WHERE id = ?`).run(100_000 + i, id);
    expect(jobs(id).map((j) => [j.code, j.status, j.attempts])).toEqual([["shopee", "queued", 0]]);
  });

  it("ignores changes marketplaces do not show, and no-op updates", () => {
    const id = productIds[1]!;
    sql().prepare(`UPDATE products SET unit = 'chai 1 lít' WHERE id = ?`).run(id);
    sql().prepare(`UPDATE products SET price = price WHERE id = ?`).run(id);
    expect(jobs(id).map((j) => j.status)).toEqual(["done"]);
    sql().prepare(`UPDATE products SET stock = stock + 1 WHERE id = ?`).run(id);
    expect(jobs(id).map((j) => j.status)).toEqual(["queued"]);
  });

  it("enqueues when a photo is added", () => {
    const id = productIds[2]!;
    sql().prepare(`INSERT INTO product_images (product_id, position, storage_key, width, height, widths) VALUES (?, 1, 'abc', 900, 900, '320')`).run(id);
    expect(jobs(id).map((j) => j.status)).toEqual(["queued"]);
  });

  it("marks a running job dirty, and runs it once more after it ends", () => {
    const id = productIds[3]!;
    sql().prepare(`UPDATE products SET price = 1 WHERE id = ?`).run(id);
    const claimed = claim(shopeeAccount, 10, 30_000);
    const job = claimed.find((j) => j.productId === id);
    expect(job).toBeDefined();
    for (const other of claimed) if (other !== job) release(other);
    sql().prepare(`UPDATE products SET price = 2 WHERE id = ?`).run(id);
    expect(jobs(id)[0]).toMatchObject({ status: "running", dirty: 1 });
    expect(complete(job!)).toBe(true);
    expect(jobs(id)[0]).toMatchObject({ status: "queued", dirty: 0, attempts: 0 });
  });
});

describe("claiming and finishing", () => {
  beforeEach(() => {
    sql().exec(`UPDATE sync_jobs SET status = 'queued', attempts = 0, dirty = 0, lease_id = NULL, lease_expires_at = NULL, available_at = '2000-01-01T00:00:00.000Z'`);
  });

  /** Claims the product's job alone (the others go straight back). */
  const claimOne = (productId: number, now = Date.now()) => {
    const claimed = claim(shopeeAccount, 10, 30_000, now);
    for (const other of claimed) if (other.productId !== productId) release(other, now);
    return claimed.find((j) => j.productId === productId);
  };

  it("never hands one job to two claims", () => {
    const a = claim(shopeeAccount, 2, 30_000);
    const b = claim(shopeeAccount, 10, 30_000);
    const ids = [...a, ...b].map((j) => j.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(claim(shopeeAccount, 10, 30_000)).toEqual([]);
    for (const j of [...a, ...b]) release(j);
  });

  it("lets another worker take over an expired lease, and refuses the old owner's result", () => {
    const now = Date.now();
    const [first] = claim(shopeeAccount, 1, 1_000, now);
    expect(claim(shopeeAccount, 10, 1_000, now + 500).map((j) => j.id)).not.toContain(first!.id);
    const taken = claim(shopeeAccount, 10, 1_000, now + 2_000).find((j) => j.id === first!.id)!;
    expect(taken.attempts).toBe(first!.attempts + 1);
    expect(complete(first!)).toBe(false);
    expect(complete(taken)).toBe(true);
    for (const j of claim(shopeeAccount, 10, 1_000, now + 5_000)) release(j);
  });

  it("gives the attempt back when the marketplace said to come back later", () => {
    const job = claimOne(productIds[0]!)!;
    expect(job.attempts).toBe(1);
    retryAfter(job, 0, "throttled");
    const again = claimOne(productIds[0]!)!;
    expect(again.id).toBe(job.id);
    expect(again.attempts).toBe(1);
  });

  it("backs off with jitter after a failure, then dies after the last attempt, and can be retried", () => {
    const id = productIds[0]!;
    let now = Date.now();
    for (let attempt = 1; attempt <= policy.maxAttempts; attempt++) {
      const job = claimOne(id, now)!;
      expect(job.attempts).toBe(attempt);
      const decision = fail(job, "HTTP 503", policy, now);
      const row = jobs(id)[0]!;
      if (attempt < policy.maxAttempts) {
        expect(decision).toBe("retry");
        const delay = Date.parse(row.availableAt) - now;
        const nominal = Math.min(policy.capMs, policy.baseMs * 2 ** (attempt - 1));
        expect(delay).toBeGreaterThanOrEqual(nominal / 2);
        expect(delay).toBeLessThanOrEqual(nominal);
        now += delay;
      } else {
        expect(decision).toBe("dead");
        expect(row.status).toBe("dead");
      }
    }
    expect(retryDead({ producerId: producerId + 999 })).toBe(0); // another producer's retry touches nothing
    expect(retryDead({ producerId })).toBe(1);
    expect(jobs(id)[0]).toMatchObject({ status: "queued", attempts: 0 });
  });

  it("only offers jobs of connected shops", () => {
    expect(readyAccounts().map((a) => a.accountId)).toContain(shopeeAccount);
    sql().prepare(`UPDATE marketplace_accounts SET status = 'expired' WHERE id = ?`).run(shopeeAccount);
    expect(readyAccounts().map((a) => a.accountId)).not.toContain(shopeeAccount);
    sql().prepare(`UPDATE marketplace_accounts SET status = 'connected' WHERE id = ?`).run(shopeeAccount);
  });

  it("puts back in the queue a job whose worker died after its shop was disconnected", () => {
    const now = Date.now();
    const id = productIds[2]!;
    const job = claimOne(id, now)!;
    sql().prepare(`UPDATE marketplace_accounts SET status = 'expired' WHERE id = ?`).run(shopeeAccount);
    try {
      expect(requeueOrphans(now + 10_000)).toBe(0); // the lease still holds: its worker may be alive
      expect(requeueOrphans(now + 40_000)).toBe(1);
      expect(jobs(id)[0]).toMatchObject({ status: "queued", attempts: job.attempts });
      expect(complete(job)).toBe(false);
    } finally {
      sql().prepare(`UPDATE marketplace_accounts SET status = 'connected' WHERE id = ?`).run(shopeeAccount);
    }
  });

  it("buries for good unless an edit arrived meanwhile", () => {
    const id = productIds[1]!;
    const job = claimOne(id)!;
    sql().prepare(`UPDATE products SET stock = stock + 1 WHERE id = ?`).run(id);
    expect(bury(job, "signature refused")).toBe(true);
    expect(jobs(id)[0]).toMatchObject({ status: "queued", attempts: 0 });
  });
});
