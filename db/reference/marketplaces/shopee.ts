// Shopee (shopee.vn), Open Platform v2: adapter app/marketplaces/shopee.server.ts, sandbox scripts/sandbox/shopee.ts.
// The category ids are demo defaults (unverified): check them against get_category before a real deployment.
import type { MarketplaceDefinition } from "./definition";

export const shopee = {
  code: "shopee",
  name: "Shopee",
  hasApi: true,
  orderPrefix: "SPE",
  // (unverified) name/description limits
  readiness: { minPhotoSide: 500, nameLength: [10, 120], minDescription: 100, needsWeight: true, needsOcop: false },
  limits: { callsPerSecond: 10, maxInFlight: 8 }, // (unverified: no public limits)
  env: {
    SHOPEE_API_URL: { sandbox: "" },
    SHOPEE_PARTNER_ID: 2001887,
    SHOPEE_PARTNER_KEY: "sandbox-shopee-partner-key",
  },
  sandbox: { port: 0 },
  // Shopee takes attributes by attribute_id (product/add_item): the id follows the name, `<name>_<attribute_id>`;
  // a value is free text (sent as value_id 0 + original_value_name) or `<value_id>:<name>`.
  // (unverified) 100037 stands for "Xuất xứ"; read the real ids from product/get_attributes per category.
  attributes: { brand: "No brand", origin_100037: "Việt Nam" },
  categories: {
    "nuoc-mam-gia-vi": ["100700", "Bách hóa > Gia vị & Nước chấm"],
    "gao-ngu-coc": ["100629", "Bách hóa > Gạo & Ngũ cốc"],
    "mat-ong": ["100703", "Bách hóa > Mật ong"],
    "trai-cay": ["100711", "Bách hóa > Trái cây tươi"],
    "trai-cay-say-mut": ["100712", "Bách hóa > Trái cây sấy"],
    "banh-keo": ["100720", "Bách hóa > Bánh kẹo"],
    "thit-hai-san-kho": ["100725", "Bách hóa > Đồ khô"],
    "rau-cu-nam": ["100730", "Bách hóa > Rau củ"],
    tra: ["100740", "Bách hóa > Trà"],
    "ca-phe": ["100741", "Bách hóa > Cà phê"],
    ruou: ["100745", "Bách hóa > Đồ uống có cồn"],
    "nuoc-giai-khat": ["100742", "Bách hóa > Đồ uống"],
    "duoc-lieu": ["100750", "Sức khỏe > Thảo dược"],
    "tinh-dau": ["100751", "Sắc đẹp > Tinh dầu"],
    "tho-cam-lua": ["100760", "Thời trang > Vải, lụa"],
    "may-tre-dan": ["100770", "Nhà cửa > Đồ mây tre"],
    "gom-go-my-nghe": ["100771", "Nhà cửa > Gốm sứ"],
    "du-lich-cong-dong": ["100780", "Voucher > Du lịch"],
  },
} as const satisfies MarketplaceDefinition;
