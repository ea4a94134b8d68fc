// Voso.vn (Viettel Post): no public seller API, listings go out in the seller-centre upload
// file (adapter app/marketplaces/voso.server.ts); no sandbox, nothing to configure.
import type { MarketplaceDefinition } from "./definition";

export const voso = {
  code: "voso",
  name: "Voso.vn",
  hasApi: false,
  orderPrefix: "VS",
  readiness: { minPhotoSide: 300, nameLength: [5, 200], minDescription: 30, needsWeight: false, needsOcop: true }, // (unverified)
  limits: { callsPerSecond: 1, maxInFlight: 1 },
  attributes: {},
  categories: {
    "nuoc-mam-gia-vi": "Gia vị",
    "gao-ngu-coc": "Gạo, ngũ cốc",
    "mat-ong": "Mật ong",
    "trai-cay": "Trái cây",
    "trai-cay-say-mut": "Trái cây sấy, mứt",
    "banh-keo": "Bánh kẹo",
    "thit-hai-san-kho": "Hải sản khô",
    "rau-cu-nam": "Rau, củ, nấm",
    tra: "Trà",
    "ca-phe": "Cà phê",
    ruou: "Rượu",
    "nuoc-giai-khat": "Nước giải khát",
    "duoc-lieu": "Dược liệu",
    "tinh-dau": "Tinh dầu",
    "tho-cam-lua": "Thổ cẩm, lụa",
    "may-tre-dan": "Mây tre đan",
    "gom-go-my-nghe": "Gốm, gỗ mỹ nghệ",
    "du-lich-cong-dong": "Du lịch cộng đồng",
  },
} as const satisfies MarketplaceDefinition;
