// What the officials' indicators read: targets per province, and rollups kept by triggers so
// dashboards never scan the orders table.
import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { INDICATORS, ORDER_STATUSES, SALES_CHANNELS } from "../vocabulary";
import { updatedAt } from "./columns";
import { users } from "./people";
import { provinces } from "./places";

/** A province's own words on its reports: the office that issues them, as its official names it. */
export const provinceReportSettings = sqliteTable("province_report_settings", {
  provinceId: integer("province_id")
    .primaryKey()
    .references(() => provinces.id),
  /** "Sở Nông nghiệp và Môi trường tỉnh …": printed at the head of the monthly report. */
  office: text("office").notNull(),
  updatedBy: integer("updated_by").references(() => users.id),
  updatedAt: updatedAt(),
});

export const provinceTargets = sqliteTable(
  "province_targets",
  {
    id: integer("id").primaryKey(),
    provinceId: integer("province_id")
      .notNull()
      .references(() => provinces.id),
    indicator: text("indicator", { enum: INDICATORS }).notNull(),
    year: integer("year").notNull(),
    /** Target in basis points: 8000 = 80%. */
    targetBp: integer("target_bp").notNull(),
    /** The plan or decision the target comes from. */
    source: text("source").notNull().default(""),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("province_targets_uq").on(t.provinceId, t.indicator, t.year),
    check("province_targets_bp_ck", sql`${t.targetBp} between 0 and 10000`),
  ],
);

/**
 * Daily sales rollup for the officials' indicators: orders and their value per placed day
 * (Asia/Ho_Chi_Minh), seller province, sales channel, order status and the method and channel of
 * the order's latest payment ('' when it has none). Kept by triggers on orders and payments
 * (db/migrations/0004_sales_rollup.sql), in the same transaction as every change, so dashboards
 * never scan the orders table. `db/rollups.ts` rebuilds it from scratch and checks it.
 */
export const salesDaily = sqliteTable(
  "sales_daily",
  {
    day: text("day").notNull(),
    provinceId: integer("province_id").notNull(),
    channel: text("channel", { enum: SALES_CHANNELS }).notNull(),
    status: text("status", { enum: ORDER_STATUSES }).notNull(),
    method: text("method").notNull(),
    payChannel: text("pay_channel").notNull(),
    orders: integer("orders").notNull(),
    value: integer("value").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.provinceId, t.channel, t.status, t.method, t.payChannel] }),
    index("sales_daily_province_day_idx").on(t.provinceId, t.day),
  ],
);

/**
 * sales_daily summed by month ("yyyy-MM"), kept by triggers on sales_daily itself, so twelve
 * months of national figures read a few thousand rows instead of a year of days.
 */
export const salesMonthly = sqliteTable(
  "sales_monthly",
  {
    month: text("month").notNull(),
    provinceId: integer("province_id").notNull(),
    channel: text("channel", { enum: SALES_CHANNELS }).notNull(),
    status: text("status", { enum: ORDER_STATUSES }).notNull(),
    method: text("method").notNull(),
    payChannel: text("pay_channel").notNull(),
    orders: integer("orders").notNull(),
    value: integer("value").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.month, t.provinceId, t.channel, t.status, t.method, t.payChannel] }),
    index("sales_monthly_province_idx").on(t.provinceId, t.month),
  ],
);

/**
 * Counters bumped by triggers whenever the data behind a family of indicators changes
 * ("registry": products, producers, certificates, listing events), so a process can keep
 * computed figures in memory and know, with one read, whether they are still true.
 */
export const changeCounters = sqliteTable("change_counters", {
  name: text("name").primaryKey(),
  n: integer("n").notNull().default(0),
});

/**
 * The registry and listing figures of each province on a day, as computed at the province's
 * registry counter `version` ('registry:<province id>' in change_counters): current while that
 * counter stands still. The background worker keeps the days the pages and the API open by
 * default (today and the last 13 month ends); the national answer sums them instead of computing
 * the 34 provinces again (app/indicators/registry-store.server.ts, its owner).
 */
export const indicatorRegistryFigures = sqliteTable(
  "indicator_registry_figures",
  {
    provinceId: integer("province_id")
      .notNull()
      .references(() => provinces.id),
    day: text("day").notNull(),
    version: integer("version").notNull(),
    computedAt: text("computed_at").notNull(),
    /** JSON: the day's registry counts (`RegistryCounts` in app/indicators/registry.ts). */
    counts: text("counts").notNull(),
    /** JSON: the day's headline figures and breakdowns (`HeadlineFigures`); null when only the counts were kept. */
    figures: text("figures"),
  },
  (t) => [primaryKey({ columns: [t.provinceId, t.day] })],
);
