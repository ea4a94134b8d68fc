// The connector's one adapter interface and the small vocabulary every adapter translates
// its marketplace's answers into. Two kinds of adapter: "api" marketplaces (Shopee, Lazada,
// TikTok Shop, Tiki) are called by the worker; "file" marketplaces (Postmart.vn, Voso.vn)
// have no public seller API, so the adapter writes the seller-centre upload file and the
// listing waits, "exported", until the producer confirms it is live.
import type { MarketplaceCode, OrderStatus } from "#db/vocabulary";

/** Why a marketplace refused a product, as a code the interface turns into what to fix. */
export const REJECTION_REASONS = [
  "prohibited_claim",
  "photo_invalid",
  "category_invalid",
  "attribute_missing",
  "name_invalid",
  "description_invalid",
  "price_invalid",
  "weight_invalid",
  "duplicate",
  "other",
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export type FailureKind =
  | "retryable" // 5xx, timeouts, network: try again later
  | "rate_limited" // the marketplace's throttle: come back after `retryAfterMs`, no attempt spent
  | "rejected" // the marketplace refuses the content: the producer must change something
  | "auth_expired" // the shop's token is no longer accepted: refresh, else reconnect
  | "not_found" // the listing no longer exists on the marketplace
  | "misconfigured"; // our request is wrong (bad signature, unknown app): a person must look

/** What every adapter throws. `detail` keeps the marketplace's own words for support. */
export class MarketplaceError extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly detail: string,
    readonly extra: { retryAfterMs?: number; reason?: RejectionReason } = {},
  ) {
    super(`${kind}: ${detail}`);
  }
}

export type ShopCredentials = {
  accessToken: string;
  refreshToken?: string;
  /** ISO instant. */
  accessExpiresAt?: string;
  refreshExpiresAt?: string;
  /** When the seller's authorisation itself ends (Shopee: a year after consent), whatever the tokens say. */
  authorisedUntil?: string;
  /** TikTok Shop's shop cipher (sent with every shop call) and default warehouse. */
  shopCipher?: string;
  warehouseId?: string;
};

export type ConnectedShop = { shopId: string; shopName: string; credentials: ShopCredentials };

/** What an adapter needs to call the marketplace for one shop. */
export type ShopContext = {
  shopId: string;
  credentials: ShopCredentials;
  /** Sends one HTTP request through the shop's rate limiter; throws MarketplaceError. */
  http: HttpClient;
};

export type HttpRequest = {
  method: "GET" | "POST" | "PUT";
  url: string;
  headers?: Record<string, string>;
  body?: string | FormData;
};
export type HttpResponse = { status: number; headers: Headers; text: string };
export type HttpClient = (request: HttpRequest) => Promise<HttpResponse>;

/** A product as a marketplace receives it. */
export type ListingSnapshot = {
  productId: number;
  sellerSku: string;
  name: string;
  description: string;
  price: number;
  stock: number;
  weightGrams: number | null;
  category: { externalId: string; name: string; attributes: Record<string, string> } | null;
  /** Square JPEG files ready to upload (paths), and their public URLs. */
  images: { file: string; url: string }[];
  ocopStars: number | null;
  producerName: string;
};

/** How a marketplace knows a listing: its item id, and the SKU id some APIs need for updates. */
export type ListingRef = { externalId: string; externalSkuId: string | null };

export type Published = ListingRef & { status: "live"; externalUrl: string | null };

export type CreateResult = Published | { status: "in_review"; reviewRef: string };

export type ReviewResult = { status: "in_review" } | Published | { status: "rejected"; reason: RejectionReason; detail: string };

export type RemoteStatus = { status: "live" | "in_review" | "delisted" | "rejected"; detail?: string };

/** A marketplace order, already in the app's words. Amounts in đồng. */
export type MarketOrder = {
  externalId: string;
  status: OrderStatus;
  placedAt: string;
  updatedAt: string;
  cod: boolean;
  buyerName: string;
  buyerPhone: string;
  shippingFee: number;
  lines: { sellerSku: string | null; externalItemId: string | null; name: string; unitPrice: number; quantity: number }[];
};

export type OrderPage = { orders: MarketOrder[]; next: string | null };

export type ApiAdapter = {
  kind: "api";
  code: MarketplaceCode;
  /** Where the producer is sent to authorise the app (OAuth). */
  authorizeUrl: (state: string, redirectUri: string) => string;
  /** The callback's query → the shop and its tokens. */
  exchangeCode: (http: HttpClient, query: URLSearchParams, redirectUri: string) => Promise<ConnectedShop>;
  refresh: (http: HttpClient, shop: { shopId: string; credentials: ShopCredentials }) => Promise<ShopCredentials>;
  /** A listing this app created earlier under that seller SKU (a create whose answer was lost). */
  findBySku: (ctx: ShopContext, sellerSku: string) => Promise<CreateResult | null>;
  create: (ctx: ShopContext, listing: ListingSnapshot) => Promise<CreateResult>;
  /** `sellerSku` finds the product when the review answer does not name it (Tiki). */
  reviewStatus: (ctx: ShopContext, reviewRef: string, sellerSku: string) => Promise<ReviewResult>;
  /** Sends only what changed. Batch endpoints can half-succeed: a failed part throws. */
  updatePriceStock: (ctx: ShopContext, ref: ListingRef, change: { sellerSku: string; price?: number; stock?: number }) => Promise<void>;
  updateContent: (ctx: ShopContext, ref: ListingRef, listing: ListingSnapshot) => Promise<void>;
  delist: (ctx: ShopContext, ref: ListingRef) => Promise<void>;
  fetchStatus: (ctx: ShopContext, ref: ListingRef) => Promise<RemoteStatus>;
  /** Orders created or updated in [from, to), one page; `cursor` from the previous page. */
  listOrders: (ctx: ShopContext, window: { from: Date; to: Date }, cursor: string | null) => Promise<OrderPage>;
  /** The longest window listOrders accepts (Shopee: 15 days). */
  maxOrderWindowDays: number;
};

export type FileAdapter = {
  kind: "file";
  code: MarketplaceCode;
  /** The seller-centre upload file for these listings (XLSX). */
  exportFile: (listings: ListingSnapshot[]) => Promise<Buffer>;
  fileName: (day: string) => string;
};

export type MarketplaceAdapter = ApiAdapter | FileAdapter;
