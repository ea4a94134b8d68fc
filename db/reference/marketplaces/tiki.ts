// Tiki (tiki.vn), Open API v2: adapter app/marketplaces/tiki.server.ts, sandbox scripts/sandbox/tiki.ts.
// The category ids are demo defaults (unverified): check them against Tiki's categories before a real deployment.
import type { MarketplaceDefinition } from "./definition";

export const tiki = {
  code: "tiki",
  name: "Tiki",
  hasApi: true,
  orderPrefix: "TIKI",
  readiness: { minPhotoSide: 500, nameLength: [10, 255], minDescription: 50, needsWeight: true, needsOcop: false },
  limits: { callsPerSecond: 5, maxInFlight: 4 }, // (unverified: no public limits)
  env: {
    TIKI_API_URL: { sandbox: "" },
    TIKI_AUTH_URL: { sandbox: "" },
    TIKI_CLIENT_ID: "sandbox-tiki-client",
    TIKI_CLIENT_SECRET: "sandbox-tiki-client-secret",
  },
  sandbox: { port: 3 },
  attributes: { brand: "OEM", origin: "Việt Nam" },
  categories: {
    "nuoc-mam-gia-vi": ["4365", "Gia vị, nước chấm"],
    "gao-ngu-coc": ["4350", "Gạo"],
    "mat-ong": ["4372", "Mật ong"],
    "trai-cay": ["4401", "Trái cây"],
    "trai-cay-say-mut": ["4380", "Trái cây sấy"],
    "banh-keo": ["4390", "Bánh kẹo"],
    "thit-hai-san-kho": ["4395", "Hải sản khô"],
    "rau-cu-nam": ["4405", "Rau củ, nấm"],
    tra: ["4410", "Trà"],
    "ca-phe": ["4411", "Cà phê"],
    ruou: ["4415", "Rượu"],
    "nuoc-giai-khat": ["4412", "Nước giải khát"],
    "duoc-lieu": ["4420", "Thảo dược"],
    "tinh-dau": ["4421", "Tinh dầu"],
    "tho-cam-lua": ["4430", "Thổ cẩm, lụa"],
    "may-tre-dan": ["4440", "Mây tre đan"],
    "gom-go-my-nghe": ["4441", "Gốm, gỗ mỹ nghệ"],
    "du-lich-cong-dong": ["4450", "Du lịch"],
  },
} as const satisfies MarketplaceDefinition;
