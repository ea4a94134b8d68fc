// Defaults for the marketplace connector: how fast to call each marketplace, and where the
// app's categories go on each marketplace. Written if missing, so an admin's edits stay.
// The external category ids are demo defaults (unverified): check them against each
// marketplace's category API (Shopee get_category, Lazada GetCategoryTree, TikTok Shop
// categories, Tiki categories) before a real deployment; the sandboxes accept exactly these.
import { sql } from "drizzle-orm";
import type { MarketplaceCode } from "../vocabulary";

/** calls per second per connected shop, jobs in flight per shop (unverified: no public limits). */
export const MARKETPLACE_SETTINGS: Record<MarketplaceCode, { callsPerSecond: number; maxInFlight: number }> = {
  shopee: { callsPerSecond: 10, maxInFlight: 8 },
  lazada: { callsPerSecond: 10, maxInFlight: 8 },
  tiktok: { callsPerSecond: 10, maxInFlight: 8 },
  tiki: { callsPerSecond: 5, maxInFlight: 4 },
  postmart: { callsPerSecond: 1, maxInFlight: 1 },
  voso: { callsPerSecond: 1, maxInFlight: 1 },
};

type Mapping = { id: string; name: string };

/** App category slug → marketplace category. Attributes below apply to every category. */
export const CATEGORY_MAP: Record<string, Record<MarketplaceCode, Mapping>> = {
  "nuoc-mam-gia-vi": m(["100700", "Bách hóa > Gia vị & Nước chấm"], ["10001631", "Đồ khô > Nước chấm"], ["600123", "Thực phẩm > Gia vị"], ["4365", "Gia vị, nước chấm"], "Thực phẩm khô", "Gia vị"),
  "gao-ngu-coc": m(["100629", "Bách hóa > Gạo & Ngũ cốc"], ["10001620", "Đồ khô > Gạo"], ["600110", "Thực phẩm > Gạo"], ["4350", "Gạo"], "Thực phẩm khô", "Gạo, ngũ cốc"),
  "mat-ong": m(["100703", "Bách hóa > Mật ong"], ["10001640", "Đồ khô > Mật ong"], ["600131", "Thực phẩm > Mật ong"], ["4372", "Mật ong"], "Đặc sản vùng miền", "Mật ong"),
  "trai-cay": m(["100711", "Bách hóa > Trái cây tươi"], ["10001701", "Thực phẩm tươi > Trái cây"], ["600140", "Thực phẩm tươi > Trái cây"], ["4401", "Trái cây"], "Nông sản tươi", "Trái cây"),
  "trai-cay-say-mut": m(["100712", "Bách hóa > Trái cây sấy"], ["10001645", "Đồ khô > Trái cây sấy"], ["600142", "Thực phẩm > Đồ khô"], ["4380", "Trái cây sấy"], "Đặc sản vùng miền", "Trái cây sấy, mứt"),
  "banh-keo": m(["100720", "Bách hóa > Bánh kẹo"], ["10001660", "Bánh kẹo > Đặc sản"], ["600150", "Thực phẩm > Bánh kẹo"], ["4390", "Bánh kẹo"], "Đặc sản vùng miền", "Bánh kẹo"),
  "thit-hai-san-kho": m(["100725", "Bách hóa > Đồ khô"], ["10001670", "Đồ khô > Thịt, hải sản khô"], ["600155", "Thực phẩm > Hải sản khô"], ["4395", "Hải sản khô"], "Đặc sản vùng miền", "Hải sản khô"),
  "rau-cu-nam": m(["100730", "Bách hóa > Rau củ"], ["10001710", "Thực phẩm tươi > Rau củ"], ["600145", "Thực phẩm tươi > Rau củ"], ["4405", "Rau củ, nấm"], "Nông sản tươi", "Rau, củ, nấm"),
  tra: m(["100740", "Bách hóa > Trà"], ["10001680", "Đồ uống > Trà"], ["600160", "Đồ uống > Trà"], ["4410", "Trà"], "Đồ uống", "Trà"),
  "ca-phe": m(["100741", "Bách hóa > Cà phê"], ["10001681", "Đồ uống > Cà phê"], ["600161", "Đồ uống > Cà phê"], ["4411", "Cà phê"], "Đồ uống", "Cà phê"),
  ruou: m(["100745", "Bách hóa > Đồ uống có cồn"], ["10001685", "Đồ uống > Rượu"], ["600165", "Đồ uống > Rượu"], ["4415", "Rượu"], "Đồ uống", "Rượu"),
  "nuoc-giai-khat": m(["100742", "Bách hóa > Đồ uống"], ["10001682", "Đồ uống > Nước giải khát"], ["600162", "Đồ uống > Nước ép"], ["4412", "Nước giải khát"], "Đồ uống", "Nước giải khát"),
  "duoc-lieu": m(["100750", "Sức khỏe > Thảo dược"], ["10001690", "Sức khỏe > Thảo dược"], ["600170", "Sức khỏe > Thảo dược"], ["4420", "Thảo dược"], "Sức khỏe", "Dược liệu"),
  "tinh-dau": m(["100751", "Sắc đẹp > Tinh dầu"], ["10001691", "Làm đẹp > Tinh dầu"], ["600171", "Làm đẹp > Tinh dầu"], ["4421", "Tinh dầu"], "Sức khỏe", "Tinh dầu"),
  "tho-cam-lua": m(["100760", "Thời trang > Vải, lụa"], ["10001720", "Thời trang > Vải"], ["600180", "Thời trang > Vải"], ["4430", "Thổ cẩm, lụa"], "Thủ công mỹ nghệ", "Thổ cẩm, lụa"),
  "may-tre-dan": m(["100770", "Nhà cửa > Đồ mây tre"], ["10001730", "Nhà cửa > Mây tre"], ["600190", "Nhà cửa > Mây tre"], ["4440", "Mây tre đan"], "Thủ công mỹ nghệ", "Mây tre đan"),
  "gom-go-my-nghe": m(["100771", "Nhà cửa > Gốm sứ"], ["10001731", "Nhà cửa > Gốm, gỗ"], ["600191", "Nhà cửa > Gốm"], ["4441", "Gốm, gỗ mỹ nghệ"], "Thủ công mỹ nghệ", "Gốm, gỗ mỹ nghệ"),
  "du-lich-cong-dong": m(["100780", "Voucher > Du lịch"], ["10001740", "Voucher > Du lịch"], ["600200", "Dịch vụ > Du lịch"], ["4450", "Du lịch"], "Du lịch", "Du lịch cộng đồng"),
};

