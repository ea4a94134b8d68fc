// The sales rollup's definition as one query over the base tables: used to rebuild
// `sales_daily` (after a bulk load that bypassed its triggers) and to prove the triggers right.
import type Database from "better-sqlite3";

/** What sales_daily must hold, computed from orders and payments alone. */
export const SALES_DAILY_FROM_BASE = `
  SELECT o.placed_day AS day, o.province_id AS province_id, o.channel AS channel, o.status AS status,
    coalesce(lp.method, '') AS method, coalesce(lp.channel, '') AS pay_channel,
    count(*) AS orders, sum(o.total) AS value
  FROM orders o
  LEFT JOIN payments lp ON lp.id = (SELECT max(p.id) FROM payments p WHERE p.order_id = o.id)
  GROUP BY 1, 2, 3, 4, 5, 6`;

/** The rollup triggers (by name prefix), so a bulk load can drop them and put them back. */
export const ROLLUP_TRIGGER_PREFIX = "sales_rollup_";

export function rebuildSalesDaily(client: Database.Database): void {
  client.transaction(() => {
    client.exec("DELETE FROM sales_daily");
    client.exec(
      `INSERT INTO sales_daily (day, province_id, channel, status, method, pay_channel, orders, value) ${SALES_DAILY_FROM_BASE}`,
    );
  })();
}

export type RollupDifference = { key: string; stored: [number, number]; expected: [number, number] };

/** Buckets where the stored rollup and a full recomputation disagree (empty when they agree). */
export function salesDailyDifferences(client: Database.Database): RollupDifference[] {
  type Row = { day: string; province_id: number; channel: string; status: string; method: string; pay_channel: string; orders: number; value: number };
  const key = (r: Row) => [r.day, r.province_id, r.channel, r.status, r.method, r.pay_channel].join("|");
  const stored = new Map<string, Row>();
  for (const r of client.prepare("SELECT * FROM sales_daily WHERE orders <> 0 OR value <> 0").all() as Row[]) stored.set(key(r), r);
  const expected = new Map<string, Row>();
  for (const r of client.prepare(SALES_DAILY_FROM_BASE).all() as Row[]) expected.set(key(r), r);
  const out: RollupDifference[] = [];
  for (const k of new Set([...stored.keys(), ...expected.keys()])) {
    const s = stored.get(k);
    const e = expected.get(k);
    if (s?.orders !== e?.orders || s?.value !== e?.value) {
      out.push({ key: k, stored: [s?.orders ?? 0, s?.value ?? 0], expected: [e?.orders ?? 0, e?.value ?? 0] });
    }
  }
  return out;
}

/** Months where sales_monthly and the sum of sales_daily disagree (empty when they agree). */
export function salesMonthlyDifferences(client: Database.Database): string[] {
  return (
    client
      .prepare(
        `SELECT coalesce(d.month, m.month) || '|' || coalesce(d.province_id, m.province_id) || '|' || coalesce(d.channel, m.channel)
           || '|' || coalesce(d.status, m.status) || '|' || coalesce(d.method, m.method) || '|' || coalesce(d.pay_channel, m.pay_channel) AS key
         FROM (SELECT substr(day, 1, 7) AS month, province_id, channel, status, method, pay_channel, sum(orders) AS orders, sum(value) AS value
               FROM sales_daily GROUP BY 1, 2, 3, 4, 5, 6) d
         FULL OUTER JOIN sales_monthly m USING (month, province_id, channel, status, method, pay_channel)
         WHERE coalesce(d.orders, 0) <> coalesce(m.orders, 0) OR coalesce(d.value, 0) <> coalesce(m.value, 0)`,
      )
      .all() as { key: string }[]
  ).map((r) => r.key);
}
