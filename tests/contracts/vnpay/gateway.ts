// VNPay payment gateway 2.1.0: the pay URL, the IPN/return query and the IPN reply, and the
// merchant web API's refund. Sources: VNPay's integration documents (sandbox.vnpayment.vn/apis/docs/
// thanh-toan-pay/pay.html, …/truy-van-hoan-tien/querydr&refund.html), as transcribed by the widely used
// TypeScript library github.com/lehuygiang28/vnpay (src/types/*.ts, src/services/query.service.ts,
// src/constants/response-map.constant.ts; fixtures in test/__helpers__/test-fixtures.ts). VNPay's own
// pages were not in the searchable corpus: the field lists and orders below are the library's.
import { z } from "zod";

const digits = (n: number) => z.string().regex(new RegExp(`^\\d{${n}}$`));
/** yyyyMMddHHmmss, GMT+7. */
const vnpDate = digits(14);

/** The pay URL's query (vnp_Command=pay), signed with HMAC-SHA512 over the sorted, urlencoded pairs. */
export const PayRequest = z.object({
  vnp_Version: z.literal("2.1.0"),
  vnp_Command: z.literal("pay"),
  vnp_TmnCode: z.string().min(1).max(8),
  /** Đồng × 100. */
  vnp_Amount: z.string().regex(/^\d+00$/),
  vnp_CurrCode: z.literal("VND"),
  vnp_TxnRef: z.string().min(1).max(100),
  vnp_OrderInfo: z.string().min(1).max(255).regex(/^[\x20-\x7E]*$/, "ASCII, no accents"),
  vnp_OrderType: z.string().min(1),
  vnp_Locale: z.enum(["vn", "en"]),
  vnp_ReturnUrl: z.url(),
  vnp_IpAddr: z.string().min(7).max(45),
  vnp_CreateDate: vnpDate,
  vnp_ExpireDate: vnpDate,
  vnp_SecureHash: z.string().regex(/^[0-9a-fA-F]{128}$/),
});

/** The IPN (GET to the merchant) and the return URL carry the same signed query. */
export const IpnQuery = z.looseObject({
  vnp_Amount: z.string().regex(/^\d+$/),
  vnp_BankCode: z.string().min(1),
  vnp_BankTranNo: z.string().optional(),
  vnp_CardType: z.string().optional(),
  vnp_OrderInfo: z.string(),
  vnp_PayDate: vnpDate,
  vnp_ResponseCode: digits(2),
  vnp_TmnCode: z.string().min(1),
  vnp_TransactionNo: z.string().regex(/^\d+$/),
  vnp_TransactionStatus: digits(2),
  vnp_TxnRef: z.string().min(1),
  vnp_SecureHashType: z.string().optional(),
  vnp_SecureHash: z.string().regex(/^[0-9a-fA-F]{128}$/),
});

/** The merchant's answer to an IPN: 00 confirmed, 01 order not found, 02 already confirmed, 04 invalid amount, 97 invalid signature, 99 unknown error. */
export const IpnReply = z.object({ RspCode: z.enum(["00", "01", "02", "04", "97", "99"]), Message: z.string() });

/** POST merchant_webapi/api/transaction, vnp_Command=refund (JSON); checksum over the values joined "|" in this order. */
export const REFUND_REQUEST_ORDER = [
  "vnp_RequestId", "vnp_Version", "vnp_Command", "vnp_TmnCode", "vnp_TransactionType", "vnp_TxnRef", "vnp_Amount",
  "vnp_TransactionNo", "vnp_TransactionDate", "vnp_CreateBy", "vnp_CreateDate", "vnp_IpAddr", "vnp_OrderInfo",
] as const;
export const RefundRequest = z.object({
  vnp_RequestId: z.string().min(1).max(32),
  vnp_Version: z.literal("2.1.0"),
  vnp_Command: z.literal("refund"),
  vnp_TmnCode: z.string().min(1),
  /** 02 full refund, 03 partial refund. */
  vnp_TransactionType: z.enum(["02", "03"]),
  vnp_TxnRef: z.string().min(1),
  vnp_Amount: z.number().int().positive(),
  vnp_TransactionNo: z.string().regex(/^\d+$/),
  vnp_TransactionDate: vnpDate,
  vnp_CreateBy: z.string().min(1),
  vnp_CreateDate: vnpDate,
  vnp_IpAddr: z.string().min(7),
  vnp_OrderInfo: z.string().min(1),
  vnp_SecureHash: z.string().regex(/^[0-9a-f]{128}$/),
});

/** The refund's answer; its checksum covers these values joined "|" in this order. */
export const REFUND_RESPONSE_ORDER = [
  "vnp_ResponseId", "vnp_Command", "vnp_ResponseCode", "vnp_Message", "vnp_TmnCode", "vnp_TxnRef", "vnp_Amount",
  "vnp_BankCode", "vnp_PayDate", "vnp_TransactionNo", "vnp_TransactionType", "vnp_TransactionStatus", "vnp_OrderInfo",
] as const;
export const RefundResponse = z.looseObject({
  vnp_ResponseId: z.string().min(1),
  vnp_Command: z.literal("refund"),
  /** 00 success, 02 bad TmnCode, 03 bad format, 91 not found, 94 already being refunded, 95 not a successful transaction, 97 bad checksum, 99 other. */
  vnp_ResponseCode: z.enum(["00", "02", "03", "91", "94", "95", "97", "99"]),
  vnp_Message: z.string(),
  vnp_TmnCode: z.string(),
  vnp_TxnRef: z.string(),
  vnp_Amount: z.union([z.string(), z.number()]),
  vnp_BankCode: z.string(),
  vnp_PayDate: z.string(),
  vnp_TransactionNo: z.string(),
  vnp_TransactionType: z.string(),
  vnp_TransactionStatus: z.string(),
  vnp_OrderInfo: z.string(),
  vnp_SecureHash: z.string().regex(/^[0-9a-f]{128}$/),
});

/** Published: lehuygiang28/vnpay's IPN/return fixture, signed with the secret "test_secret". */
export const DOCUMENTED_IPN = {
  secret: "test_secret",
  query: {
    vnp_Amount: "1000000",
    vnp_BankCode: "NCB",
    vnp_BankTranNo: "VNP14422574",
    vnp_CardType: "ATM",
    vnp_OrderInfo: "Thanh toan don hang 2024-05-21T02:17:31.249Z",
    vnp_PayDate: "20240521091806",
    vnp_ResponseCode: "00",
    vnp_TmnCode: "TEST_TMN_CODE",
    vnp_TransactionNo: "14422574",
    vnp_TransactionStatus: "00",
    vnp_TxnRef: "1716257871703",
    vnp_SecureHash: "649982421beb422556a1374713c74e58e716ecbd05007c0c0e1f7effdfaf361dbf146889ca446139afe11b9954c4d5c486e99e3b86fcfab6957f29eb0be72895",
  },
} as const;
