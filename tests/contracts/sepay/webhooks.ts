// SePay Webhooks: the notification SePay POSTs for each bank transaction, its authentication and
// the answer it expects. Written from SePay's documents, never from our adapter or sandbox:
// - developer.sepay.vn/vi/sepay-webhooks/tich-hop-webhook (and docs.sepay.vn/tich-hop-webhooks.html,
//   "Lập trình WebHooks"): the payload fields and the example below; id is SePay's transaction id
//   ("dùng để chống trùng lặp"), transactionDate is "yyyy-MM-dd HH:mm:ss" (Vietnam time: no offset
//   is written, and the transactions API's dates are the same local time), code is the payment code
//   SePay recognised or null, transferType "in"/"out", transferAmount and accumulated in đồng.
// - developer.sepay.vn/en/sepay-webhooks/xac-thuc: four modes (none, API Key, HMAC-SHA256,
//   OAuth 2.0). API Key: header "Authorization: Apikey YOUR_API_KEY"; the sample answers 401 with
//   {"success": false, "message": "Unauthorized"} when it does not match, {"success": true} otherwise.
//   HMAC-SHA256: the page's samples are cut off in our copy; the signed string and header format
//   below ("sha256=" + hex HMAC(secret, "<X-SePay-Timestamp>.<raw body>") in X-SePay-Signature, the
//   timestamp in Unix seconds) are how independent public integrations verify SePay's signature
//   (e.g. the Go, Python and .NET SePay receivers indexed on GitHub that read X-SePay-Signature and
//   X-SePay-Timestamp) — the one point taken from integrations rather than the page itself.
// - developer.sepay.vn/en/sepay-webhooks/bao-mat: "check the X-SePay-Timestamp header. Reject
//   requests where the timestamp drifts more than 5 minutes"; check transferAmount, accountNumber
//   and code against the order; reconcile periodically through the transactions API.
// - developer.sepay.vn/vi/sepay-webhooks/tich-hop-webhook, "Phản hồi hợp lệ": success only with HTTP
//   200 or 201, a JSON body exactly {"success": true}, within 30 seconds; anything else (202, a
//   redirect, 4xx, 5xx, another body) is a failure. developer.sepay.vn/en/sepay-webhooks/xu-ly-loi:
//   failures are retried, 8 attempts in all (the first plus 7 retries, Fibonacci spacing
//   1,1,2,3,5,8,13 minutes, about 33 minutes); a duplicate also comes from a manual replay or several
//   webhooks pointing at one endpoint.
// - github.com/sepayvn/laravel-sepay, src/Http/Controllers/SePayController.php (SePay's own Laravel
//   package): reads "Authorization: Apikey <token>" and refuses a transaction id seen before.
// - developer.sepay.vn/vi/sepay-webhooks/cau-hinh-ma-thanh-toan: "Cấu hình Công ty → Cấu hình chung →
//   Cấu trúc mã thanh toán": a prefix of 2–5 letters and a suffix length range, numbers only or numbers
//   and letters; when the content matches, `code` is filled.
// Silent in the docs, chosen conservatively: whether `id` arrives as a number or a string (both
// accepted); the largest field lengths (bounded generously); OAuth 2.0 (not offered: it needs our own
// OAuth server); the "test send" body (treated as any notification: it proves the link, then lands in
// "cần đối soát" if it names no order).
import { z } from "zod";

export const SEPAY_DOCS = {
  payload: "https://developer.sepay.vn/vi/sepay-webhooks/tich-hop-webhook",
  auth: "https://developer.sepay.vn/en/sepay-webhooks/xac-thuc",
  security: "https://developer.sepay.vn/en/sepay-webhooks/bao-mat",
  retries: "https://developer.sepay.vn/en/sepay-webhooks/xu-ly-loi",
  paymentCode: "https://developer.sepay.vn/vi/sepay-webhooks/cau-hinh-ma-thanh-toan",
  transactionsApi: "https://developer.sepay.vn/en/sepay-api/api-giao-dich",
} as const;

export const WebhookBody = z.object({
  id: z.union([z.number().int().positive(), z.string().regex(/^\d+$/)]),
  gateway: z.string(),
  transactionDate: z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
  accountNumber: z.string().min(1),
  code: z.string().nullable(),
  content: z.string(),
  transferType: z.enum(["in", "out"]),
  transferAmount: z.number().int().nonnegative(),
  accumulated: z.number().int(),
  subAccount: z.string().nullable(),
  referenceCode: z.string().nullable(),
  description: z.string().optional(),
});

/** The answer SePay counts as delivered (any 2xx); the documented body. */
export const WebhookAnswer = z.object({ success: z.literal(true) });
/** The samples' refusal of a wrong key: 401 with this body. */
export const WebhookRefusal = z.object({ success: z.literal(false), message: z.string() });

/**
 * The documented example notifications: the current page (developer.sepay.vn/vi/sepay-webhooks/
 * tich-hop-webhook, "Payload", with its field table: id "không đổi qua mọi lần retry và replay, dùng
 * làm khóa chống trùng"; transactionDate "YYYY-MM-DD HH:mm:ss, giờ Việt Nam"; subAccount, description
 * and referenceCode may be empty; accumulated may be 0; code null when no structure matches) and the
 * older page's (docs.sepay.vn/tich-hop-webhooks.html), still what most integrations quote.
 */
export const DOCUMENTED_WEBHOOKS = [
  {
    id: 92704,
    gateway: "Vietcombank",
    transactionDate: "2024-07-02 11:08:33",
    accountNumber: "1017588888",
    subAccount: "",
    code: "SEVN63DC8E5C",
    content: "SEVN63DC8E5C chuyen tien",
    transferType: "in",
    description: "NGUYEN VAN A chuyen tien",
    transferAmount: 5000000,
    accumulated: 105000000,
    referenceCode: "FT24012345678",
  },
  {
    id: 92704,
    gateway: "Vietcombank",
    transactionDate: "2023-03-25 14:02:37",
    accountNumber: "0123499999",
    code: null,
    content: "chuyen tien mua iphone",
    transferType: "in",
    transferAmount: 2277000,
    accumulated: 19077000,
    subAccount: null,
    referenceCode: "MBVCB.3278907687",
    description: "",
  },
] as const;

/** The retry schedule (xu-ly-loi): minutes after the first attempt. */
export const RETRY_MINUTES = [0, 1, 2, 4, 7, 12, 20, 33] as const;
