// What can be wrong with a listing, as codes the interface turns into "what to fix" (shared
// by the server, which stores the code, and the browser, which shows its message): one sentence per
// code ("connector.error.<code>"), the marketplace's own words kept for a details line. A code the
// interface does not know (a newer adapter, a legacy row) gets a generic sentence with the raw code.
import type { ReadinessCode } from "~/catalog/readiness";
import type { MessageKey } from "~/i18n/messages";
import { REJECTION_REASONS } from "./types";

const READINESS_CODES = [
  "photo_missing",
  "photo_too_small",
  "weight_missing",
  "description_short",
  "name_length",
  "category_missing",
  "price_missing",
  "out_of_stock",
  "certificate_missing",
  "certificate_expired",
] as const satisfies readonly ReadinessCode[];
// Every readiness code is listed (the type checker fails here otherwise).
const _allReadiness: [Exclude<ReadinessCode, (typeof READINESS_CODES)[number]>] extends [never] ? true : false = true;
void _allReadiness;

const CONNECTOR_CODES = [
  "auth_expired", // the shop must be connected again
  "unavailable", // the marketplace kept failing; retried automatically until the attempts ran out
  "misconfigured", // the app's marketplace keys or addresses are wrong: an administrator must look
  "missing_on_marketplace", // the listing disappeared from the marketplace
  "retrying", // a temporary failure; the next attempt is scheduled
] as const;

export const LISTING_ERROR_CODES = [...REJECTION_REASONS, ...READINESS_CODES, ...CONNECTOR_CODES] as const;
export type ListingErrorCode = (typeof LISTING_ERROR_CODES)[number];

/** Problems the producer cannot fix on the product itself: they concern the whole shop, or pass by themselves. */
export const SHOP_WIDE: ReadonlySet<ListingErrorCode> = new Set(["auth_expired", "misconfigured"]);

export function isListingErrorCode(code: string): code is ListingErrorCode {
  return (LISTING_ERROR_CODES as readonly string[]).includes(code);
}

/** The one sentence for a code: its own, or the generic one (the page shows the raw code beside it). */
export function problemKey(code: string): MessageKey {
  return isListingErrorCode(code) ? (`connector.error.${code}` as MessageKey) : "connector.error.unknown";
}

/**
 * Listings written before errors were codes kept a sentence (or the marketplace's words) in
 * last_error: the known ones map to their code, the rest to none (shown with the generic sentence).
 */
export function legacyErrorCode(text: string): ListingErrorCode | null {
  if (/^ApiCallLimit|giới hạn gọi API|rate limit|sẽ thử lại|tạm thời/i.test(text)) return "retrying";
  if (/hết hạn.*kết nối|kết nối lại|access.?token|credentials/i.test(text)) return "auth_expired";
  if (/không phản hồi|timeout|hết thời gian chờ/i.test(text)) return "unavailable";
  // A refusal in the marketplace's words: its family, where the words say it.
  if (/công dụng|chưa được xác minh|prohibit/i.test(text)) return "prohibited_claim";
  if (/ảnh|hình|image/i.test(text)) return "photo_invalid";
  if (/thương hiệu|brand|thuộc tính/i.test(text)) return "attribute_missing";
  if (/danh mục|category/i.test(text)) return "category_invalid";
  if (/trùng/i.test(text)) return "duplicate";
  if (/tên sản phẩm/i.test(text)) return "name_invalid";
  if (/cân nặng|khối lượng/i.test(text)) return "weight_invalid";
  return null;
}
