// The indicator pages' tables as plain data, so the XLSX and CSV downloads hold exactly what the
// pages show. Headers are Vietnamese (officials file these in Vietnamese reports).
import type { RankedRow } from "./comparison.server";
import type { Overview } from "./overview.server";
import type { Ratio } from "./ratios";
import type { UnlistedProduct } from "./unlisted.server";

export type Column = { header: string; kind: "text" | "int" | "share" | "vnd" | "points" };
export type Cell = string | number | null;
export type Table = { sheet: string; title: string; columns: Column[]; rows: Cell[][] };

const share = (r: Ratio | null | undefined): Cell => (r?.value === null || r?.value === undefined ? null : Math.round(r.value * 10_000) / 10_000);
const points = (v: number | null): Cell => (v === null ? null : Math.round(v * 10) / 10);

export const INDICATOR_NAMES_VI: Record<string, string> = {
  ocop_listing_share: "Tỷ lệ sản phẩm OCOP trên sàn TMĐT",
  onboarding_share: "Tỷ lệ sản phẩm OCOP đã lên nền tảng",
  producers_online: "Chủ thể có gian hàng trên sàn",
  gap_listing_share: "Tỷ lệ sản phẩm VietGAP/GlobalGAP trên sàn TMĐT",
  cashless_rate_count: "Tỷ lệ thanh toán không dùng tiền mặt (số đơn)",
  cashless_rate_value: "Tỷ lệ thanh toán không dùng tiền mặt (giá trị)",
  intermediary_share: "Tỷ lệ qua trung gian thanh toán",
};

export function overviewTables(o: Overview, names: { methods: Record<string, string>; marketplaces: Record<string, string>; groups: Record<string, string> }): Table[] {
  return [
    {
      sheet: "Chỉ số",
      title: `Chỉ số kỳ ${o.period.key}, tính đến ${o.asOf}`,
      columns: [
        { header: "Chỉ số", kind: "text" },
        { header: "Tử số", kind: "int" },
        { header: "Mẫu số", kind: "int" },
        { header: "Tỷ lệ", kind: "share" },
        { header: "Mục tiêu", kind: "share" },
        { header: "Chênh lệch (điểm %)", kind: "points" },
        { header: "Dự báo 31/12", kind: "share" },
      ],
      rows: o.cards.map((c) => [
        INDICATOR_NAMES_VI[c.id] ?? c.id,
        c.value.num,
        c.value.den,
        share(c.value),
        c.target ? c.target.bp / 10_000 : null,
        points(c.gap),
        c.projected === null ? null : Math.round(c.projected * 10_000) / 10_000,
      ]),
    },
    {
      sheet: "Diễn biến",
      title: "Diễn biến 12 tháng",
      columns: [
        { header: "Tháng", kind: "text" },
        { header: "Tỷ lệ sản phẩm OCOP trên sàn", kind: "share" },
        { header: "Tỷ lệ đã lên nền tảng", kind: "share" },
        { header: "Không dùng tiền mặt (số đơn)", kind: "share" },
        { header: "Không dùng tiền mặt (giá trị)", kind: "share" },
      ],
      rows: o.trend.map((p) => [p.month, share(p.ocopListing), share(p.onboarding), share(p.cashlessCount), share(p.cashlessValue)]),
    },
    {
      sheet: "Theo sàn",
      title: "Sản phẩm OCOP trên từng sàn",
      columns: [
        { header: "Sàn", kind: "text" },
        { header: "Đã lên sàn", kind: "int" },
        { header: "Tổng số", kind: "int" },
        { header: "Tỷ lệ", kind: "share" },
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
        { header: "Tỷ lệ", kind: "share" },
        { header: "Đã tham gia nền tảng", kind: "share" },
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
        { header: "Tỷ lệ", kind: "share" },
        { header: "Đã tham gia nền tảng", kind: "share" },
      ],
      rows: o.listing.byGroup.map((g) => [names.groups[g.key] ?? g.key, g.listed.num, g.listed.den, share(g.listed), share(g.claimed)]),
    },
    {
      sheet: "Thanh toán",
      title: "Đơn đã giao thành công theo phương thức thanh toán",
      columns: [
        { header: "Phương thức", kind: "text" },
        { header: "Số đơn", kind: "int" },
        { header: "Giá trị (đồng)", kind: "vnd" },
      ],
      rows: o.cashless.byMethod.map((m) => [names.methods[m.method] ?? (m.method || "—"), m.orders, m.value]),
    },
  ];
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
      { header: "Tỷ lệ", kind: "share" },
      { header: "Chênh lệch với mục tiêu (điểm %)", kind: "points" },
      { header: "Đã tham gia nền tảng", kind: "share" },
      ...(withCashless ? [{ header: "Không dùng tiền mặt (số đơn)", kind: "share" as const }] : []),
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

export function unlistedTable(products: UnlistedProduct[], lacksText: (p: UnlistedProduct) => string): Table {
  return {
    sheet: "Chưa lên sàn",
    title: "Sản phẩm OCOP chưa bán trên sàn nào",
    columns: [
      { header: "Sản phẩm", kind: "text" },
      { header: "Hạng sao", kind: "int" },
      { header: "Chủ thể", kind: "text" },
      { header: "Xã, phường", kind: "text" },
      { header: "Điện thoại", kind: "text" },
      { header: "Còn thiếu", kind: "text" },
    ],
    rows: products.map((p) => [p.name, p.stars, p.producerName, p.communeName ?? "", p.producerPhone, lacksText(p)]),
  };
}
