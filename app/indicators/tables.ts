// The indicator pages' tables as plain data, so the XLSX and CSV downloads hold exactly what the
// pages show. Headers are Vietnamese (officials file these in Vietnamese reports).
import type { RankedRow } from "./comparison.server";
import type { Overview } from "./overview.server";
import type { Ratio } from "./ratios";
import type { UnlistedProduct } from "./unlisted.server";
import { vi, type Translate } from "~/i18n/messages";
import { formatDay, formatNumber } from "~/i18n/format";
import type { Indicator } from "#db/vocabulary";
import { periodLabel } from "./periods";

/** "figure": a number already written out with its unit ("16 / 46 sản phẩm"), right-aligned; only on paper. */
export type Column = { header: string; kind: "text" | "int" | "share" | "vnd" | "points" | "figure" };
export type Cell = string | number | null;
export type Table = { sheet: string; title: string; columns: Column[]; rows: Cell[][] };

/** Unrounded: the sheet's 0.0% format and the page's formatPercent round the same number once. */
const share = (r: Ratio | null | undefined): Cell => (r?.value === null || r?.value === undefined ? null : r.value);
const points = (v: number | null): Cell => (v === null ? null : Math.round(v * 10) / 10);

/** What an indicator's numerator and denominator count, as the report and the download say it. */
export const INDICATOR_UNITS: Record<Indicator, string> = {
  ocop_listing_share: "sản phẩm",
  onboarding_share: "sản phẩm",
  producers_online: "chủ thể",
  gap_listing_share: "sản phẩm",
  cashless_rate_count: "đơn",
  cashless_rate_value: "₫",
  intermediary_share: "đơn",
};

