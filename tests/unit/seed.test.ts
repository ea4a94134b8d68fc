// The deterministic seed: same options → same rows, and the rows are consistent with the
// domain (money adds up, local days are right, certificates last 36 months, scopes hold).
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "#db/client";
import { DEMO_LOGINS, DEMO_PASSWORD, SEEDED_TABLES, seed, type SeedSummary } from "#db/seed";
import { OCOP_GROUPS } from "#db/schema";
import { CATEGORIES } from "#db/reference/catalogue";
import { salesDailyDifferences, salesMonthlyDifferences } from "#db/rollups";

const TODAY = "2026-11-20";
// A stand-in for argon2 (random salts): deterministic and fast.
const fakeHash = async (password: string) => `test$${password}`;
const OPTIONS = { products: 400, orders: 2000, today: TODAY, mediaDir: null, hashPassword: fakeHash } as const;

async function seeded(): Promise<{ db: Db; summary: SeedSummary }> {
  const db = openDatabase(":memory:");
  const summary = await seed(db, OPTIONS);
  return { db, summary };
}

function tableDigest(db: Db, table: string): string {
  const hash = createHash("sha256");
  for (const row of db.$client.prepare(`select * from ${table} order by rowid`).iterate()) hash.update(JSON.stringify(row));
  return hash.digest("hex");
}

const all = <T>(db: Db, sql: string, ...params: unknown[]) => db.$client.prepare(sql).all(...params) as T[];
const one = <T>(db: Db, sql: string, ...params: unknown[]) => db.$client.prepare(sql).get(...params) as T;

/** Asia/Ho_Chi_Minh calendar day by ICU, independent of the seed's own arithmetic. */
const vnDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric", month: "2-digit", day: "2-digit" });

let db: Db;
let summary: SeedSummary;
beforeAll(async () => {
  ({ db, summary } = await seeded());
});

