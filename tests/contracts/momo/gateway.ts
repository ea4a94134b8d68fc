// MoMo payment gateway v2 (AIO v2): create (captureWallet), the IPN, and refund.
// Sources: developers.momo.vn/v3/docs/payment/api/wallet/onetime (create, IPN: HTTP 204 expected),
// developers.momo.vn/v3/docs/payment/api/result-handling/resultcode (result codes and which are
// final), developers.momo.vn/v3/docs/payment/api/payment-api/refund (refund); the field lists were
// cross-checked with MoMo's own samples (github.com/momo-wallet/payment) and the npm packages
// momo-payment-gateway / momo-payment-api. MoMo publishes no example signature: the vectors in
// tests/unit/sandbox-signing.test.ts were computed with Python's hmac over the documented strings.
import { z } from "zod";

/** orderId and requestId: ^[0-9a-zA-Z]([-_.]*[0-9a-zA-Z]+)*$ (requestId at most 50 characters). */
const id = z.string().regex(/^[0-9a-zA-Z]([-_.]*[0-9a-zA-Z]+)*$/);
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

/** POST /v2/gateway/api/create. Signature: accessKey, amount, extraData, ipnUrl, orderId, orderInfo, partnerCode, redirectUrl, requestId, requestType. */
export const CreateRequest = z.looseObject({
  partnerCode: z.string().min(1).max(50),
  accessKey: z.string().min(1).optional(),
  requestId: id.max(50),
  /** 1.000 to 50.000.000 ₫. */
  amount: z.number().int().min(1_000).max(50_000_000),
  /** Unique per create: a second create with the same orderId is answered 41. */
  orderId: id.max(200),
  orderInfo: z.string().max(255),
  redirectUrl: z.string(),
  ipnUrl: z.url(),
  requestType: z.literal("captureWallet"),
  extraData: z.string(),
  lang: z.enum(["vi", "en"]),
  signature: hex64,
});

export const CreateResponse = z.looseObject({
  partnerCode: z.string(),
  requestId: z.string(),
  orderId: z.string(),
  amount: z.number().int(),
  responseTime: z.number().int(),
  message: z.string(),
  resultCode: z.number().int(),
  payUrl: z.string().optional(),
  deeplink: z.string().optional(),
  qrCodeUrl: z.string().optional(),
});

/** The IPN MoMo POSTs (JSON); the merchant answers HTTP 204. Signature: accessKey, amount, extraData, message, orderId, orderInfo, orderType, partnerCode, payType, requestId, responseTime, resultCode, transId. */
export const Ipn = z.object({
  partnerCode: z.string(),
  orderId: z.string(),
  requestId: z.string(),
  amount: z.number().int(),
  orderInfo: z.string(),
  orderType: z.string(),
  transId: z.number().int(),
  resultCode: z.number().int(),
  message: z.string(),
  payType: z.string(),
  responseTime: z.number().int(),
  extraData: z.string(),
  signature: hex64,
});

/** Codes MoMo marks "Final Status: Yes" for a payment (0 success; the rest failures or cancellations). */
export const FINAL_CODES = [0, 1001, 1002, 1003, 1004, 1005, 1006, 1007, 1017, 1026, 2019, 4001, 4002, 4100] as const;
/** Documented as not final: the transaction goes on. */
export const NOT_FINAL_CODES = [1000, 7000, 7002, 8000, 9000] as const;

/** POST /v2/gateway/api/refund. Signature: accessKey, amount, description, orderId, partnerCode, requestId, transId. */
export const RefundRequest = z.looseObject({
  partnerCode: z.string().min(1),
  /** The refund's own orderId, new for each refund. */
  orderId: id.max(200),
  requestId: id.max(50),
  amount: z.number().int().min(1_000),
  transId: z.number().int(),
  lang: z.enum(["vi", "en"]),
  description: z.string().max(255),
  signature: hex64,
});

export const RefundResponse = z.looseObject({
  partnerCode: z.string(),
  orderId: z.string(),
  requestId: z.string(),
  amount: z.number().int(),
  transId: z.number().int(),
  resultCode: z.number().int(),
  message: z.string(),
  responseTime: z.number().int(),
});

/**
 * An IPN in the documented shape: field names and types from the one-time payment page; the
 * values are ours (the page's example could not be retrieved whole), signed with MoMo's public
 * test keys (partnerCode MOMO) by the test that uses it.
 */
export const DOCUMENTED_IPN_FIELDS = {
  partnerCode: "MOMO",
  orderId: "CK2611220000123-1",
  requestId: "CK2611220000123-1-8f3a9c2e1b7d4a60",
  amount: 50000,
  orderInfo: "Thanh toan don hang CK2611220000123",
  orderType: "momo_wallet",
  transId: 4014083433,
  resultCode: 0,
  message: "Thành công.",
  payType: "qr",
  responseTime: 1795300000000,
  extraData: "",
} as const;
export const MOMO_TEST_KEYS = { partnerCode: "MOMO", accessKey: "F8BBA842ECF85", secretKey: "K951B6PE1waDMi640xX08PD3vg6EkVlz" } as const;
