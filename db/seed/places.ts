// Communes and wards (the level below the province since 1 July 2025) where the seeded
// producers and buyers live, per current province. "@slug" marks the former province a
// place belonged to before the merger: certificates issued before 1 July 2025 name it.
// Names follow the 2025 reorganisation as reported in the news (best effort, demo data).

export type CommuneSeed = {
  name: string;
  kind: "commune" | "ward" | "special_zone";
  /** The place name without "Xã"/"Phường"/"Đặc khu": "Mộc Châu". */
  shortName: string;
  /** Slug of the province the place belonged to before 1 July 2025 (the current one if unchanged). */
  formerSlug: string;
};

const RAW: Record<string, string[]> = {
  "ha-noi": ["Phường Hoàn Kiếm", "Phường Ba Đình", "Phường Tây Hồ", "Phường Long Biên", "Phường Hà Đông", "Phường Sơn Tây", "Xã Bát Tràng", "Xã Phú Nghĩa", "Xã Chương Mỹ", "Xã Ba Vì", "Xã Thanh Oai", "Xã Phú Xuyên", "Xã Đông Anh", "Xã Mê Linh", "Xã Sóc Sơn"],
  "cao-bang": ["Phường Thục Phán", "Xã Trùng Khánh", "Xã Quảng Hòa", "Xã Hà Quảng"],
  "tuyen-quang": ["Phường Minh Xuân", "Xã Chiêm Hóa", "Xã Na Hang", "Phường Hà Giang 1@ha-giang", "Xã Đồng Văn@ha-giang", "Xã Hoàng Su Phì@ha-giang", "Xã Mèo Vạc@ha-giang"],
  "dien-bien": ["Phường Điện Biên Phủ", "Xã Mường Phăng", "Xã Tuần Giáo", "Xã Mường Ảng"],
  "lai-chau": ["Phường Tân Phong", "Xã Tam Đường", "Xã Sìn Hồ", "Xã Than Uyên"],
  "son-la": ["Phường Tô Hiệu", "Phường Chiềng An", "Phường Mộc Châu", "Phường Thảo Nguyên", "Xã Vân Hồ", "Xã Mai Sơn", "Xã Yên Châu", "Xã Tà Xùa", "Xã Thuận Châu", "Xã Sông Mã", "Xã Bắc Yên", "Xã Phù Yên"],
  "lao-cai": ["Phường Lào Cai", "Phường Sa Pa", "Xã Bắc Hà", "Xã Bát Xát", "Phường Yên Bái@yen-bai", "Phường Nghĩa Lộ@yen-bai", "Xã Mù Cang Chải@yen-bai", "Xã Văn Yên@yen-bai"],
  "thai-nguyen": ["Phường Phan Đình Phùng", "Xã Tân Cương", "Xã Đại Từ", "Xã Phú Lương", "Phường Bắc Kạn@bac-kan", "Xã Ba Bể@bac-kan"],
  "lang-son": ["Phường Lương Văn Tri", "Phường Đông Kinh", "Xã Cao Lộc", "Xã Bắc Sơn", "Xã Chi Lăng"],
  "quang-ninh": ["Phường Hạ Long", "Phường Bãi Cháy", "Phường Hồng Gai", "Phường Cẩm Phả", "Phường Uông Bí", "Phường Móng Cái 1", "Phường Đông Triều", "Phường Quảng Yên", "Xã Tiên Yên", "Xã Đầm Hà", "Xã Ba Chẽ", "Xã Bình Liêu", "Đặc khu Vân Đồn", "Đặc khu Cô Tô"],
  "bac-ninh": ["Phường Kinh Bắc", "Phường Từ Sơn", "Phường Thuận Thành", "Phường Bắc Giang@bac-giang", "Xã Lục Ngạn@bac-giang", "Xã Lục Nam@bac-giang", "Xã Yên Thế@bac-giang"],
  "phu-tho": ["Phường Việt Trì", "Phường Phong Châu", "Xã Thanh Sơn", "Phường Vĩnh Yên@vinh-phuc", "Xã Tam Đảo@vinh-phuc", "Phường Hòa Bình@hoa-binh", "Xã Mai Châu@hoa-binh", "Xã Cao Phong@hoa-binh"],
  "hai-phong": ["Phường Hồng Bàng", "Phường Lê Chân", "Phường Đồ Sơn", "Xã Tiên Lãng", "Đặc khu Cát Hải", "Phường Hải Dương@hai-duong", "Phường Chí Linh@hai-duong", "Xã Thanh Hà@hai-duong"],
  "hung-yen": ["Phường Phố Hiến", "Xã Khoái Châu", "Xã Văn Giang", "Phường Thái Bình@thai-binh", "Xã Vũ Thư@thai-binh", "Xã Đông Hưng@thai-binh"],
  "ninh-binh": ["Phường Hoa Lư", "Phường Tam Điệp", "Xã Gia Viễn", "Xã Kim Sơn", "Phường Phủ Lý@ha-nam", "Xã Lý Nhân@ha-nam", "Phường Nam Định@nam-dinh", "Xã Hải Hậu@nam-dinh", "Xã Giao Thủy@nam-dinh"],
  "thanh-hoa": ["Phường Hạc Thành", "Phường Sầm Sơn", "Xã Thọ Xuân", "Xã Nga Sơn", "Xã Quảng Xương"],
  "nghe-an": ["Phường Trường Vinh", "Phường Cửa Lò", "Xã Nghĩa Đàn", "Xã Quỳ Hợp", "Xã Con Cuông"],
  "ha-tinh": ["Phường Thành Sen", "Xã Hương Khê", "Xã Vũ Quang", "Xã Can Lộc"],
  "quang-tri": ["Phường Đông Hà", "Xã Khe Sanh", "Xã Hướng Hóa", "Phường Đồng Hới@quang-binh", "Xã Phong Nha@quang-binh", "Xã Lệ Thủy@quang-binh"],
  "hue": ["Phường Thuận Hóa", "Phường Phú Xuân", "Phường Hương Thủy", "Xã Phong Điền", "Xã A Lưới"],
  "da-nang": ["Phường Hải Châu", "Phường Sơn Trà", "Phường Ngũ Hành Sơn", "Xã Hòa Vang", "Phường Hội An@quang-nam", "Phường Tam Kỳ@quang-nam", "Xã Duy Xuyên@quang-nam", "Xã Trà Linh@quang-nam"],
  "quang-ngai": ["Phường Cẩm Thành", "Xã Ba Tơ", "Xã Đức Phổ", "Đặc khu Lý Sơn", "Phường Kon Tum@kon-tum", "Xã Măng Đen@kon-tum"],
  "gia-lai": ["Phường Pleiku", "Phường An Khê", "Xã Chư Sê", "Xã Krông Pa", "Phường Quy Nhơn@binh-dinh", "Phường Hoài Nhơn@binh-dinh", "Xã Tuy Phước@binh-dinh", "Phường Tam Quan@binh-dinh"],
  "khanh-hoa": ["Phường Nha Trang", "Phường Cam Ranh", "Xã Cam Lâm", "Xã Vạn Ninh", "Phường Phan Rang@ninh-thuan", "Xã Ninh Phước@ninh-thuan", "Xã Ninh Hải@ninh-thuan"],
  "dak-lak": ["Phường Buôn Ma Thuột", "Phường Tân An", "Phường Ea Kao", "Phường Buôn Hồ", "Xã Cư M'gar", "Xã Krông Pắc", "Xã Ea Kar", "Xã Buôn Đôn", "Xã Lắk", "Phường Tuy Hòa@phu-yen", "Xã Tuy An@phu-yen", "Phường Sông Cầu@phu-yen"],
  "lam-dong": ["Phường Xuân Hương - Đà Lạt", "Phường Lâm Viên - Đà Lạt", "Phường Lang Biang - Đà Lạt", "Phường B'Lao", "Phường 1 Bảo Lộc", "Xã Đơn Dương", "Xã Đức Trọng", "Xã Di Linh", "Xã Lâm Hà", "Phường Gia Nghĩa@dak-nong", "Xã Đắk Mil@dak-nong", "Phường Phan Thiết@binh-thuan", "Phường Mũi Né@binh-thuan", "Xã Hàm Thuận@binh-thuan"],
  "dong-nai": ["Phường Biên Hòa", "Phường Long Khánh", "Xã Tân Phú", "Xã Định Quán", "Phường Đồng Xoài@binh-phuoc", "Phường Bình Long@binh-phuoc", "Xã Bù Đăng@binh-phuoc"],
  "ho-chi-minh": ["Phường Sài Gòn", "Phường Bến Thành", "Phường Tân Định", "Phường Xuân Hòa", "Phường Thủ Đức", "Xã Củ Chi", "Xã Cần Giờ", "Phường Thủ Dầu Một@binh-duong", "Phường Lái Thiêu@binh-duong", "Phường Vũng Tàu@ba-ria-vung-tau", "Phường Bà Rịa@ba-ria-vung-tau", "Đặc khu Côn Đảo@ba-ria-vung-tau"],
  "tay-ninh": ["Phường Tân Ninh", "Phường Hòa Thành", "Phường Trảng Bàng", "Phường Long An@long-an", "Xã Cần Giuộc@long-an", "Xã Cần Đước@long-an", "Xã Đức Hòa@long-an"],
  "dong-thap": ["Phường Cao Lãnh", "Phường Mỹ Trà", "Phường Sa Đéc", "Phường Hồng Ngự", "Xã Lai Vung", "Xã Lấp Vò", "Xã Tháp Mười", "Xã Tân Hồng", "Phường Mỹ Tho@tien-giang", "Phường Gò Công@tien-giang", "Phường Cai Lậy@tien-giang", "Xã Cái Bè@tien-giang", "Xã Chợ Gạo@tien-giang", "Xã Tân Phước@tien-giang"],
  "vinh-long": ["Phường Thanh Đức", "Phường Long Châu", "Xã Long Hồ", "Xã Tam Bình", "Xã Trà Ôn", "Xã Bình Tân", "Phường An Hội@ben-tre", "Phường Phú Khương@ben-tre", "Xã Mỏ Cày@ben-tre", "Xã Chợ Lách@ben-tre", "Xã Giồng Trôm@ben-tre", "Xã Ba Tri@ben-tre", "Phường Trà Vinh@tra-vinh", "Xã Cầu Kè@tra-vinh", "Xã Tiểu Cần@tra-vinh"],
  "an-giang": ["Phường Long Xuyên", "Phường Châu Đốc", "Phường Tân Châu", "Phường Tịnh Biên", "Xã Tri Tôn", "Xã An Phú", "Xã Chợ Mới", "Xã Phú Tân", "Phường Rạch Giá@kien-giang", "Phường Hà Tiên@kien-giang", "Đặc khu Phú Quốc@kien-giang", "Xã Kiên Lương@kien-giang", "Xã U Minh Thượng@kien-giang"],
  "can-tho": ["Phường Ninh Kiều", "Phường Cái Răng", "Phường Bình Thủy", "Xã Phong Điền", "Xã Thới Lai", "Phường Sóc Trăng@soc-trang", "Xã Mỹ Xuyên@soc-trang", "Xã Trần Đề@soc-trang", "Phường Vĩnh Châu@soc-trang", "Phường Vị Thanh@hau-giang", "Phường Ngã Bảy@hau-giang"],
  "ca-mau": ["Phường An Xuyên", "Phường Tân Thành", "Xã Năm Căn", "Xã Đất Mũi", "Xã U Minh", "Phường Bạc Liêu@bac-lieu", "Phường Giá Rai@bac-lieu", "Xã Phước Long@bac-lieu"],
};

