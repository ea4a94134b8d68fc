// The bulk order load bypasses the sales_daily triggers (one rollup update per row would double
// its time). This sink wrapper adds up the same buckets while the orders stream past, and writes
// them once at the end; tests/unit/seed.test.ts checks the result against a full recomputation.
import type Database from "better-sqlite3";
import type { OrderSink, Row } from "./orders";

type Pending = { key: string; total: number; method: string; payChannel: string; orderId: number };

export function withSalesRollup(sink: OrderSink): { sink: OrderSink; write: (client: Database.Database) => number } {
  const buckets = new Map<string, [orders: number, value: number]>();
  let pending: Pending | null = null;
  const settle = () => {
    if (!pending) return;
    const key = `${pending.key}\u0000${pending.method}\u0000${pending.payChannel}`;
    const b = buckets.get(key) ?? [0, 0];
    b[0] += 1;
    b[1] += pending.total;
    buckets.set(key, b);
    pending = null;
  };
  return {
    sink: {
      ...sink,
      order(row: Row) {
        settle();
        // day, province, channel, status: the columns placed_day, province_id, channel, status.
        pending = { key: [row[20], row[4], row[5], row[18]].join("\u0000"), total: row[17] as number, method: "", payChannel: "", orderId: row[0] as number };
        sink.order(row);
      },
      payment(row: Row) {
        // Payments follow their order; the last one written is the order's latest.
        if (pending && pending.orderId === row[1]) {
          pending.method = row[2] as string;
          pending.payChannel = row[3] as string;
        } else {
          throw new Error(`seed bug: payment ${row[0]} does not follow its order ${row[1]}`);
        }
        sink.payment(row);
      },
    },
    write(client) {
      settle();
      const put = client.prepare(
        `INSERT INTO sales_daily (day, province_id, channel, status, method, pay_channel, orders, value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      client.exec("DELETE FROM sales_daily");
      for (const [key, [orders, value]] of buckets) {
        const [day, province, channel, status, method, payChannel] = key.split("\u0000");
        put.run(day, Number(province), channel, status, method, payChannel, orders, value);
      }
      return buckets.size;
    },
  };
}
