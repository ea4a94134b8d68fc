// Vietnamese person names and the way producers name themselves.
import type { Rng } from "./random";

const FAMILY = ["Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Huỳnh", "Hoàng", "Phan", "Võ", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Trương", "Đinh"];
const MIDDLE_M = ["Văn", "Văn", "Minh", "Hữu", "Đức", "Quốc", "Thanh", "Công", "Hoàng", "Tấn"];
const MIDDLE_F = ["Thị", "Thị", "Ngọc", "Thu", "Kim", "Thanh", "Mỹ", "Hồng", "Bích", "Phương"];
const GIVEN_M = ["An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khánh", "Long", "Nam", "Phúc", "Quân", "Sơn", "Tâm", "Thắng", "Tuấn", "Trung", "Vinh", "Hiếu", "Lộc", "Tài"];
const GIVEN_F = ["Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Nga", "Phương", "Thảo", "Thủy", "Trang", "Vy", "Yến", "Ngân", "Oanh", "Hằng", "Diệp", "Loan", "Tuyết"];

/** Names of the Thái, H'Mông and Ê Đê communities for the northern mountains and the highlands. */
const NORTHWEST = ["Lò Văn Pọm", "Cầm Thị Hoa", "Quàng Văn Thanh", "Lường Thị Xuân", "Vì Văn Sơn", "Sùng A Páo", "Giàng Thị Mỷ", "Thào A Sử", "Hà Thị Nhung", "Lò Thị Biên"];
const HIGHLAND = ["H'Hen Niê", "Y Bhin Byă", "H'Lan Êban", "Y Khu Niê", "H'Nga Mlô", "Y Sơn Knul"];
const NORTHWEST_PROVINCES = new Set(["son-la", "lai-chau", "dien-bien", "lao-cai", "tuyen-quang", "cao-bang"]);
const HIGHLAND_PROVINCES = new Set(["dak-lak", "gia-lai", "quang-ngai"]);

export type Person = { name: string; given: string; family: string; female: boolean };

export function personName(rng: Rng, provinceSlug?: string): Person {
  if (provinceSlug && NORTHWEST_PROVINCES.has(provinceSlug) && rng.chance(0.4)) return split(rng.pick(NORTHWEST));
  if (provinceSlug && HIGHLAND_PROVINCES.has(provinceSlug) && rng.chance(0.25)) return split(rng.pick(HIGHLAND));
  const female = rng.chance(0.55);
  const family = rng.pick(FAMILY);
  const middle = rng.pick(female ? MIDDLE_F : MIDDLE_M);
  const given = rng.pick(female ? GIVEN_F : GIVEN_M);
  return { name: `${family} ${middle} ${given}`, given, family, female };
}

function split(name: string): Person {
  const parts = name.split(" ");
  return { name, given: parts[parts.length - 1]!, family: parts[0]!, female: parts.includes("Thị") || name.startsWith("H'") };
}

/** Southern households go by birth-order nicknames: "Tư Mai", "Út Hạnh". */
const NICK = ["Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy", "Tám", "Chín", "Út"];

/** Per focus category: how a cooperative, a company and a household workshop name their trade. */
export const TRADE: Record<string, { coop: string[]; company: string[]; shop: string[] }> = {
  "nuoc-mam-gia-vi": { coop: ["Sản xuất nước mắm", "Chế biến thủy sản", "Gia vị"], company: ["Nước mắm", "Thực phẩm", "Gia vị"], shop: ["Nước mắm", "Mắm", "Gia vị"] },
  "gao-ngu-coc": { coop: ["Nông nghiệp", "Dịch vụ nông nghiệp", "Lúa gạo"], company: ["Lương thực", "Gạo", "Nông sản"], shop: ["Bún gạo", "Gạo", "Bánh tráng"] },
  "mat-ong": { coop: ["Nuôi ong", "Ong mật"], company: ["Mật ong", "Ong mật"], shop: ["Mật ong", "Ong mật"] },
  "trai-cay": { coop: ["Nông nghiệp", "Cây ăn trái", "Dịch vụ nông nghiệp"], company: ["Nông sản", "Trái cây"], shop: ["Trái cây", "Vườn"] },
  "trai-cay-say-mut": { coop: ["Nông nghiệp", "Chế biến nông sản"], company: ["Thực phẩm", "Nông sản"], shop: ["Mứt", "Trái cây sấy"] },
  "banh-keo": { coop: ["Chế biến thực phẩm", "Làng nghề"], company: ["Thực phẩm", "Bánh kẹo"], shop: ["Bánh pía", "Kẹo dừa", "Bánh tráng", "Bánh"] },
  "thit-hai-san-kho": { coop: ["Thủy sản", "Chế biến thủy sản", "Chăn nuôi"], company: ["Thực phẩm", "Hải sản"], shop: ["Khô", "Lạp xưởng", "Chả mực"] },
  "rau-cu-nam": { coop: ["Nông nghiệp", "Rau an toàn", "Nấm"], company: ["Nông nghiệp công nghệ cao", "Nông sản"], shop: ["Nấm", "Rau sạch"] },
  tra: { coop: ["Chè", "Trà"], company: ["Trà", "Chè"], shop: ["Trà", "Chè"] },
  "ca-phe": { coop: ["Cà phê", "Nông nghiệp"], company: ["Cà phê", "Cà phê và ca cao"], shop: ["Cà phê"] },
  ruou: { coop: ["Làng nghề rượu", "Nông nghiệp"], company: ["Rượu", "Đồ uống"], shop: ["Rượu"] },
  "nuoc-giai-khat": { coop: ["Nông nghiệp", "Chế biến nông sản"], company: ["Đồ uống", "Thực phẩm"], shop: ["Nước ép", "Siro"] },
  "duoc-lieu": { coop: ["Dược liệu", "Nông lâm nghiệp"], company: ["Dược liệu", "Dược phẩm"], shop: ["Dược liệu", "Thảo dược"] },
  "tinh-dau": { coop: ["Tinh dầu", "Dược liệu"], company: ["Tinh dầu", "Mỹ phẩm thiên nhiên"], shop: ["Tinh dầu", "Xà phòng"] },
  "tho-cam-lua": { coop: ["Dệt thổ cẩm", "Dệt lụa"], company: ["Lụa", "Dệt may"], shop: ["Thổ cẩm", "Lụa"] },
  "may-tre-dan": { coop: ["Mây tre đan", "Thủ công mỹ nghệ", "Lục bình"], company: ["Mây tre", "Thủ công mỹ nghệ"], shop: ["Mây tre đan", "Chiếu cói"] },
  "gom-go-my-nghe": { coop: ["Gốm", "Thủ công mỹ nghệ"], company: ["Gốm sứ", "Mỹ nghệ"], shop: ["Gốm", "Mộc mỹ nghệ"] },
  "du-lich-cong-dong": { coop: ["Du lịch cộng đồng", "Du lịch sinh thái"], company: ["Du lịch", "Du lịch sinh thái"], shop: ["Homestay", "Du lịch"] },
  /** Producers with more than one line of products. */
  mixed: { coop: ["Nông nghiệp", "Dịch vụ nông nghiệp", "Dịch vụ tổng hợp"], company: ["Nông sản", "Đặc sản", "Thương mại và Dịch vụ"], shop: ["Đặc sản", "Nông sản"] },
};

const COMPANY_FORMS = ["Công ty TNHH", "Công ty TNHH", "Công ty Cổ phần", "Công ty TNHH MTV"];
const BRAND_WORDS = ["Hưng Thịnh", "Phú Gia", "Minh Phát", "Tân Lộc", "An Khang", "Thành Đạt", "Hoàng Phát", "Sông Tiền", "Mekong Xanh", "Đất Việt", "Kim Ngân", "Phúc Lộc"];

export type ProducerNaming = { name: string; contact: Person };

export function producerName(
  rng: Rng,
  kind: "cooperative" | "company" | "household",
  category: string,
  place: string,
  provinceSlug: string,
): ProducerNaming {
  const trade = TRADE[category] ?? TRADE["trai-cay"]!;
  const contact = personName(rng, provinceSlug);
  if (kind === "cooperative") return { name: `HTX ${rng.pick(trade.coop)} ${place}`, contact };
  if (kind === "company") {
    const brand = rng.chance(0.5) ? place : rng.pick(BRAND_WORDS);
    return { name: `${rng.pick(COMPANY_FORMS)} ${rng.pick(trade.company)} ${brand}`, contact };
  }
  const owner = rng.chance(0.6) ? `${rng.pick(NICK)} ${contact.given}` : contact.given;
  return { name: `Hộ kinh doanh Cơ sở ${rng.pick(trade.shop)} ${owner}`, contact };
}
