// Cashless figures of completed e-commerce orders (storefront and imported marketplace orders),
// read from the sales_daily rollup: never from the orders table.
import { statement } from "~/db.server";
import type { PaymentChannel, SalesChannel } from "#db/vocabulary";
import { rangeParts } from "./periods";
import { ratio, type Ratio } from "./ratios";

/** An order counts as a completed sale once delivered; cancelled and refunded ones do not. */
export const COMPLETED = "('delivered', 'completed')";

export type SalesBucket = { payChannel: PaymentChannel | ""; method: string; channel: SalesChannel; orders: number; value: number };

export type CashlessFigures = {
  orders: number;
  value: number;
  cashlessCount: Ratio;
  cashlessValue: Ratio;
  /** Through a licensed intermediary, of cashless payments, VietQR transfers counting as direct. */
  intermediaryShare: Ratio;
  /** The same by value. */
  intermediaryShareValue: Ratio;
  /** The same with VietQR counted as intermediated (NAPAS switches every transfer). */
  intermediaryShareWithVietqr: Ratio;
  /** One row per payment method with orders, each with its class; '' (no payment recorded) is "unrecorded", cash. */
  byMethod: { method: string; payClass: PaymentChannel; orders: number; value: number }[];
  byChannel: { channel: SalesChannel; orders: number; cashless: Ratio }[];
};

const scope = (provinceId: number | null) => (provinceId === null ? "" : "province_id = @province AND");

export function salesBuckets(provinceId: number | null, from: string, to: string): SalesBucket[] {
  const { months, days } = rangeParts(from, to);
  const rows: SalesBucket[] = [];
  if (months.length > 0) {
    rows.push(
      ...(statement<unknown[], SalesBucket>(
        `SELECT pay_channel AS payChannel, method, channel, sum(orders) AS orders, sum(value) AS value
         FROM sales_monthly WHERE ${scope(provinceId)} month IN (SELECT value FROM json_each(@months)) AND status IN ${COMPLETED}
         GROUP BY pay_channel, method, channel`,
      ).all({ province: provinceId, months: JSON.stringify(months) })),
    );
  }
  for (const [start, end] of days) {
    rows.push(
      ...(statement<unknown[], SalesBucket>(
        `SELECT pay_channel AS payChannel, method, channel, sum(orders) AS orders, sum(value) AS value
         FROM sales_daily WHERE ${scope(provinceId)} day BETWEEN @from AND @to AND status IN ${COMPLETED}
         GROUP BY pay_channel, method, channel`,
      ).all({ province: provinceId, from: start, to: end })),
    );
  }
  const merged = new Map<string, SalesBucket>();
  for (const r of rows) {
    const key = `${r.payChannel}|${r.method}|${r.channel}`;
    const m = merged.get(key);
    if (m) {
      m.orders += r.orders;
      m.value += r.value;
    } else merged.set(key, { ...r });
  }
  return [...merged.values()];
}