function parse(province: string, raw: string): CommuneSeed {
  const [name, former] = raw.split("@") as [string, string | undefined];
  const kind = name.startsWith("Phường") ? "ward" : name.startsWith("Đặc khu") ? "special_zone" : "commune";
  const shortName = name.replace(/^(Phường|Xã|Đặc khu)\s+/, "").replace(/ - Đà Lạt$/, "").replace(/^1 /, "").replace(/ \d$/, "");
  return { name, kind, shortName, formerSlug: former ?? province };
}

export const COMMUNES: Record<string, CommuneSeed[]> = Object.fromEntries(
  Object.entries(RAW).map(([province, list]) => [province, list.map((raw) => parse(province, raw))]),
);

/** The provinces where the demo producers are concentrated, with how many each holds. */
export const DEMO_PROVINCES: { slug: string; producers: number }[] = [
  { slug: "dong-thap", producers: 10 },
  { slug: "vinh-long", producers: 9 },
  { slug: "lam-dong", producers: 9 },
  { slug: "son-la", producers: 8 },
  { slug: "quang-ninh", producers: 7 },
  { slug: "ha-noi", producers: 7 },
  { slug: "dak-lak", producers: 8 },
  { slug: "an-giang", producers: 8 },
];

/** A few producers outside the demo provinces. */
export const OTHER_DEMO_PROVINCES = ["can-tho", "bac-ninh", "khanh-hoa", "tuyen-quang"];

