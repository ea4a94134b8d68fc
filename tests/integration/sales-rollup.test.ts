// The sales rollup is kept by triggers; after any sequence of order and payment changes it must
// equal a full recomputation from the base tables.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { rebuildSalesDaily, salesDailyDifferences, salesMonthlyDifferences } from "#db/rollups";
import { ORDER_STATUSES, PAYMENT_STATUSES, SALES_CHANNELS } from "#db/vocabulary";

const METHODS = [
  ["cod", "cash"],
  ["vietqr", "cashless_direct"],
  ["vnpay", "cashless_intermediary"],
  ["momo", "cashless_intermediary"],
  ["stripe", "cashless_intermediary"],
  ["marketplace_online", "cashless_intermediary"],
] as const;

function setup() {
  const raw = db().$client;
  const province = (slug: string) => (raw.prepare("SELECT id FROM provinces WHERE slug = ?").get(slug) as { id: number }).id;
  const producer = (slug: string, provinceSlug: string) =>
    Number(
      raw
        .prepare("INSERT INTO producers (slug, kind, name, province_id, status) VALUES (?, 'cooperative', ?, ?, 'verified')")
        .run(slug, slug, province(provinceSlug)).lastInsertRowid,
    );
  return [
    { id: producer("htx-a", "dong-thap"), provinceId: province("dong-thap") },
    { id: producer("htx-b", "vinh-long"), provinceId: province("vinh-long") },
  ];
}

const op = fc.oneof(
  fc.record({
    kind: fc.constant("order" as const),
    seller: fc.nat(1),
    channel: fc.constantFrom(...SALES_CHANNELS),
    status: fc.constantFrom(...ORDER_STATUSES),
    total: fc.integer({ min: 1000, max: 5_000_000 }),
    day: fc.constantFrom("2026-10-31", "2026-11-01", "2026-11-02"),
  }),
  fc.record({ kind: fc.constant("payment" as const), order: fc.nat(), method: fc.nat(METHODS.length - 1), status: fc.constantFrom(...PAYMENT_STATUSES) }),
  fc.record({ kind: fc.constant("status" as const), order: fc.nat(), status: fc.constantFrom(...ORDER_STATUSES) }),
  fc.record({ kind: fc.constant("refund" as const), order: fc.nat() }),
  fc.record({ kind: fc.constant("move" as const), order: fc.nat(), day: fc.constantFrom("2026-10-31", "2026-11-03") }),
  fc.record({ kind: fc.constant("delete" as const), order: fc.nat() }),
);

describe("sales_daily rollup", () => {
  const sellers = setup();
  const raw = db().$client;
  let codes = 0;
  let paymentsMade = 0;

  it("equals a full recomputation after any sequence of orders, payments, status changes and refunds", () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 40 }), (ops) => {
        const orderIds = () => (raw.prepare("SELECT id FROM orders ORDER BY id").all() as { id: number }[]).map((r) => r.id);
        const pick = (n: number) => {
          const ids = orderIds();
          return ids.length ? ids[n % ids.length]! : null;
        };
        for (const o of ops) {
          if (o.kind === "order") {
            const s = sellers[o.seller]!;
            raw
              .prepare(
                `INSERT INTO orders (code, producer_id, province_id, channel, buyer_name, buyer_phone, subtotal, shipping_fee, total,
                   status, placed_at, placed_day) VALUES (?, ?, ?, ?, 'Khách', '0912345678', ?, 0, ?, ?, ?, ?)`,
              )
              .run(`T${++codes}`, s.id, s.provinceId, o.channel, o.total, o.total, o.status, `${o.day}T03:00:00.000Z`, o.day);
          } else if (o.kind === "payment") {
            const id = pick(o.order);
            if (id === null) continue;
            const [method, channel] = METHODS[o.method]!;
            const total = (raw.prepare("SELECT total FROM orders WHERE id = ?").get(id) as { total: number }).total;
            raw
              .prepare("INSERT INTO payments (order_id, method, channel, provider, amount, status) VALUES (?, ?, ?, ?, ?, ?)")
              .run(id, method, channel, method, total, o.status);
            paymentsMade++;
          } else if (o.kind === "status") {
            const id = pick(o.order);
            if (id !== null) raw.prepare("UPDATE orders SET status = ? WHERE id = ?").run(o.status, id);
          } else if (o.kind === "refund") {
            const id = pick(o.order);
            if (id === null) continue;
            raw.transaction(() => {
              raw.prepare("UPDATE orders SET status = 'refunded' WHERE id = ?").run(id);
              raw.prepare("UPDATE payments SET status = 'refunded' WHERE order_id = ? AND status = 'paid'").run(id);
            })();
          } else if (o.kind === "move") {
            const id = pick(o.order);
            if (id !== null) raw.prepare("UPDATE orders SET placed_day = ? WHERE id = ?").run(o.day, id);
          } else {
            const id = pick(o.order);
            const hasPayments = id !== null && raw.prepare("SELECT 1 FROM payments WHERE order_id = ?").get(id);
            if (id !== null && !hasPayments) raw.prepare("DELETE FROM orders WHERE id = ?").run(id);
          }
        }
        expect(salesDailyDifferences(raw)).toEqual([]);
        expect(salesMonthlyDifferences(raw)).toEqual([]);
      }),
      { numRuns: 60 },
    );
    // The sequences did exercise the triggers (dozens of orders and payments over 60 runs).
    expect(codes).toBeGreaterThan(20);
    expect(paymentsMade).toBeGreaterThan(20);
  });

  it("notices a rollup that drifted, and a rebuild mends it", () => {
    raw.prepare("UPDATE sales_daily SET orders = orders + 1 WHERE rowid = (SELECT min(rowid) FROM sales_daily WHERE orders > 0)").run();
    expect(salesDailyDifferences(raw)).toHaveLength(1);
    rebuildSalesDaily(raw);
    expect(salesDailyDifferences(raw)).toEqual([]);
    expect(salesMonthlyDifferences(raw)).toEqual([]);
  });

  it("keeps payments as history: no change of method, no deletion", () => {
    const p = raw.prepare("SELECT id FROM payments WHERE method <> 'cod' LIMIT 1").get() as { id: number };
    expect(() => raw.prepare("UPDATE payments SET method = 'cod', channel = 'cash' WHERE id = ?").run(p.id)).toThrow(/never change/);
    expect(() => raw.prepare("DELETE FROM payments WHERE id = ?").run(p.id)).toThrow(/kept/);
  });
});

