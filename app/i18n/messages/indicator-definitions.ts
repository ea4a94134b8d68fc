// How each indicator is computed, in one sentence or two: the "Cách tính" under each figure, the
// printed report's notes and the README's indicator table say the same. Change a definition here
// (and in the README's table), nowhere else.
export const vi = {
  "ind.ocop_listing_share.def":
    "Sản phẩm trong danh sách OCOP của tỉnh có quyết định công nhận 3-5 sao còn hiệu lực vào ngày tính (ngày quyết định ≤ ngày tính ≤ ngày hết hạn), mỗi sản phẩm tính một lần, có ít nhất một gian hàng đang bán trên sàn thương mại điện tử vào ngày đó, chia cho tất cả sản phẩm như vậy. Sản phẩm trên nền tảng được đối chiếu với danh sách theo số quyết định (và chủ thể), không theo tên; sản phẩm tự khai sao OCOP mà danh sách không có là \"chờ đối chiếu\", không tính vào tử số lẫn mẫu số.",
  "ind.onboarding_share.def":
    "Sản phẩm trong danh sách OCOP của tỉnh còn hiệu lực vào ngày tính mà chủ thể đã có tài khoản được xác minh trên OCOP Connect, chia cho tất cả sản phẩm OCOP còn hiệu lực trong danh sách của tỉnh (chủ thể đã tham gia hay chưa). Chủ thể trên nền tảng ngoài danh sách được báo cáo riêng, không cộng vào.",
  "ind.producers_online.def":
    "Chủ thể trong danh sách OCOP của tỉnh (đã tham gia nền tảng hay chưa) có ít nhất một sản phẩm đang bán trên sàn vào ngày tính, chia cho tất cả chủ thể trong danh sách có sản phẩm còn hiệu lực. Chủ thể trên nền tảng ngoài danh sách được báo cáo riêng, không cộng vào.",
  "ind.gap_listing_share.def":
    "Sản phẩm có chứng nhận VietGAP hoặc GlobalGAP còn hiệu lực vào ngày tính đang bán trên ít nhất một sàn, chia cho tất cả sản phẩm có chứng nhận đó.",
  "ind.cashless_rate_count.def":
    "Đơn hàng TMĐT đã giao thành công trong kỳ (theo ngày đặt, giờ Việt Nam; cửa hàng OCOP Connect và đơn nhập từ các sàn) thanh toán không dùng tiền mặt, chia cho tất cả đơn đã giao thành công trong kỳ. Đơn hủy, hoàn tiền không tính; lần thanh toán sau cùng của đơn quyết định.",
  "ind.cashless_rate_value.def": "Như trên, tính theo giá trị đơn hàng (đồng).",
  "ind.intermediary_share.def":
    "Số đơn thanh toán qua tổ chức trung gian thanh toán được cấp phép (VNPay, MoMo, thẻ, ví của sàn), chia cho tất cả đơn không dùng tiền mặt. Chuyển khoản VietQR trực tiếp vào tài khoản chủ thể được tính là không qua trung gian.",
} as const;

export const en: Record<keyof typeof vi, string> = {
  "ind.ocop_listing_share.def":
    "Products of the province's OCOP registry whose 3-5 star decision is valid on the day (decision date ≤ day ≤ expiry), each counted once, with at least one live listing on an e-commerce marketplace on that day, divided by all such products. Platform products are matched to the registry by decision number (and producer), never by name; a product claiming OCOP stars that no registry entry backs is \"awaiting reconciliation\" and counts in neither numerator nor denominator.",
  "ind.onboarding_share.def":
    "Registry OCOP products valid on the day whose producer has a verified OCOP Connect account, divided by all valid OCOP products in the province's registry (producers joined or not). Producers on the platform outside the registry are reported beside them, not added in.",
  "ind.producers_online.def":
    "Registry producers of the province (joined or not) with at least one product live on a marketplace on the day, divided by all registry producers with a valid product. Producers on the platform outside the registry are reported beside them, not added in.",
  "ind.gap_listing_share.def":
    "Products with a VietGAP or GlobalGAP certificate valid on the day that are live on at least one marketplace, divided by all products with such a certificate.",
  "ind.cashless_rate_count.def":
    "Delivered e-commerce orders of the period (by order date, Vietnam time; OCOP Connect storefront and orders imported from marketplaces) paid without cash, divided by all orders delivered in the period. Cancelled and refunded orders do not count; the order's latest payment decides.",
  "ind.cashless_rate_value.def": "As above, weighted by order value (đồng).",
  "ind.intermediary_share.def":
    "Orders paid through a licensed payment intermediary (VNPay, MoMo, cards, marketplace wallets), divided by all cashless orders. A direct VietQR transfer to the producer's account counts as not intermediated.",
};