describe("seed", () => {
  it("writes the sales rollup its triggers would have kept", () => {
    expect((db.$client.prepare("SELECT sum(orders) AS n FROM sales_daily").get() as { n: number }).n).toBe(2000);
    expect(salesDailyDifferences(db.$client)).toEqual([]);
    expect(salesMonthlyDifferences(db.$client)).toEqual([]);
  });

  it("writes the requested sizes", () => {
    expect(summary.counts.products).toBe(400);
    expect(summary.counts.orders).toBe(2000);
    expect(summary.counts.payments).toBe(2000);
    expect(summary.counts.producers).toBeGreaterThanOrEqual(60);
    expect(summary.counts.product_images).toBe(0); // mediaDir null: no images
    for (const table of SEEDED_TABLES) if (table !== "product_images") expect(summary.counts[table], table).toBeGreaterThan(0);
  });

  it("writes identical rows on a second run with the same options", async () => {
    const again = await seeded();
    for (const table of SEEDED_TABLES) expect(tableDigest(again.db, table), table).toBe(tableDigest(db, table));
    again.db.$client.close();
  });

  it("changes only the orders when only the order count changes", async () => {
    const other = openDatabase(":memory:");
    await seed(other, { ...OPTIONS, orders: 50 });
    for (const table of ["producers", "products", "certifications", "listings", "users"]) expect(tableDigest(other, table), table).toBe(tableDigest(db, table));
    other.$client.close();
  });

  it("refuses a database that already has producers or users", async () => {
    await expect(seed(db, OPTIONS)).rejects.toThrow(/already has/);
  });

  it("leaves no dangling foreign keys", () => {
    expect(all(db, "pragma foreign_key_check")).toEqual([]);
    expect(one<{ foreign_keys: number }>(db, "pragma foreign_keys").foreign_keys).toBe(1);
  });

  it("adds up every order: items, subtotal, fee, total, payment", () => {
    const bad = all(
      db,
      `select o.id from orders o
         join (select order_id, sum(line_total) s, count(*) n, sum(line_total <> unit_price * quantity) wrong from order_items group by order_id) i on i.order_id = o.id
         join payments p on p.order_id = o.id
       where o.total <> o.subtotal + o.shipping_fee or o.subtotal <> i.s or i.wrong > 0 or i.n not between 1 and 3 or p.amount <> o.total`,
    );
    expect(bad).toEqual([]);
    expect(one<{ n: number }>(db, "select count(*) n from orders where id not in (select order_id from order_items)").n).toBe(0);
    const fees = one<{ lo: number; hi: number }>(db, "select min(shipping_fee) lo, max(shipping_fee) hi from orders where shipping_fee > 0");
    expect(fees.lo).toBeGreaterThanOrEqual(15_000);
    expect(fees.hi).toBeLessThanOrEqual(40_000);
  });

  it("stores placed_day as the Asia/Ho_Chi_Minh day of placed_at, across midnight", () => {
    const rows = all<{ placed_at: string; placed_day: string }>(db, "select placed_at, placed_day from orders");
    for (const r of rows) expect(r.placed_day, r.placed_at).toBe(vnDay.format(new Date(r.placed_at)));
    // Placed 17:00-24:00 UTC: already the next day in Vietnam.
    const late = rows.filter((r) => new Date(r.placed_at).getUTCHours() >= 17);
    expect(late.length).toBeGreaterThan(0);
    for (const r of late) expect(r.placed_day > r.placed_at.slice(0, 10)).toBe(true);
    expect(rows.every((r) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(r.placed_at))).toBe(true);
    const span = one<{ first: string; last: string }>(db, "select min(placed_day) first, max(placed_day) last from orders");
    expect(span.first >= "2026-05-20").toBe(true);
    expect(span.last <= TODAY).toBe(true);
  });

  it("gives OCOP certificates 3-5 stars and 36 months, some expired and some valid", () => {
    const certs = all<{ stars: number; issued_on: string; expires_on: string; issuer: string }>(
      db,
      "select stars, issued_on, expires_on, issuer from certifications where kind = 'ocop'",
    );
    expect(certs.length).toBeGreaterThan(300);
    for (const c of certs) {
      expect([3, 4, 5]).toContain(c.stars);
      const [y, m, d] = c.issued_on.split("-");
      const expected = `${Number(y) + 3}-${m}-${m === "02" && d === "29" ? "28" : d}`;
      expect(c.expires_on, c.issued_on).toBe(expected);
      if (c.stars === 5) expect(c.issuer).toMatch(/Trung ương|Bộ Nông nghiệp/);
      else expect(c.issuer).toMatch(/^UBND /);
    }
    expect(certs.some((c) => c.expires_on < TODAY)).toBe(true);
    expect(certs.some((c) => c.issued_on <= TODAY && c.expires_on >= TODAY)).toBe(true);
    const share = (s: number) => certs.filter((c) => c.stars === s).length / certs.length;
    expect(share(3)).toBeGreaterThan(share(4));
    expect(share(4)).toBeGreaterThan(share(5));
    expect(share(5)).toBeGreaterThan(0);
    // Certificates issued before the July 2025 merger can name a province that no longer exists.
    const former = one<{ n: number }>(
      db,
      "select count(*) n from certifications c join provinces p on p.id = c.issue_province_id where p.is_current = 0 and c.issued_on < '2025-07-01'",
    );
    expect(former.n).toBeGreaterThan(0);
    expect(one<{ n: number }>(db, "select count(*) n from certifications c join provinces p on p.id = c.issue_province_id where p.is_current = 0 and c.issued_on >= '2025-07-01'").n).toBe(0);
    expect(one<{ n: number }>(db, "select count(distinct kind) n from certifications").n).toBe(4);
  });

  it("covers all six OCOP groups and every category", () => {
    const groups = all<{ ocop_group: string }>(db, "select distinct ocop_group from products").map((r) => r.ocop_group);
    expect(groups.sort()).toEqual([...OCOP_GROUPS].sort());
    const categories = all<{ slug: string }>(db, "select distinct c.slug from products p join categories c on c.id = p.category_id").map((r) => r.slug);
    expect(categories.sort()).toEqual(CATEGORIES.map((c) => c.slug).sort());
  });

  it("makes real-looking catalogue values", () => {
    const products = all<{ slug: string; price: number; stock: number; status: string; weight_grams: number | null; name: string }>(
      db,
      "select slug, price, stock, status, weight_grams, name from products",
    );
    for (const p of products) {
      expect(p.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(p.price % 1000).toBe(0);
      expect(p.price).toBeGreaterThanOrEqual(20_000);
    }
    expect(products.some((p) => p.stock === 0)).toBe(true);
    expect(products.some((p) => p.weight_grams === null)).toBe(true);
    expect(new Set(products.map((p) => p.status))).toEqual(new Set(["active", "draft", "archived"]));
    const producers = all<{ tax_code: string; phone: string; bank_bin: string | null; slug: string }>(db, "select tax_code, phone, bank_bin, slug from producers");
    for (const p of producers) {
      expect(p.tax_code).toMatch(/^\d{10}$/);
      if (p.phone) expect(p.phone).toMatch(/^0\d{9}$/);
      expect(p.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
    expect(producers.filter((p) => p.bank_bin).length).toBeGreaterThan(40);
  });

  it("finds the search tests' words once đ is folded as the FTS triggers do", () => {
    const match = (q: string) => one<{ n: number }>(db, "select count(*) n from products_fts where products_fts match ?", q).n;
    expect(match('name:"nuoc mam"')).toBeGreaterThanOrEqual(3);
    expect(match('name:"dac san"')).toBeGreaterThanOrEqual(2);
  });

  it("creates each demo login with its role and scope", () => {
    for (const login of DEMO_LOGINS) {
      const user = one<{ role: string; password_hash: string; province: string | null; producer_id: number | null; province_id: number | null }>(
        db,
        "select u.role, u.password_hash, u.producer_id, u.province_id, p.slug province from users u left join provinces p on p.id = u.province_id where u.email = ?",
        login.email,
      );
      expect(user, login.email).toBeDefined();
      expect(user.role).toBe(login.role);
      expect(user.password_hash).toBe(`test$${DEMO_PASSWORD}`);
      if (login.role === "official") expect(user.province).toBe(login.province);
      else expect(user.province_id).toBeNull();
      if (login.role === "producer") {
        const producer = one<{ slug: string; status: string; n: number; orders: number }>(
          db,
          `select p.slug, p.status, (select count(*) from products where producer_id = p.id) n,
                  (select count(*) from orders where producer_id = p.id) orders from producers p where p.id = ?`,
          user.producer_id,
        );
        expect(producer.slug).toBe(login.producer);
        expect(producer.status).toBe("verified");
        expect(producer.n).toBeGreaterThanOrEqual(10);
        expect(producer.orders).toBeGreaterThan(0);
      } else expect(user.producer_id).toBeNull();
    }
    expect(one<{ n: number }>(db, "select count(*) n from orders o join users u on u.id = o.buyer_user_id where u.email = 'khach@ocop.vn'").n).toBeGreaterThan(0);
    expect(one<{ n: number }>(db, "select count(*) n from users where role = 'shopper'").n).toBeGreaterThanOrEqual(40);
  });

  it("keeps unclaimed producers honest: no members, certified products that are not on sale", () => {
    const unclaimed = all<{ id: number }>(db, "select id from producers where status = 'unclaimed'");
    expect(unclaimed.length).toBeGreaterThanOrEqual(4);
    const ids = unclaimed.map((p) => p.id).join(",");
    expect(one<{ n: number }>(db, `select count(*) n from users where producer_id in (${ids})`).n).toBe(0);
    expect(one<{ n: number }>(db, `select count(*) n from products where producer_id in (${ids}) and status = 'active'`).n).toBe(0);
    expect(one<{ n: number }>(db, `select count(*) n from orders where producer_id in (${ids})`).n).toBe(0);
    const uncertified = one<{ n: number }>(
      db,
      `select count(*) n from products p where p.producer_id in (${ids}) and not exists (select 1 from certifications c where c.product_id = p.id and c.kind = 'ocop')`,
    );
    expect(uncertified.n).toBe(0);
    // Orders only ever come from verified producers' active products.
    expect(one<{ n: number }>(db, "select count(*) n from orders o join producers p on p.id = o.producer_id where p.status <> 'verified'").n).toBe(0);
  });

  it("records payments consistent with their orders, shifting toward cashless", () => {
    const mismatched = all(
      db,
      `select p.id from payments p join payment_methods m on m.code = p.method join orders o on o.id = p.order_id
       where p.channel <> m.channel
          or (o.channel <> 'storefront' and p.method not in ('cod', 'marketplace_online'))
          or (o.channel = 'storefront' and p.method = 'marketplace_online')
          or (o.status = 'completed' and p.status <> 'paid')
          or (o.status = 'refunded' and p.status <> 'refunded')
          or (o.status = 'pending_payment' and p.status <> 'pending')
          or (p.status = 'paid' and p.paid_at is null)`,
    );
    expect(mismatched).toEqual([]);
    const statuses = new Set(all<{ status: string }>(db, "select distinct status from orders").map((r) => r.status));
    for (const s of ["completed", "delivered", "cancelled", "refunded"]) expect(statuses).toContain(s);
    // Every cashless payment that was paid has the provider's event.
    expect(
      one<{ n: number }>(db, "select count(*) n from payments p where p.method <> 'cod' and p.paid_at is not null and not exists (select 1 from payment_events e where e.payment_id = p.id and e.status = 'paid')").n,
    ).toBe(0);
    expect(one<{ n: number }>(db, "select count(*) n from payment_events where payment_id in (select id from payments where method = 'cod')").n).toBe(0);
    const codShare = (from: string, to: string) =>
      one<{ s: number }>(
        db,
        "select avg(p.method = 'cod') s from payments p join orders o on o.id = p.order_id where o.channel = 'storefront' and o.placed_day between ? and ?",
        from,
        to,
      ).s;
    expect(codShare("2026-05-01", "2026-07-20")).toBeGreaterThan(codShare("2026-09-01", TODAY));
    const split = one<{ n: number }>(db, "select count(*) n from (select checkout_code from orders where checkout_code is not null group by checkout_code having count(*) > 1)");
    expect(split.n).toBeGreaterThan(0);
  });

  it("sells only what existed, and on a marketplace only what was live there", () => {
    const early = one<{ n: number }>(
      db,
      "select count(*) n from orders o join order_items i on i.order_id = o.id join products p on p.id = i.product_id where p.created_at > o.placed_at",
    );
    expect(early.n).toBe(0);
    const unlisted = one<{ n: number }>(
      db,
      `select count(*) n from orders o join order_items i on i.order_id = o.id join marketplaces m on m.code = o.channel
         left join listings l on l.product_id = i.product_id and l.marketplace_id = m.id
       where l.id is null or l.live_since is null or l.live_since > o.placed_at`,
    );
    expect(unlisted.n).toBe(0);
    const channels = all<{ channel: string }>(db, "select distinct channel from orders").map((r) => r.channel);
    expect(channels).toEqual(expect.arrayContaining(["storefront", "shopee", "lazada", "tiktok", "tiki"]));
  });

  it("keeps a status history for every listing, ending in its current status", () => {
    const listings = all<{ id: number; status: string; live_since: string | null; last: string; first: string; firstAt: string; created_at: string }>(
      db,
      `select l.id, l.status, l.live_since, l.created_at,
              (select status from listing_events e where e.listing_id = l.id order by at desc, id desc limit 1) last,
              (select status from listing_events e where e.listing_id = l.id order by at, id limit 1) first,
              (select min(at) from listing_events e where e.listing_id = l.id) firstAt
       from listings l`,
    );
    expect(listings.length).toBeGreaterThan(50);
    for (const l of listings) {
      expect(l.last, `listing ${l.id}`).toBe(l.status);
      expect(l.first).toBe("pending");
      expect(l.firstAt).toBe(l.created_at);
      if (l.status === "live") expect(l.live_since).not.toBeNull();
    }
    expect(new Set(listings.map((l) => l.status))).toContain("rejected");
  });

  it("sets 2025 and 2026 targets for the demo provinces", () => {
    const rows = all<{ indicator: string; target_bp: number; year: number; source: string }>(db, "select indicator, target_bp, year, source from province_targets");
    expect(rows.length).toBe(8 * 2 * 4);
    expect(rows.find((r) => r.indicator === "ocop_listing_share")?.target_bp).toBe(8000);
    expect(rows.every((r) => /KH-UBND/.test(r.source))).toBe(true);
  });
});
