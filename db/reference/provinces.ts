// Vietnam's provincial units after Resolution 202/2025/QH15 (in force 1 July 2025): 34
// current units, and the 29 former provinces merged into them. A current unit that kept a
// former province's name stands for both. Codes: the current units' codes after the
// reorganisation and the former ones' old codes, from news sources (unverified; data, not code).
export type ProvinceSeed = {
  code: string;
  slug: string;
  name: string;
  nameEn: string;
  kind: "city" | "province";
  /** For a former province: the slug of the current unit that absorbed it. */
  mergedInto?: string;
};

export const CURRENT_PROVINCES: ProvinceSeed[] = [
  { code: "01", slug: "ha-noi", name: "Hà Nội", nameEn: "Hanoi", kind: "city" },
  { code: "04", slug: "cao-bang", name: "Cao Bằng", nameEn: "Cao Bang", kind: "province" },
  { code: "08", slug: "tuyen-quang", name: "Tuyên Quang", nameEn: "Tuyen Quang", kind: "province" },
  { code: "11", slug: "dien-bien", name: "Điện Biên", nameEn: "Dien Bien", kind: "province" },
  { code: "12", slug: "lai-chau", name: "Lai Châu", nameEn: "Lai Chau", kind: "province" },
  { code: "14", slug: "son-la", name: "Sơn La", nameEn: "Son La", kind: "province" },
  { code: "15", slug: "lao-cai", name: "Lào Cai", nameEn: "Lao Cai", kind: "province" },
  { code: "19", slug: "thai-nguyen", name: "Thái Nguyên", nameEn: "Thai Nguyen", kind: "province" },
  { code: "20", slug: "lang-son", name: "Lạng Sơn", nameEn: "Lang Son", kind: "province" },
  { code: "22", slug: "quang-ninh", name: "Quảng Ninh", nameEn: "Quang Ninh", kind: "province" },
  { code: "24", slug: "bac-ninh", name: "Bắc Ninh", nameEn: "Bac Ninh", kind: "province" },
  { code: "25", slug: "phu-tho", name: "Phú Thọ", nameEn: "Phu Tho", kind: "province" },
  { code: "31", slug: "hai-phong", name: "Hải Phòng", nameEn: "Hai Phong", kind: "city" },
  { code: "33", slug: "hung-yen", name: "Hưng Yên", nameEn: "Hung Yen", kind: "province" },
  { code: "37", slug: "ninh-binh", name: "Ninh Bình", nameEn: "Ninh Binh", kind: "province" },
  { code: "38", slug: "thanh-hoa", name: "Thanh Hóa", nameEn: "Thanh Hoa", kind: "province" },
  { code: "40", slug: "nghe-an", name: "Nghệ An", nameEn: "Nghe An", kind: "province" },
  { code: "42", slug: "ha-tinh", name: "Hà Tĩnh", nameEn: "Ha Tinh", kind: "province" },
  { code: "44", slug: "quang-tri", name: "Quảng Trị", nameEn: "Quang Tri", kind: "province" },
  { code: "46", slug: "hue", name: "Huế", nameEn: "Hue", kind: "city" },
  { code: "48", slug: "da-nang", name: "Đà Nẵng", nameEn: "Da Nang", kind: "city" },
  { code: "51", slug: "quang-ngai", name: "Quảng Ngãi", nameEn: "Quang Ngai", kind: "province" },
  { code: "52", slug: "gia-lai", name: "Gia Lai", nameEn: "Gia Lai", kind: "province" },
  { code: "56", slug: "khanh-hoa", name: "Khánh Hòa", nameEn: "Khanh Hoa", kind: "province" },
  { code: "66", slug: "dak-lak", name: "Đắk Lắk", nameEn: "Dak Lak", kind: "province" },
  { code: "68", slug: "lam-dong", name: "Lâm Đồng", nameEn: "Lam Dong", kind: "province" },
  { code: "75", slug: "dong-nai", name: "Đồng Nai", nameEn: "Dong Nai", kind: "province" },
  { code: "79", slug: "ho-chi-minh", name: "TP Hồ Chí Minh", nameEn: "Ho Chi Minh City", kind: "city" },
  { code: "80", slug: "tay-ninh", name: "Tây Ninh", nameEn: "Tay Ninh", kind: "province" },
  { code: "82", slug: "dong-thap", name: "Đồng Tháp", nameEn: "Dong Thap", kind: "province" },
  { code: "86", slug: "vinh-long", name: "Vĩnh Long", nameEn: "Vinh Long", kind: "province" },
  { code: "91", slug: "an-giang", name: "An Giang", nameEn: "An Giang", kind: "province" },
  { code: "92", slug: "can-tho", name: "Cần Thơ", nameEn: "Can Tho", kind: "city" },
  { code: "96", slug: "ca-mau", name: "Cà Mau", nameEn: "Ca Mau", kind: "province" },
];