export function cashlessFigures(buckets: SalesBucket[]): CashlessFigures {
  const sum = (rows: SalesBucket[], f: (b: SalesBucket) => number) => rows.reduce((s, b) => s + f(b), 0);
  const cashless = buckets.filter((b) => b.payChannel === "cashless_direct" || b.payChannel === "cashless_intermediary");
  const intermediary = cashless.filter((b) => b.payChannel === "cashless_intermediary");
  const vietqr = cashless.filter((b) => b.payChannel === "cashless_direct" && b.method === "vietqr");
  const orders = sum(buckets, (b) => b.orders);
  const value = sum(buckets, (b) => b.value);
  const cashlessOrders = sum(cashless, (b) => b.orders);
  const byMethod = new Map<string, CashlessFigures["byMethod"][number]>();
  for (const b of buckets) {
    if (b.orders === 0) continue;
    const method = b.method || "unrecorded";
    const payClass: PaymentChannel = b.payChannel || "cash";
    const key = `${method}|${payClass}`;
    const m = byMethod.get(key) ?? { method, payClass, orders: 0, value: 0 };
    m.orders += b.orders;
    m.value += b.value;
    byMethod.set(key, m);
  }
  const byChannel = new Map<SalesChannel, { all: number; cashless: number }>();
  for (const b of buckets) {
    const c = byChannel.get(b.channel) ?? { all: 0, cashless: 0 };
    c.all += b.orders;
    if (b.payChannel === "cashless_direct" || b.payChannel === "cashless_intermediary") c.cashless += b.orders;
    byChannel.set(b.channel, c);
  }
  return {
    orders,
    value,
    cashlessCount: ratio(cashlessOrders, orders),
    cashlessValue: ratio(sum(cashless, (b) => b.value), value),
    intermediaryShare: ratio(sum(intermediary, (b) => b.orders), cashlessOrders),
    intermediaryShareValue: ratio(sum(intermediary, (b) => b.value), sum(cashless, (b) => b.value)),
    intermediaryShareWithVietqr: ratio(sum(intermediary, (b) => b.orders) + sum(vietqr, (b) => b.orders), cashlessOrders),
    byMethod: [...byMethod.values()].sort((a, b) => b.orders - a.orders || b.value - a.value || a.method.localeCompare(b.method)),
    byChannel: [...byChannel].map(([channel, c]) => ({ channel, orders: c.all, cashless: ratio(c.cashless, c.all) })),
  };
}

/**
 * The cashless figures of each month of the trend. Every month but the last is whole; the last
 * runs to `asOf`.
 */
export function monthlyCashless(provinceId: number | null, fromDay: string, asOf: string): Map<string, CashlessFigures> {
  const out = new Map<string, CashlessFigures>();
  const { months, days } = rangeParts(fromDay, asOf);
  const rows = statement<unknown[], SalesBucket & { month: string }>(
    `SELECT month, pay_channel AS payChannel, method, channel, sum(orders) AS orders, sum(value) AS value
     FROM sales_monthly WHERE ${scope(provinceId)} month IN (SELECT value FROM json_each(@months)) AND status IN ${COMPLETED}
     GROUP BY month, pay_channel, method, channel`,
  ).all({ province: provinceId, months: JSON.stringify(months) });
  const byMonth = new Map<string, SalesBucket[]>();
  for (const { month, ...b } of rows) {
    const list = byMonth.get(month);
    if (list) list.push(b);
    else byMonth.set(month, [b]);
  }
  for (const [month, buckets] of byMonth) out.set(month, cashlessFigures(buckets));
  for (const [start, end] of days) out.set(start.slice(0, 7), cashlessFigures(salesBuckets(provinceId, start, end)));
  return out;
}

/** The cashless figures of every province for a period, for the national comparison and breakdown. */
export function cashlessByProvince(from: string, to: string): Map<number, CashlessFigures> {
  const { months, days } = rangeParts(from, to);
  const select = (table: string, where: string) =>
    `SELECT province_id AS provinceId, pay_channel AS payChannel, method, channel, sum(orders) AS orders, sum(value) AS value
     FROM ${table} WHERE ${where} AND status IN ${COMPLETED} GROUP BY province_id, pay_channel, method, channel`;
  type Row = SalesBucket & { provinceId: number };
  const rows = [
    ...(months.length > 0
      ? (statement<unknown[], Row>(select("sales_monthly", "month IN (SELECT value FROM json_each(@months))")).all({ months: JSON.stringify(months) }))
      : []),
    ...days.flatMap(([start, end]) => statement<unknown[], Row>(select("sales_daily", "day BETWEEN @from AND @to")).all({ from: start, to: end })),
  ];
  const byProvince = new Map<number, SalesBucket[]>();
  for (const { provinceId, ...b } of rows) {
    const list = byProvince.get(provinceId);
    if (list) list.push(b);
    else byProvince.set(provinceId, [b]);
  }
  return new Map([...byProvince].map(([id, buckets]) => [id, cashlessFigures(buckets)]));
}
