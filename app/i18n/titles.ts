// Page titles (the browser tab, bookmarks, history) in the reader's language. A route's `meta` has no
// hooks, so it reads the language from the root loader's data among `matches`; the words live here,
// apart from the interface text, so a storefront page's bundle carries only this short table.
import type { Locale } from "./messages";
import { fill } from "./fill";

const TITLES = {
  app: { vi: "OCOP Connect", en: "OCOP Connect" },
  // Storefront
  signUp: { vi: "Đăng ký", en: "Sign up" },
  logIn: { vi: "Đăng nhập", en: "Log in" },
  cart: { vi: "Giỏ hàng", en: "Cart" },
  cartDescription: {
    vi: "Giỏ hàng của bạn trên OCOP Connect: sản phẩm OCOP theo từng nhà sản xuất, số lượng và tạm tính trước khi thanh toán.",
    en: "Your cart on OCOP Connect: OCOP products by producer, quantities and the subtotal before checkout.",
  },
  checkout: { vi: "Thanh toán", en: "Checkout" },
  myOrders: { vi: "Đơn hàng của tôi", en: "My orders" },
  order: { vi: "Đơn hàng {code}", en: "Order {code}" },
  account: { vi: "Tài khoản", en: "Account" },
  invitation: { vi: "Lời mời tham gia", en: "Invitation to join" },
  certificate: { vi: "Chứng nhận OCOP {number}", en: "OCOP certificate {number}" },
  // Seller centre
  seller: { vi: "Kênh người bán", en: "Seller centre" },
  products: { vi: "Sản phẩm", en: "Products" },
  newProduct: { vi: "Thêm sản phẩm", en: "Add a product" },
  sellerOrders: { vi: "Đơn hàng", en: "Orders" },
  sellerOrder: { vi: "Đơn {code}", en: "Order {code}" },
  bankLinks: { vi: "Xác nhận chuyển khoản tự động", en: "Automatic transfer confirmation" },
  transfersToReview: { vi: "Giao dịch cần đối soát", en: "Transfers to reconcile" },
  refundOrder: { vi: "Hoàn tiền đơn {code}", en: "Refund order {code}" },
  importExport: { vi: "Nhập, xuất Excel", en: "Excel import and export" },
  importCheck: { vi: "Kiểm tra tệp nhập", en: "Checking the import file" },
  marketplaces: { vi: "Sàn TMĐT", en: "Marketplaces" },
  marketplaceFile: { vi: "Xuất tệp sàn", en: "Marketplace file" },
  priceStock: { vi: "Giá và tồn kho", en: "Prices and stock" },
  members: { vi: "Thành viên", en: "Members" },
  profile: { vi: "Hồ sơ đơn vị", en: "Producer profile" },
  // Officials
  verification: { vi: "Xác minh đơn vị", en: "Verify producers" },
  verificationCase: { vi: "Hồ sơ đơn vị", en: "Producer file" },
  registry: { vi: "Sổ bộ OCOP", en: "OCOP registry" },
  transferConfirmation: { vi: "Xác nhận chuyển khoản", en: "Transfer confirmation" },
  awaitingReconciliation: { vi: "Chờ đối chiếu", en: "Awaiting reconciliation" },
  registryCheck: { vi: "Kiểm tra sổ bộ OCOP", en: "Checking the OCOP registry file" },
  indicators: { vi: "Chỉ số TMĐT", en: "E-commerce indicators" },
  nationwide: { vi: "Toàn quốc", en: "Nationwide" },
  // Administrators
  admin: { vi: "Quản trị", en: "Administration" },
  outbox: { vi: "Hộp thư đi", en: "Outbox" },
  targets: { vi: "Mục tiêu theo tỉnh", en: "Targets by province" },
} satisfies Record<string, Record<Locale, string>>;

export type TitleKey = keyof typeof TITLES;
/** A part of a title: a key of the table above (with its placeholders), or text from the data (a product's name). */
export type TitlePart = TitleKey | [TitleKey, Record<string, string>] | { text: string };

/** The reader's language, from the root loader's data among a meta function's `matches`. */
export function metaLocale(matches: readonly { id: string; data?: unknown }[]): Locale {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined;
  return root?.locale === "en" ? "en" : "vi";
}

/** One title word in the reader's language (for a description or a part built by hand). */
export function titleText(matches: readonly { id: string; data?: unknown }[], key: TitleKey, params?: Record<string, string>): string {
  return fill(TITLES[key][metaLocale(matches)], params);
}

/** `{ title: "Giỏ hàng · OCOP Connect" }`: the parts in the reader's language, most specific first, then the app's name. */
export function pageTitle(matches: readonly { id: string; data?: unknown }[], ...parts: TitlePart[]): { title: string } {
  const locale = metaLocale(matches);
  const text = (p: TitlePart) => (typeof p === "string" ? TITLES[p][locale] : Array.isArray(p) ? fill(TITLES[p[0]][locale], p[1]) : p.text);
  return { title: [...parts, "app" as const].map(text).filter((t) => t !== "").join(" · ") };
}