/** Villages, hamlets and streets for addresses, by how a region names them. */
export const HAMLETS_SOUTH = ["Ấp Tân Thuận", "Ấp Phú Long", "Ấp Mỹ Phú", "Ấp An Thạnh", "Ấp Bình Hòa", "Ấp Long Hưng", "Ấp Hòa Khánh", "Ấp Thạnh Lợi", "Ấp Tân Hưng", "Ấp Phước Thạnh"];
export const HAMLETS_NORTH = ["Thôn Đông", "Thôn Trung", "Thôn Hạ", "Thôn Yên Thượng", "Thôn Phú Mỹ", "Bản Áng", "Bản Mòng", "Bản Lác", "Thôn 3", "Thôn 5"];
export const HAMLETS_HIGHLAND = ["Buôn Ko Tam", "Buôn Đôn", "Thôn 2", "Thôn 7", "Thôn Lộc Thành", "Tổ dân phố 4", "Thôn Đạ Nghịt", "Buôn Ea Kmát"];
export const STREETS = ["Nguyễn Huệ", "Lê Lợi", "Trần Hưng Đạo", "Hai Bà Trưng", "Lý Thường Kiệt", "Nguyễn Trãi", "Phan Chu Trinh", "Quang Trung", "Hùng Vương", "Điện Biên Phủ", "Võ Thị Sáu", "Nguyễn Văn Cừ", "30 Tháng 4", "Trần Phú", "Ngô Quyền"];

const SOUTH = new Set(["dong-thap", "vinh-long", "an-giang", "can-tho", "ca-mau", "tay-ninh", "ho-chi-minh", "dong-nai"]);
const HIGHLAND = new Set(["dak-lak", "lam-dong", "gia-lai", "quang-ngai"]);

export function hamletsFor(provinceSlug: string): string[] {
  return SOUTH.has(provinceSlug) ? HAMLETS_SOUTH : HIGHLAND.has(provinceSlug) ? HAMLETS_HIGHLAND : HAMLETS_NORTH;
}
