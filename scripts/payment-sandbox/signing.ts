// The providers' signatures, as the providers compute them, written for the sandbox from their
// documents (not from the app's code): tests/unit/sandbox-signing.test.ts pins each to a
// published vector where one exists.
import { createHmac, timingSafeEqual } from "node:crypto";

const hmac = (algorithm: "sha256" | "sha512", secret: string, text: string) => createHmac(algorithm, secret).update(text, "utf8").digest("hex");

/** Hex signatures compared in constant time; another byte length is simply different. */
export function sameHex(given: string, expected: string): boolean {
  const a = Buffer.from(given.toLowerCase(), "utf8");
  const b = Buffer.from(expected.toLowerCase(), "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}

// VNPay 2.1.0 (pay URL, return URL, IPN): the vnp_* parameters but the hash fields, sorted by
// name, each name and value encoded as PHP's urlencode does in VNPay's reference code (every
// character but letters, digits and "-_." percent-encoded, spaces as "+"), joined "k=v&…",
// HMAC-SHA512, hex.
const formEncode = (v: string) =>
  encodeURIComponent(v)
    .replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, "+");
export function vnpaySignedText(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((k) => k.startsWith("vnp_") && k !== "vnp_SecureHash" && k !== "vnp_SecureHashType")
    .sort()
    .map((k) => `${formEncode(k)}=${formEncode(params[k]!)}`)
    .join("&");
}
export const vnpaySign = (params: Record<string, string>, secret: string) => hmac("sha512", secret, vnpaySignedText(params));
export const vnpayVerify = (params: Record<string, string>, secret: string) => sameHex(params.vnp_SecureHash ?? "", vnpaySign(params, secret));

// VNPay merchant_webapi (querydr, refund): the values in a fixed order joined with "|".
export const VNPAY_REFUND_REQUEST_ORDER = [
  "vnp_RequestId", "vnp_Version", "vnp_Command", "vnp_TmnCode", "vnp_TransactionType", "vnp_TxnRef", "vnp_Amount",
  "vnp_TransactionNo", "vnp_TransactionDate", "vnp_CreateBy", "vnp_CreateDate", "vnp_IpAddr", "vnp_OrderInfo",
] as const;
export const VNPAY_REFUND_RESPONSE_ORDER = [
  "vnp_ResponseId", "vnp_Command", "vnp_ResponseCode", "vnp_Message", "vnp_TmnCode", "vnp_TxnRef", "vnp_Amount",
  "vnp_BankCode", "vnp_PayDate", "vnp_TransactionNo", "vnp_TransactionType", "vnp_TransactionStatus", "vnp_OrderInfo",
] as const;
export const vnpayPipeSign = (order: readonly string[], values: Record<string, unknown>, secret: string) =>
  hmac("sha512", secret, order.map((k) => String(values[k] ?? "")).join("|"));

// MoMo v2: "k=v&k=v" over the documented fields of each message, in their documented
// (alphabetical) order, HMAC-SHA256, hex. accessKey is signed but not sent in an IPN.
export const MOMO_FIELDS = {
  create: ["accessKey", "amount", "extraData", "ipnUrl", "orderId", "orderInfo", "partnerCode", "redirectUrl", "requestId", "requestType"],
  ipn: ["accessKey", "amount", "extraData", "message", "orderId", "orderInfo", "orderType", "partnerCode", "payType", "requestId", "responseTime", "resultCode", "transId"],
  refund: ["accessKey", "amount", "description", "orderId", "partnerCode", "requestId", "transId"],
} as const;
export const momoSign = (fields: readonly string[], values: Record<string, unknown>, secret: string) =>
  hmac("sha256", secret, fields.map((k) => `${k}=${values[k] ?? ""}`).join("&"));

// Stripe webhooks: Stripe-Signature "t=<unix>,v1=<HMAC-SHA256(secret, `${t}.${payload}`)>".
export function stripeSignatureHeader(payload: string, secret: string, t = Math.floor(Date.now() / 1000)): string {
  return `t=${t},v1=${hmac("sha256", secret, `${t}.${payload}`)}`;
}

// SePay webhooks (developer.sepay.vn/vi/sepay-webhooks/xac-thuc): X-SePay-Timestamp is Unix seconds,
// X-SePay-Signature is "sha256=" + hex HMAC-SHA256(secret, "<timestamp>.<raw body>").
export const sepaySign = (body: string, timestamp: number, secret: string) => `sha256=${hmac("sha256", secret, `${timestamp}.${body}`)}`;
