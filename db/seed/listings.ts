// Marketplace accounts, listings and each listing's status history: about half of the
// verified producers list their active OCOP products on one to three marketplaces.
import { MARKETPLACES, type MarketplaceCode } from "../reference/marketplaces";
import type { ListingStatus } from "../schema";
import type { ProducerRow, ProductRow, Reference } from "./model";
import { push, Rng } from "./random";
import { DAY_MS, HOUR_MS, seedNow } from "./text";

export type AccountRow = {
  id: number;
  producerId: number;
  marketplaceId: number;
  code: string;
  externalShopId: string | null;
  shopName: string;
  tokenExpiresAt: number | null;
  status: "connected" | "expired" | "revoked";
  createdAt: number;
  updatedAt: number;
};

export type ListingEventRow = { status: ListingStatus; detail: string | null; at: number };

export type ListingRow = {
  id: number;
  product: ProductRow;
  marketplaceId: number;
  code: string;
  accountId: number;
  externalId: string | null;
  externalUrl: string | null;
  status: ListingStatus;
  lastError: string | null;
  syncedPrice: number | null;
  syncedStock: number | null;
  liveSince: number | null;
  lastSyncedAt: number | null;
  createdAt: number;
  updatedAt: number;
  events: ListingEventRow[];
};

const definition = (code: string) => MARKETPLACES[code as MarketplaceCode];

/** Demo flavour (a marketplace missing here simply has no demo listings). */
const MARKET_WEIGHTS = [["shopee", 34], ["lazada", 18], ["tiktok", 20], ["tiki", 10], ["postmart", 12], ["voso", 6]] as const;

const REJECTIONS: Record<string, string[]> = {
  shopee: ["Ảnh sản phẩm chưa đạt kích thước tối thiểu 500×500 px", "Sản phẩm thuộc danh mục hạn chế, cần bổ sung giấy phép", "Tên sản phẩm chứa từ khóa không được phép"],
  lazada: ["Thiếu thông tin thương hiệu (brand) hợp lệ", "Ảnh chính có chèn chữ hoặc logo", "Danh mục sản phẩm không phù hợp"],
  tiktok: ["Thiếu giấy chứng nhận an toàn thực phẩm", "Mô tả sản phẩm chứa thông tin chưa được xác minh về công dụng", "Sản phẩm rượu yêu cầu giấy phép kinh doanh đồ uống có cồn"],
  tiki: ["Hình ảnh nhỏ hơn 500×500 px", "Thiếu chứng từ nguồn gốc xuất xứ", "Trùng lặp với sản phẩm đã có trên Tiki"],
  postmart: ["Tệp tải lên thiếu cột cân nặng"],
  voso: ["Tệp tải lên thiếu cột cân nặng"],
};
const ERRORS = ["ApiCallLimit: vượt giới hạn gọi API, sẽ thử lại", "Phiên đăng nhập sàn đã hết hạn, cần kết nối lại tài khoản", "Sàn không phản hồi (hết thời gian chờ)"];
const DELIST = ["Người bán ngừng kinh doanh sản phẩm", "Hết hàng dài ngày, người bán gỡ sản phẩm", "Sàn gỡ sản phẩm do vi phạm chính sách giá"];

export function generateListings(
  ref: Reference,
  producers: ProducerRow[],
  products: ProductRow[],
  opts: { today: string },
): { accounts: AccountRow[]; listings: ListingRow[] } {
  const now = seedNow(opts.today);
  const byProducer = new Map<number, ProductRow[]>();
  for (const p of products) if (p.status === "active" && p.hasOcop) push(byProducer, p.producer.id, p);
  const accounts: AccountRow[] = [];
  const listings: ListingRow[] = [];

  for (const producer of producers) {
    const rng = new Rng(`listings:${producer.id}`);
    const own = byProducer.get(producer.id) ?? [];
    if (producer.status !== "verified" || own.length === 0) continue;
    if (!(producer.loginEmail || rng.chance(0.5))) continue;
    const count = producer.loginEmail ? 3 : rng.weighted([[1, 45], [2, 35], [3, 20]] as const);
    const markets: string[] = [];
    while (markets.length < count) {
      const m = rng.weighted(MARKET_WEIGHTS);
      if (!markets.includes(m)) markets.push(m);
    }
    const firstProduct = Math.min(...own.map((p) => p.createdAt));
    for (const code of markets) {
      const accountCreated = Math.min(now - 2 * DAY_MS, Math.max(producer.verifiedAt ?? producer.createdAt, firstProduct) + rng.int(1, 60) * DAY_MS);
      const api = definition(code).hasApi;
      const expired = api && rng.chance(0.08);
      const account: AccountRow = {
        id: accounts.length + 1,
        producerId: producer.id,
        marketplaceId: ref.marketplaces.get(code)!,
        code,
        externalShopId: shopId(rng, code),
        shopName: producer.name,
        tokenExpiresAt: api ? (expired ? now - rng.int(2, 20) * DAY_MS : now + tokenLife(code) - rng.int(0, 3) * HOUR_MS) : null,
        status: expired ? "expired" : "connected",
        createdAt: accountCreated,
        updatedAt: now - rng.int(0, 72) * HOUR_MS,
      };
      accounts.push(account);
      for (const product of own) {
        if (!rng.chance(0.8)) continue;
        listings.push(makeListing(rng, listings.length + 1, product, account, now, expired));
      }
    }
  }
  return { accounts, listings };
}