const former = (code: string, slug: string, name: string, nameEn: string, mergedInto: string): ProvinceSeed => ({
  code,
  slug,
  name,
  nameEn,
  kind: "province",
  mergedInto,
});

export const FORMER_PROVINCES: ProvinceSeed[] = [
  former("02", "ha-giang", "Hà Giang", "Ha Giang", "tuyen-quang"),
  former("15", "yen-bai", "Yên Bái", "Yen Bai", "lao-cai"),
  former("06", "bac-kan", "Bắc Kạn", "Bac Kan", "thai-nguyen"),
  former("26", "vinh-phuc", "Vĩnh Phúc", "Vinh Phuc", "phu-tho"),
  former("17", "hoa-binh", "Hòa Bình", "Hoa Binh", "phu-tho"),
  former("24", "bac-giang", "Bắc Giang", "Bac Giang", "bac-ninh"),
  former("34", "thai-binh", "Thái Bình", "Thai Binh", "hung-yen"),
  former("30", "hai-duong", "Hải Dương", "Hai Duong", "hai-phong"),
  former("35", "ha-nam", "Hà Nam", "Ha Nam", "ninh-binh"),
  former("36", "nam-dinh", "Nam Định", "Nam Dinh", "ninh-binh"),
  former("44", "quang-binh", "Quảng Bình", "Quang Binh", "quang-tri"),
  former("49", "quang-nam", "Quảng Nam", "Quang Nam", "da-nang"),
  former("62", "kon-tum", "Kon Tum", "Kon Tum", "quang-ngai"),
  former("52", "binh-dinh", "Bình Định", "Binh Dinh", "gia-lai"),
  former("58", "ninh-thuan", "Ninh Thuận", "Ninh Thuan", "khanh-hoa"),
  former("67", "dak-nong", "Đắk Nông", "Dak Nong", "lam-dong"),
  former("60", "binh-thuan", "Bình Thuận", "Binh Thuan", "lam-dong"),
  former("54", "phu-yen", "Phú Yên", "Phu Yen", "dak-lak"),
  former("74", "binh-duong", "Bình Dương", "Binh Duong", "ho-chi-minh"),
  former("77", "ba-ria-vung-tau", "Bà Rịa - Vũng Tàu", "Ba Ria - Vung Tau", "ho-chi-minh"),
  former("70", "binh-phuoc", "Bình Phước", "Binh Phuoc", "dong-nai"),
  former("80", "long-an", "Long An", "Long An", "tay-ninh"),
  former("94", "soc-trang", "Sóc Trăng", "Soc Trang", "can-tho"),
  former("93", "hau-giang", "Hậu Giang", "Hau Giang", "can-tho"),
  former("83", "ben-tre", "Bến Tre", "Ben Tre", "vinh-long"),
  former("84", "tra-vinh", "Trà Vinh", "Tra Vinh", "vinh-long"),
  former("82", "tien-giang", "Tiền Giang", "Tien Giang", "dong-thap"),
  former("95", "bac-lieu", "Bạc Liêu", "Bac Lieu", "ca-mau"),
  former("91", "kien-giang", "Kiên Giang", "Kien Giang", "an-giang"),
];