describe("registry cache", () => {
  it("answers like a fresh computation after any sequence of listing and certificate changes", async () => {
    const { registrySnapshots } = await import("~/indicators/registry-cache.server");
    const { loadRegistryHistory } = await import("~/indicators/registry-history.server");
    const { prepareRegistry, registryAsOf } = await import("~/indicators/registry");
    const raw = db().$client;
    const [seller] = (raw.prepare("SELECT id, province_id AS provinceId FROM producers WHERE slug = 'htx-a'").all() as { id: number; provinceId: number }[]);
    const products = [1, 2, 3].map((i) =>
      Number(
        raw
          .prepare(`INSERT INTO products (producer_id, slug, name, ocop_group, unit, price, status) VALUES (?, ?, ?, 'food', 'hộp', 1000, 'active')`)
          .run(seller!.id, `cache-${i}`, `cache-${i}`).lastInsertRowid,
      ),
    );
    const change = fc.oneof(
      fc.record({ kind: fc.constant("event" as const), product: fc.nat(2), marketplace: fc.constantFrom("shopee", "lazada"), status: fc.constantFrom("live", "delisted", "rejected") }),
      fc.record({ kind: fc.constant("cert" as const), product: fc.nat(2), stars: fc.integer({ min: 3, max: 5 }), expires: fc.constantFrom("2026-10-31", "2027-06-30") }),
      fc.record({ kind: fc.constant("archive" as const), product: fc.nat(2), status: fc.constantFrom("active", "archived") }),
      fc.record({ kind: fc.constant("entry" as const), product: fc.nat(2), effective: fc.constantFrom("2025-01-01", "2026-11-20", "2026-12-01") }),
    );
    const day = "2026-11-20";
    let n = 0;
    fc.assert(
      fc.property(fc.array(change, { maxLength: 15 }), (changes) => {
        registrySnapshots(seller!.provinceId, [day]); // warm the cache first
        for (const c of changes) {
          const productId = products[c.product]!;
          if (c.kind === "event") {
            raw.prepare(`INSERT OR IGNORE INTO listings (product_id, marketplace_id) VALUES (?, (SELECT id FROM marketplaces WHERE code = ?))`).run(productId, c.marketplace);
            raw
              .prepare(`INSERT INTO listing_events (listing_id, status, at) VALUES ((SELECT id FROM listings WHERE product_id = ? AND marketplace_id = (SELECT id FROM marketplaces WHERE code = ?)), ?, ?)`)
              .run(productId, c.marketplace, c.status, new Date(Date.UTC(2026, 10, 1) + ++n * 1000).toISOString());
          } else if (c.kind === "cert") {
            raw.prepare(`INSERT INTO certifications (product_id, kind, stars, number, issuer, issued_on, expires_on) VALUES (?, 'ocop', ?, 'x', 'y', '2025-01-01', ?)`).run(productId, c.stars, c.expires);
          } else if (c.kind === "entry") {
            raw
              .prepare(
                `INSERT OR IGNORE INTO ocop_registry_entries (province_id, tax_code, producer_name, product_name, product_key, stars, decision_number, issued_on, expires_on, effective_from, producer_id, product_id)
                 VALUES (?, 'tax', 'x', 'x', ?, 4, 'x', '2025-01-01', '2027-06-30', ?, ?, ?)`,
              )
              .run(seller!.provinceId, `k${productId}`, c.effective, seller!.id, productId);
          } else {
            raw.prepare(`UPDATE products SET status = ? WHERE id = ?`).run(c.status, productId);
          }
        }
        const cached = registrySnapshots(seller!.provinceId, [day])[0]!;
        const fresh = registryAsOf(prepareRegistry(loadRegistryHistory(seller!.provinceId)), day);
        expect(cached).toEqual(fresh);
        // The country, summed from the provinces' cached figures, equals one computation over all of it.
        const counts = (s: typeof cached) => ({ ...s, rows: s.rows.length, awaiting: s.awaiting.length, producersByProvince: undefined, parts: undefined });
        const nationalFresh = registryAsOf(prepareRegistry(loadRegistryHistory(null)), day);
        expect(counts(registrySnapshots(null, [day])[0]!)).toEqual(counts(nationalFresh));
      }),
      { numRuns: 40 },
    );
  });
});
