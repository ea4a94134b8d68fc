// TikTok Shop (Partner API 202309): adapter app/marketplaces/tiktok.server.ts, sandbox scripts/sandbox/tiktok.ts.
// The category ids are demo defaults (unverified): check them against the categories API before a real deployment.
import type { MarketplaceDefinition } from "./definition";

export const tiktok = {
  code: "tiktok",
  name: "TikTok Shop",
  hasApi: true,
  orderPrefix: "TTS",
  readiness: { minPhotoSide: 300, nameLength: [1, 255], minDescription: 30, needsWeight: true, needsOcop: false }, // (unverified)
  limits: { callsPerSecond: 10, maxInFlight: 8 }, // (unverified: no public limits)
  env: {
    TIKTOK_API_URL: { sandbox: "" },
    /** services.tiktokshop.com (the seller's consent page) and auth.tiktok-shops.com (tokens). */
    TIKTOK_AUTH_URL: { sandbox: "" },
    TIKTOK_APP_KEY: "sandboxtiktokkey",
    TIKTOK_APP_SECRET: "sandbox-tiktok-app-secret",
    TIKTOK_SERVICE_ID: "7000000000000000001",
  },
  sandbox: { port: 2 },
  attributes: { brand: "No brand" },
  categories: {
    "nuoc-mam-gia-vi": ["600123", "Thực phẩm > Gia vị"],
    "gao-ngu-coc": ["600110", "Thực phẩm > Gạo"],
    "mat-ong": ["600131", "Thực phẩm > Mật ong"],
    "trai-cay": ["600140", "Thực phẩm tươi > Trái cây"],
    "trai-cay-say-mut": ["600142", "Thực phẩm > Đồ khô"],
    "banh-keo": ["600150", "Thực phẩm > Bánh kẹo"],
    "thit-hai-san-kho": ["600155", "Thực phẩm > Hải sản khô"],
    "rau-cu-nam": ["600145", "Thực phẩm tươi > Rau củ"],
    tra: ["600160", "Đồ uống > Trà"],
    "ca-phe": ["600161", "Đồ uống > Cà phê"],
    ruou: ["600165", "Đồ uống > Rượu"],
    "nuoc-giai-khat": ["600162", "Đồ uống > Nước ép"],
    "duoc-lieu": ["600170", "Sức khỏe > Thảo dược"],
    "tinh-dau": ["600171", "Làm đẹp > Tinh dầu"],
    "tho-cam-lua": ["600180", "Thời trang > Vải"],
    "may-tre-dan": ["600190", "Nhà cửa > Mây tre"],
    "gom-go-my-nghe": ["600191", "Nhà cửa > Gốm"],
    "du-lich-cong-dong": ["600200", "Dịch vụ > Du lịch"],
  },
} as const satisfies MarketplaceDefinition;
