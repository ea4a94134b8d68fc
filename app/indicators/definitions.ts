// Each indicator's definition, written once: the API's JSON Schema descriptions, the pages'
// "Cách tính" text and the README's "The officials' indicators" all read these sentences.
// Browser-safe (plain strings). The code that computes each one is named beside it.
import type { Indicator } from "#db/vocabulary";

export type Definition = { vi: string; en: string };

/** The indicators with a card, a target and a trend, in the order the pages show them. */
export const INDICATOR_DEFINITIONS: Record<Indicator, Definition> = {
  // registry.ts: registryAsOf → rows (stars !== null), listed = liveOn.length > 0
  ocop_listing_share: {
    vi: "Sản phẩm trong danh sách OCOP của tỉnh có quyết định còn hiệu lực vào ngày D (3-5 sao, ngày quyết định ≤ D ≤ ngày hết hạn, tính từ ngày hiệu lực của lần nhập danh sách), mỗi sản phẩm tính một lần, có ít nhất một gian hàng đang bán trên sàn thương mại điện tử vào cuối ngày D, chia cho tất cả các sản phẩm đó.",
    en: "Products of the province's OCOP registry whose decision is valid on day D (3-5★, decision date ≤ D ≤ expiry, from the import's effective date), each counted once, with at least one listing live on an e-commerce marketplace at the end of D, divided by all such registry products.",
  },
  // registry.ts: rows (stars !== null), producerVerified
  onboarding_share: {
    vi: "Sản phẩm trong danh sách OCOP còn hiệu lực vào ngày D mà chủ thể đã được xác minh trên OCOP Connect vào ngày D, chia cho tất cả sản phẩm trong danh sách OCOP còn hiệu lực (chủ thể đã tham gia hay chưa).",
    en: "Registry products valid on day D whose producer had a verified OCOP Connect account on D, divided by all registry products valid on D (producers joined or not).",
  },
  // registry.ts: producers.registry / producers.registryOnline
  producers_online: {
    vi: "Chủ thể trong danh sách OCOP (có ít nhất một sản phẩm còn hiệu lực vào ngày D, đã tham gia nền tảng hay chưa) có ít nhất một sản phẩm đang bán trên sàn vào cuối ngày D, chia cho tất cả các chủ thể đó; chủ thể ngoài danh sách được báo cáo riêng.",
    en: "Registry producers (with at least one registry product valid on D, joined or not) with at least one product live on a marketplace at the end of D, divided by all such producers; producers outside the registry are reported beside them.",
  },
  // registry.ts: rows with gap, listed
  gap_listing_share: {
    vi: "Sản phẩm có chứng nhận VietGAP hoặc GlobalGAP còn hiệu lực vào ngày D có ít nhất một gian hàng đang bán trên sàn vào cuối ngày D, chia cho tất cả các sản phẩm đó.",
    en: "Products with a VietGAP or GlobalGAP certificate valid on D with at least one listing live on a marketplace at the end of D, divided by all such products.",
  },
  // cashless.server.ts: cashlessFigures
  cashless_rate_count: {
    vi: "Đơn đã giao thành công đặt trong kỳ (giờ Việt Nam, cửa hàng và đơn nhập từ sàn) có lần thanh toán cuối cùng không dùng tiền mặt, chia cho tất cả đơn đã giao thành công trong kỳ; đơn hủy và hoàn tiền không tính.",
    en: "Completed orders placed in the period (Vietnam time, storefront and imported marketplace orders) whose latest payment is cashless, divided by all completed orders of the period; cancelled and refunded orders are left out.",
  },
  cashless_rate_value: {
    vi: "Giá trị các đơn đã giao thành công trong kỳ có lần thanh toán cuối cùng không dùng tiền mặt, chia cho giá trị tất cả đơn đã giao thành công trong kỳ.",
    en: "The value of completed orders of the period whose latest payment is cashless, divided by the value of all completed orders of the period.",
  },
  intermediary_share: {
    vi: "Đơn đã giao thành công trong kỳ thanh toán qua tổ chức trung gian thanh toán được cấp phép (ví, cổng, thanh toán của sàn), chia cho tất cả đơn không dùng tiền mặt trong kỳ; chuyển khoản VietQR tính là trực tiếp.",
    en: "Completed orders of the period paid through a licensed payment intermediary (wallet, gateway, marketplace payment), divided by all cashless completed orders of the period; VietQR transfers count as direct.",
  },
};

/** Terms the answers use, defined once too. */
export const TERM_DEFINITIONS = {
  intermediaryShareByValue: {
    vi: "Giá trị đơn đã giao thành công trong kỳ thanh toán qua trung gian thanh toán, chia cho giá trị tất cả đơn không dùng tiền mặt trong kỳ.",
    en: "The value of completed orders of the period paid through a payment intermediary, divided by the value of all cashless completed orders of the period.",
  },
  awaitingReconciliation: {
    vi: "Chờ đối chiếu: sản phẩm trên nền tảng khai có chứng nhận OCOP (3-5 sao, còn hiệu lực) mà không mục nào trong danh sách OCOP của tỉnh xác nhận (cùng số quyết định và chủ thể); không tính vào tử số lẫn mẫu số.",
    en: "Awaiting reconciliation: a platform product claiming a valid OCOP certificate (3-5★) that no entry of the province's registry backs (same decision number and producer); counted in neither numerator nor denominator.",
  },
  asOf: {
    vi: "Ngày chốt số liệu danh sách và gian hàng (cuối ngày, giờ Việt Nam); tách khỏi kỳ dùng cho số liệu bán hàng.",
    en: "The day (its end, Vietnam time) at which registry and listing figures are taken; separate from the period used for sales.",
  },
  paymentClass: {
    vi: "Mỗi phương thức thanh toán thuộc một nhóm: tiền mặt, không dùng tiền mặt trực tiếp, hoặc không dùng tiền mặt qua trung gian thanh toán.",
    en: "Each payment method belongs to one class: cash, cashless direct, or cashless via a payment intermediary.",
  },
} as const satisfies Record<string, Definition>;
