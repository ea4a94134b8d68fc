// Postmart.vn (Vietnam Post): no public seller API, listings go out in the seller-centre upload
// file (adapter app/marketplaces/postmart.server.ts); no sandbox, nothing to configure.
import type { MarketplaceDefinition } from "./definition";

export const postmart = {
  code: "postmart",
  name: "Postmart.vn",
  hasApi: false,
  orderPrefix: "PM",
  readiness: { minPhotoSide: 300, nameLength: [5, 200], minDescription: 30, needsWeight: false, needsOcop: true }, // (unverified)
  limits: { callsPerSecond: 1, maxInFlight: 1 },
  attributes: {},
  categories: {
    "nuoc-mam-gia-vi": "Thực phẩm khô",
    "gao-ngu-coc": "Thực phẩm khô",
    "mat-ong": "Đặc sản vùng miền",
    "trai-cay": "Nông sản tươi",
    "trai-cay-say-mut": "Đặc sản vùng miền",
    "banh-keo": "Đặc sản vùng miền",
    "thit-hai-san-kho": "Đặc sản vùng miền",
    "rau-cu-nam": "Nông sản tươi",
    tra: "Đồ uống",
    "ca-phe": "Đồ uống",
    ruou: "Đồ uống",
    "nuoc-giai-khat": "Đồ uống",
    "duoc-lieu": "Sức khỏe",
    "tinh-dau": "Sức khỏe",
    "tho-cam-lua": "Thủ công mỹ nghệ",
    "may-tre-dan": "Thủ công mỹ nghệ",
    "gom-go-my-nghe": "Thủ công mỹ nghệ",
    "du-lich-cong-dong": "Du lịch",
  },
} as const satisfies MarketplaceDefinition;