function makeListing(rng: Rng, id: number, product: ProductRow, account: AccountRow, now: number, expired: boolean): ListingRow {
  const code = account.code;
  const api = definition(code).hasApi;
  const from = Math.max(product.createdAt, account.createdAt) + HOUR_MS;
  const status: ListingStatus = api
    ? expired
      ? rng.weighted([["live", 70], ["error", 30]] as const)
      : rng.weighted([["live", 72], ["rejected", 8], ["pending", 4], [code === "tiki" ? "in_review" : "live", 5], ["error", 3], ["delisted", 8]] as const)
    : rng.weighted([["exported", 35], ["live", 55], ["delisted", 5], ["pending", 5]] as const);
  const recent = status === "pending" || status === "in_review" || status === "error";
  const created = recent ? Math.max(from, now - rng.int(2, 140) * HOUR_MS) : from + Math.floor(rng.next() * Math.max(HOUR_MS, now - 5 * DAY_MS - from));
  const events: ListingEventRow[] = [{ status: "pending", detail: null, at: created }];
  let t = created;
  const step = (min: number, max: number) => (t = Math.min(now - 60_000, t + rng.int(min, max) * 60_000));
  const reviewed = () => {
    if (code === "tiki") events.push({ status: "in_review", detail: "Tiki đang duyệt sản phẩm", at: step(5, 90) });
  };
  let lastError: string | null = null;
  let liveSince: number | null = null;
  if (status === "live" || status === "delisted") {
    if (api && rng.chance(0.1)) {
      reviewed();
      events.push({ status: "rejected", detail: rng.pick(REJECTIONS[code]!), at: step(30, 2880) });
      events.push({ status: "pending", detail: "Người bán sửa và gửi lại", at: step(60, 4320) });
    }
    if (api) reviewed();
    else events.push({ status: "exported", detail: `Đã xuất tệp tải lên ${definition(code).name}`, at: step(2, 30) });
    liveSince = step(api ? 10 : 600, api ? 4320 : 10_080);
    events.push({ status: "live", detail: api ? null : "Người bán xác nhận đã đăng", at: liveSince });
    if (status === "delisted") {
      const at = Math.min(now - 60_000, t + HOUR_MS + Math.floor(rng.next() * Math.max(HOUR_MS, now - 2 * HOUR_MS - t)));
      events.push({ status: "delisted", detail: rng.pick(DELIST), at });
    }
  } else if (status === "rejected") {
    reviewed();
    lastError = rng.pick(REJECTIONS[code]!);
    events.push({ status: "rejected", detail: lastError, at: step(30, 2880) });
  } else if (status === "in_review") {
    events.push({ status: "in_review", detail: "Tiki đang duyệt sản phẩm", at: step(5, 90) });
  } else if (status === "error") {
    lastError = rng.pick(ERRORS);
    events.push({ status: "error", detail: lastError, at: step(1, 10) });
  } else if (status === "exported") {
    events.push({ status: "exported", detail: `Đã xuất tệp tải lên ${definition(code).name}`, at: step(2, 30) });
  }
  const last = events[events.length - 1]!.at;
  const hasExternal = liveSince !== null && api;
  const externalId = hasExternal ? itemId(rng, code) : null;
  const synced = status === "live" || status === "delisted" || status === "exported";
  const stalePrice = synced && rng.chance(0.05);
  return {
    id,
    product,
    marketplaceId: account.marketplaceId,
    code,
    accountId: account.id,
    externalId,
    externalUrl: externalId ? itemUrl(code, account.externalShopId, externalId) : null,
    status,
    lastError,
    syncedPrice: synced ? (stalePrice ? Math.round((product.price * 0.9) / 1000) * 1000 : product.price) : null,
    syncedStock: synced ? product.stock : null,
    liveSince,
    lastSyncedAt: status === "live" ? Math.max(last, now - rng.int(1, 48 * 60) * 60_000) : synced ? last : null,
    createdAt: created,
    updatedAt: last,
    events,
  };
}

function tokenLife(code: string): number {
  return code === "shopee" ? 4 * HOUR_MS : code === "lazada" ? 30 * DAY_MS : code === "tiktok" ? 7 * DAY_MS : DAY_MS;
}

function shopId(rng: Rng, code: string): string | null {
  switch (code) {
    case "shopee":
      return String(rng.int(100_000_000, 1_299_999_999));
    case "lazada":
      return `VN${rng.digits(8)}`;
    case "tiktok":
      return `7494${rng.digits(15)}`;
    case "tiki":
      return String(rng.int(100_000, 399_999));
    default:
      return null;
  }
}

function itemId(rng: Rng, code: string): string {
  switch (code) {
    case "shopee":
      return `2${rng.digits(10)}`;
    case "lazada":
      return `2${rng.digits(9)}`;
    case "tiktok":
      return `1729${rng.digits(15)}`;
    default:
      return String(rng.int(20_000_000, 279_999_999));
  }
}

function itemUrl(code: string, shop: string | null, id: string): string {
  switch (code) {
    case "shopee":
      return `https://shopee.vn/product/${shop}/${id}`;
    case "lazada":
      return `https://www.lazada.vn/products/i${id}.html`;
    case "tiktok":
      return `https://shop.tiktok.com/view/product/${id}`;
    default:
      return `https://tiki.vn/p${id}.html`;
  }
}