/** Attributes every category requires on each marketplace, with the app's default value. */
export const DEFAULT_ATTRIBUTES: Record<MarketplaceCode, Record<string, string>> = {
  shopee: { brand: "No brand", origin: "Việt Nam" },
  lazada: { brand: "No Brand" },
  tiktok: { brand: "No brand" },
  tiki: { brand: "OEM", origin: "Việt Nam" },
  postmart: {},
  voso: {},
};

function m(shopee: [string, string], lazada: [string, string], tiktok: [string, string], tiki: [string, string], postmart: string, voso: string): Record<MarketplaceCode, Mapping> {
  return {
    shopee: { id: shopee[0], name: shopee[1] },
    lazada: { id: lazada[0], name: lazada[1] },
    tiktok: { id: tiktok[0], name: tiktok[1] },
    tiki: { id: tiki[0], name: tiki[1] },
    postmart: { id: postmart, name: postmart },
    voso: { id: voso, name: voso },
  };
}

type Tx = { run: (query: ReturnType<typeof sql>) => unknown };

/** Inserts missing settings and mappings (by marketplace code and category slug). */
export function ensureConnectorDefaults(tx: Tx): void {
  for (const [code, s] of Object.entries(MARKETPLACE_SETTINGS)) {
    tx.run(sql`insert into marketplace_settings (marketplace_id, calls_per_second, max_in_flight)
      select id, ${s.callsPerSecond}, ${s.maxInFlight} from marketplaces where code = ${code}
      on conflict do nothing`);
  }
  for (const [slug, byMarket] of Object.entries(CATEGORY_MAP)) {
    for (const [code, mapping] of Object.entries(byMarket)) {
      const attributes = JSON.stringify(DEFAULT_ATTRIBUTES[code as MarketplaceCode]);
      tx.run(sql`insert into marketplace_category_map (marketplace_id, category_id, external_category_id, external_category_name, attributes)
        select m.id, c.id, ${mapping.id}, ${mapping.name}, ${attributes} from marketplaces m, categories c
        where m.code = ${code} and c.slug = ${slug}
        on conflict do nothing`);
    }
  }
}
