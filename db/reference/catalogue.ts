// Reference data every installation needs: categories by OCOP group and how each payment
// method counts toward the cashless indicators. The marketplaces are in ./marketplaces/.
import type { OcopGroup, PaymentChannel } from "../vocabulary";

export const CATEGORIES = [
  { slug: "nuoc-mam-gia-vi", name: "Nước mắm, gia vị", nameEn: "Fish sauce & condiments", ocopGroup: "food" },
  { slug: "gao-ngu-coc", name: "Gạo, ngũ cốc", nameEn: "Rice & grains", ocopGroup: "food" },
  { slug: "mat-ong", name: "Mật ong", nameEn: "Honey", ocopGroup: "food" },
  { slug: "trai-cay", name: "Trái cây tươi", nameEn: "Fresh fruit", ocopGroup: "food" },
  { slug: "trai-cay-say-mut", name: "Trái cây sấy, mứt", nameEn: "Dried fruit & preserves", ocopGroup: "food" },
  { slug: "banh-keo", name: "Bánh kẹo, đặc sản", nameEn: "Cakes, sweets & specialities", ocopGroup: "food" },
  { slug: "thit-hai-san-kho", name: "Thịt, hải sản khô", nameEn: "Dried meat & seafood", ocopGroup: "food" },
  { slug: "rau-cu-nam", name: "Rau, củ, nấm", nameEn: "Vegetables & mushrooms", ocopGroup: "food" },
  { slug: "tra", name: "Trà", nameEn: "Tea", ocopGroup: "beverage" },
  { slug: "ca-phe", name: "Cà phê, ca cao", nameEn: "Coffee & cocoa", ocopGroup: "beverage" },
  { slug: "ruou", name: "Rượu truyền thống", nameEn: "Traditional spirits", ocopGroup: "beverage" },
  { slug: "nuoc-giai-khat", name: "Nước ép, giải khát", nameEn: "Juices & soft drinks", ocopGroup: "beverage" },
  { slug: "duoc-lieu", name: "Dược liệu", nameEn: "Medicinal herbs", ocopGroup: "herbal" },
  { slug: "tinh-dau", name: "Tinh dầu, mỹ phẩm thiên nhiên", nameEn: "Essential oils & natural cosmetics", ocopGroup: "herbal" },
  { slug: "tho-cam-lua", name: "Thổ cẩm, lụa", nameEn: "Brocade & silk", ocopGroup: "textile" },
  { slug: "may-tre-dan", name: "Mây tre đan, cói", nameEn: "Rattan, bamboo & sedge", ocopGroup: "souvenir" },
  { slug: "gom-go-my-nghe", name: "Gốm, gỗ mỹ nghệ", nameEn: "Pottery & wood crafts", ocopGroup: "souvenir" },
  { slug: "du-lich-cong-dong", name: "Du lịch cộng đồng, sinh thái", nameEn: "Community & eco tourism", ocopGroup: "tourism" },
] as const satisfies readonly { slug: string; name: string; nameEn: string; ocopGroup: OcopGroup }[];

/** Each marketplace maps every one of these (db/reference/marketplaces/). */
export type CategorySlug = (typeof CATEGORIES)[number]["slug"];

export const PAYMENT_METHODS: { code: string; name: string; nameEn: string; channel: PaymentChannel }[] = [
  { code: "cod", name: "Thanh toán khi nhận hàng (COD)", nameEn: "Cash on delivery", channel: "cash" },
  { code: "vietqr", name: "Chuyển khoản VietQR", nameEn: "VietQR bank transfer", channel: "cashless_direct" },
  { code: "vnpay", name: "VNPay", nameEn: "VNPay", channel: "cashless_intermediary" },
  { code: "momo", name: "Ví MoMo", nameEn: "MoMo wallet", channel: "cashless_intermediary" },
  { code: "stripe", name: "Thẻ quốc tế", nameEn: "International card", channel: "cashless_intermediary" },
  {
    code: "marketplace_online",
    name: "Thanh toán trực tuyến qua sàn",
    nameEn: "Paid online through the marketplace",
    channel: "cashless_intermediary",
  },
];
