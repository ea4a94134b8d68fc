// Lazada (lazada.vn), Open Platform: adapter app/marketplaces/lazada.server.ts, sandbox scripts/sandbox/lazada.ts.
// The category ids are demo defaults (unverified): check them against GetCategoryTree before a real deployment.
import type { MarketplaceDefinition } from "./definition";

export const lazada = {
  code: "lazada",
  name: "Lazada",
  hasApi: true,
  orderPrefix: "LZD",
  readiness: { minPhotoSide: 330, nameLength: [2, 255], minDescription: 30, needsWeight: true, needsOcop: false }, // (unverified)
  limits: { callsPerSecond: 10, maxInFlight: 8 }, // (unverified: no public limits)
  env: {
    LAZADA_API_URL: { sandbox: "/rest" },
    /** Lazada's authorisation host (auth.lazada.com); token calls go to {LAZADA_AUTH_URL}/rest. */
    LAZADA_AUTH_URL: { sandbox: "" },
    LAZADA_APP_KEY: "100001",
    LAZADA_APP_SECRET: "sandbox-lazada-app-secret",
  },
  sandbox: { port: 1 },
  attributes: { brand: "No Brand" },
  categories: {
    "nuoc-mam-gia-vi": ["10001631", "Đồ khô > Nước chấm"],
    "gao-ngu-coc": ["10001620", "Đồ khô > Gạo"],
    "mat-ong": ["10001640", "Đồ khô > Mật ong"],
    "trai-cay": ["10001701", "Thực phẩm tươi > Trái cây"],
    "trai-cay-say-mut": ["10001645", "Đồ khô > Trái cây sấy"],
    "banh-keo": ["10001660", "Bánh kẹo > Đặc sản"],
    "thit-hai-san-kho": ["10001670", "Đồ khô > Thịt, hải sản khô"],
    "rau-cu-nam": ["10001710", "Thực phẩm tươi > Rau củ"],
    tra: ["10001680", "Đồ uống > Trà"],
    "ca-phe": ["10001681", "Đồ uống > Cà phê"],
    ruou: ["10001685", "Đồ uống > Rượu"],
    "nuoc-giai-khat": ["10001682", "Đồ uống > Nước giải khát"],
    "duoc-lieu": ["10001690", "Sức khỏe > Thảo dược"],
    "tinh-dau": ["10001691", "Làm đẹp > Tinh dầu"],
    "tho-cam-lua": ["10001720", "Thời trang > Vải"],
    "may-tre-dan": ["10001730", "Nhà cửa > Mây tre"],
    "gom-go-my-nghe": ["10001731", "Nhà cửa > Gốm, gỗ"],
    "du-lich-cong-dong": ["10001740", "Voucher > Du lịch"],
  },
} as const satisfies MarketplaceDefinition;