const monthLabel = (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

export function overviewTables(o: Overview, names: { methods: Record<string, string>; marketplaces: Record<string, string>; groups: Record<string, string> }): [figures: Table, trend: Table, byMarketplace: Table, byStars: Table, byGroup: Table, byMethod: Table] {
  return [
    {
      sheet: "Chỉ số",
      title: `Chỉ số kỳ ${periodLabel(o.period)}, số liệu tính đến hết ngày ${formatDay(o.asOf)}`,
      columns: [
        { header: "Chỉ số", kind: "text" },
        { header: "Tỷ lệ (%)", kind: "share" },
        { header: "Tử số", kind: "int" },
        { header: "Mẫu số", kind: "int" },
        { header: "Đơn vị tính", kind: "text" },
        { header: `Mục tiêu năm ${o.asOf.slice(0, 4)} (%)`, kind: "share" },
        { header: "Chênh lệch với mục tiêu (điểm %)", kind: "points" },
        { header: `Dự báo đến 31/12/${o.asOf.slice(0, 4)} (%)`, kind: "share" },
      ],
      rows: o.cards.map((c) => [
        vi[`ind.${c.id}`],
        share(c.value),
        c.value.num,
        c.value.den,
        INDICATOR_UNITS[c.id],
        c.target ? c.target.bp / 10_000 : null,
        points(c.gap),
        c.projected,
      ]),
    },
    {
      sheet: "Diễn biến",
      title: "Diễn biến 12 tháng (tỷ lệ lên sàn và đã lên nền tảng: cuối mỗi tháng)",
      columns: [
        { header: "Tháng", kind: "text" },
        { header: "Sản phẩm OCOP trên sàn (%)", kind: "share" },
        { header: "Sản phẩm OCOP đã lên nền tảng (%)", kind: "share" },
        { header: "Không dùng tiền mặt, số đơn (%)", kind: "share" },
        { header: "Không dùng tiền mặt, giá trị (%)", kind: "share" },
      ],
      rows: o.trend.map((p) => [monthLabel(p.month), share(p.ocopListing), share(p.onboarding), share(p.cashlessCount), share(p.cashlessValue)]),
    },
    {
      sheet: "Theo sàn",
      title: "Sản phẩm OCOP trên từng sàn",
      columns: [
        { header: "Sàn", kind: "text" },
        { header: "Đã lên sàn", kind: "int" },
        { header: "Tổng số", kind: "int" },
        { header: "Tỷ lệ (%)", kind: "share" },
      ],
      rows: o.listing.byMarketplace.map((m) => [names.marketplaces[m.key] ?? m.key, m.listed.num, m.listed.den, share(m.listed)]),
    },
    {
      sheet: "Theo hạng sao",
      title: "Theo hạng sao",
      columns: [
        { header: "Hạng sao", kind: "text" },
        { header: "Đã lên sàn", kind: "int" },
        { header: "Tổng số", kind: "int" },
        { header: "Tỷ lệ (%)", kind: "share" },
        { header: "Đã tham gia nền tảng (%)", kind: "share" },
      ],
      rows: o.listing.byStars.map((s) => [s.label, s.listed.num, s.listed.den, share(s.listed), share(s.claimed)]),
    },
    {
      sheet: "Theo nhóm",
      title: "Theo nhóm sản phẩm OCOP",
      columns: [
        { header: "Nhóm sản phẩm", kind: "text" },
        { header: "Đã lên sàn", kind: "int" },
        { header: "Tổng số", kind: "int" },
        { header: "Tỷ lệ (%)", kind: "share" },
        { header: "Đã tham gia nền tảng (%)", kind: "share" },
      ],
      rows: o.listing.byGroup.map((g) => [names.groups[g.key] ?? g.key, g.listed.num, g.listed.den, share(g.listed), share(g.claimed)]),
    },
    {
      sheet: "Thanh toán",
      title: "Đơn đã giao thành công theo phương thức thanh toán",
      columns: [
        { header: "Phương thức", kind: "text" },
        { header: "Số đơn", kind: "int" },
        { header: "Giá trị (₫)", kind: "vnd" },
      ],
      rows: o.cashless.byMethod.map((m) => [names.methods[m.method] ?? (m.method || "—"), m.orders, m.value]),
    },
  ];
}

/**
 * The printed report's headline table: the same values as the download's first sheet (and the
 * page's cards), with numerator and denominator written out in their unit so it fits A4 portrait.
 */
export function reportFiguresTable(o: Overview): Table {
  const year = o.asOf.slice(0, 4);
  return {
    sheet: "Chỉ số",
    title: `Chỉ số kỳ ${periodLabel(o.period)}, số liệu tính đến hết ngày ${formatDay(o.asOf)}`,
    columns: [
      { header: "Chỉ số", kind: "text" },
      { header: "Kết quả (%)", kind: "share" },
      { header: "Tử số / mẫu số", kind: "figure" },
      { header: `Mục tiêu năm ${year} (%)`, kind: "share" },
      { header: "Chênh lệch với mục tiêu (điểm %)", kind: "points" },
      { header: `Dự báo đến 31/12/${year} (%)`, kind: "share" },
    ],
    rows: o.cards.map((c) => [
      vi[`ind.${c.id}`],
      share(c.value),
      `${formatNumber(c.value.num)} / ${formatNumber(c.value.den)} ${INDICATOR_UNITS[c.id]}`,
      c.target ? c.target.bp / 10_000 : null,
      points(c.gap),
      c.projected,
    ]),
  };
}

export function rankingTable(sheet: string, title: string, labelHeader: string, rows: RankedRow[]): Table {
  const withCashless = rows.some((r) => r.cashless);
  return {
    sheet,
    title,
    columns: [
      { header: labelHeader, kind: "text" },
      { header: "Đã lên sàn", kind: "int" },
      { header: "Tổng số", kind: "int" },
      { header: "Tỷ lệ (%)", kind: "share" },
      { header: "Chênh lệch với mục tiêu (điểm %)", kind: "points" },
      { header: "Đã tham gia nền tảng (%)", kind: "share" },
      ...(withCashless ? [{ header: "Không dùng tiền mặt, số đơn (%)", kind: "share" as const }] : []),
    ],
    rows: rows.map((r) => [
      r.label,
      r.listed.num,
      r.listed.den,
      share(r.listed),
      points(r.gap),
      share(r.onboarded),
      ...(withCashless ? [share(r.cashless)] : []),
    ]),
  };
}

/**
 * What an offline product still lacks, one line each, as the page lists it and the download
 * writes it: the producer's state first, then each blocking problem with the marketplaces it
 * blocks; a verified producer's product that lacks nothing says so rather than nothing.
 */
export function lacksLines(p: UnlistedProduct, t: Translate, marketplaces: Record<string, string>): { text: string; where: string | null }[] {
  const lines: { text: string; where: string | null }[] = [];
  if (p.producerState === "not_joined") lines.push({ text: t("ind.unlisted.notJoined"), where: null });
  if (p.producerState === "pending") lines.push({ text: t("ind.unlisted.pending"), where: null });
  for (const l of p.lacks) lines.push({ text: t(`readiness.${l.code}`, l.params), where: l.marketplaces.map((m) => marketplaces[m] ?? m).join(", ") });
  if (lines.length === 0) lines.push({ text: t("ind.unlisted.readyButNotListed"), where: null });
  return lines;
}

export function unlistedTable(products: UnlistedProduct[], t: Translate, marketplaces: Record<string, string>): Table {
  return {
    sheet: "Chưa lên sàn",
    title: "Sản phẩm OCOP chưa bán trên sàn nào",
    columns: [
      { header: "Sản phẩm", kind: "text" },
      { header: "Hạng sao", kind: "int" },
      { header: "Chủ thể", kind: "text" },
      { header: "Xã, phường", kind: "text" },
      { header: "Điện thoại", kind: "text" },
      { header: "Còn thiếu để lên sàn", kind: "text" },
    ],
    rows: products.map((p) => [
      p.name,
      p.stars,
      p.producerName,
      p.communeName ?? "",
      p.producerPhone,
      lacksLines(p, t, marketplaces)
        .map((l) => (l.where ? `${l.text} (${l.where})` : l.text))
        .join("; "),
    ]),
  };
}
