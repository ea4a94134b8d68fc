// VNPay payment gateway 2.1.0: a signed redirect to the pay page, a return page, and the IPN
// (server to server, the source of truth). Signing: sort the keys, URL-encode the values
// (spaces as "+"), join k=v with "&", HMAC-SHA512 with the hash secret, hex.
import { createHmac, randomBytes } from "node:crypto";
import { z } from "zod";
import type { PaymentProvider, ProviderEvent, RawRequest, RefundResult, RefundToSend } from "./provider";
import { sameSignature } from "./signature";

const HASH_FIELDS = new Set(["vnp_SecureHash", "vnp_SecureHashType"]);

/** As PHP's urlencode in VNPay's reference code: all but letters, digits and "-_." percent-encoded, spaces as "+". */
const encode = (v: string) =>
  encodeURIComponent(v)
    .replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, "+");

/** The sorted, encoded "k=v&k=v" string that is signed (and sent). */
export function vnpayQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((k) => !HASH_FIELDS.has(k))
    .sort()
    .map((k) => `${encode(k)}=${encode(params[k]!)}`)
    .join("&");
}

/** The hex `vnp_SecureHash` of the params (the hash fields themselves are left out). */
export function signVnpay(params: Record<string, string>, hashSecret: string): string {
  return createHmac("sha512", hashSecret).update(vnpayQuery(params), "utf8").digest("hex");
}

/** True when `vnp_SecureHash` is the signature of the other params. */
export function verifyVnpay(params: Record<string, string>, hashSecret: string): boolean {
  return sameSignature(params.vnp_SecureHash ?? "", signVnpay(params, hashSecret));
}

/** "yyyyMMddHHmmss" in GMT+7, as VNPay wants its dates. */
export function vnpayDate(at: Date): string {
  return new Date(at.getTime() + 7 * 3600_000).toISOString().replace(/\D/g, "").slice(0, 14);
}

export type VnpayConfig = { payUrl: string; tmnCode: string; hashSecret: string; /** merchant_webapi/api/transaction (querydr, refund). */ apiUrl: string };

// The merchant web API (querydr, refund) signs differently from the pay URL: the values, in an
// order fixed per message, joined with "|", HMAC-SHA512 (VNPay's "querydr&refund" document).
const REFUND_REQUEST_ORDER = [
  "vnp_RequestId", "vnp_Version", "vnp_Command", "vnp_TmnCode", "vnp_TransactionType", "vnp_TxnRef", "vnp_Amount",
  "vnp_TransactionNo", "vnp_TransactionDate", "vnp_CreateBy", "vnp_CreateDate", "vnp_IpAddr", "vnp_OrderInfo",
] as const;
const REFUND_RESPONSE_ORDER = [
  "vnp_ResponseId", "vnp_Command", "vnp_ResponseCode", "vnp_Message", "vnp_TmnCode", "vnp_TxnRef", "vnp_Amount",
  "vnp_BankCode", "vnp_PayDate", "vnp_TransactionNo", "vnp_TransactionType", "vnp_TransactionStatus", "vnp_OrderInfo",
] as const;
export function signVnpayApi(order: readonly string[], values: Record<string, unknown>, hashSecret: string): string {
  return createHmac("sha512", hashSecret).update(order.map((k) => String(values[k] ?? "")).join("|"), "utf8").digest("hex");
}
export const signVnpayRefund = (values: Record<string, unknown>, hashSecret: string) => signVnpayApi(REFUND_REQUEST_ORDER, values, hashSecret);

const scalar = z.union([z.string(), z.number()]).transform(String);
const RefundReplySchema = z.object({
  vnp_ResponseId: scalar,
  vnp_Command: scalar,
  vnp_ResponseCode: scalar,
  vnp_Message: scalar,
  vnp_TmnCode: scalar,
  vnp_TxnRef: scalar,
  vnp_Amount: scalar,
  vnp_BankCode: scalar.optional(),
  vnp_PayDate: scalar.optional(),
  vnp_TransactionNo: scalar.optional(),
  vnp_TransactionType: scalar,
  vnp_TransactionStatus: scalar.optional(),
  vnp_OrderInfo: scalar.optional(),
  vnp_SecureHash: z.string(),
});

async function vnpayRefund(config: VnpayConfig, r: RefundToSend): Promise<RefundResult> {
  const full = r.refundedFromTransaction === 0 && r.amount === r.transactionAmount;
  const now = new Date();
  const body = {
    vnp_RequestId: randomBytes(16).toString("hex"),
    vnp_Version: "2.1.0",
    vnp_Command: "refund",
    vnp_TmnCode: config.tmnCode,
    // 02 the whole transaction, 03 a part of it.
    vnp_TransactionType: full ? "02" : "03",
    vnp_TxnRef: r.reference,
    vnp_Amount: r.amount * 100,
    vnp_TransactionNo: r.providerRef,
    vnp_TransactionDate: vnpayDate(r.transactionCreatedAt ?? now),
    vnp_CreateBy: r.actor.slice(0, 250),
    vnp_CreateDate: vnpayDate(now),
    vnp_IpAddr: r.clientIp,
    vnp_OrderInfo: `Hoan tien don hang ${r.orderCode}`,
  };
  try {
    const res = await fetch(config.apiUrl, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ ...body, vnp_SecureHash: signVnpayRefund(body, config.hashSecret) }),
      signal: AbortSignal.timeout(30_000),
    });
    const reply = RefundReplySchema.safeParse(await res.json().catch(() => null));
    if (!reply.success) return { kind: "refused", message: `VNPay: HTTP ${res.status}, câu trả lời không đúng định dạng` };
    const d = reply.data;
    if (!sameSignature(d.vnp_SecureHash, signVnpayApi(REFUND_RESPONSE_ORDER, d, config.hashSecret))) return { kind: "refused", message: "VNPay: sai chữ ký câu trả lời" };
    if (d.vnp_ResponseCode !== "00") return { kind: "refused", message: `VNPay ${d.vnp_ResponseCode}: ${d.vnp_Message}` };
    return { kind: "succeeded", refundId: `vnpay-refund-${d.vnp_ResponseId}` };
  } catch (error) {
    return { kind: "refused", message: `VNPay: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The IPN replies VNPay expects, checked in this order. */
export const VNPAY_IPN_REPLIES = {
  badSignature: { RspCode: "97", Message: "Invalid signature" },
  orderNotFound: { RspCode: "01", Message: "Order not found" },
  invalidAmount: { RspCode: "04", Message: "Invalid amount" },
  alreadyConfirmed: { RspCode: "02", Message: "Order already confirmed" },
  success: { RspCode: "00", Message: "Confirm Success" },
  unknownError: { RspCode: "99", Message: "Unknow error" },
} as const;

export function vnpayProvider(config: VnpayConfig): PaymentProvider {
  return {
    method: "vnpay",
    provider: "vnpay",
    // vnp_ExpireDate is 15 minutes out; the order waits 5 more for a late IPN.
    expiresAfterMinutes: 20,
    minAmount: 5_000,
    maxAmount: 999_999_999,
    async start(checkout) {
      const params: Record<string, string> = {
        vnp_Version: "2.1.0",
        vnp_Command: "pay",
        vnp_TmnCode: config.tmnCode,
        vnp_Amount: String(checkout.amount * 100),
        vnp_CurrCode: "VND",
        vnp_TxnRef: checkout.reference,
        vnp_OrderInfo: checkout.description,
        vnp_OrderType: "other",
        vnp_Locale: checkout.locale === "en" ? "en" : "vn",
        vnp_ReturnUrl: checkout.returnUrl,
        vnp_IpAddr: checkout.clientIp,
        vnp_CreateDate: vnpayDate(new Date()),
        vnp_ExpireDate: vnpayDate(new Date(Date.now() + 15 * 60_000)),
      };
      const payUrl = `${config.payUrl}?${vnpayQuery(params)}&vnp_SecureHash=${signVnpay(params, config.hashSecret)}`;
      return { payUrl, providerSessionId: null };
    },
    refund: (r) => vnpayRefund(config, r),
    readEvent(request: RawRequest): ProviderEvent | null {
      const params = Object.fromEntries(request.query);
      if (!verifyVnpay(params, config.hashSecret)) return null;
      if (params.vnp_TmnCode !== config.tmnCode) return null;
      const response = params.vnp_ResponseCode ?? "";
      const status = params.vnp_TransactionStatus ?? "";
      const amount = /^\d+$/.test(params.vnp_Amount ?? "") ? Number(params.vnp_Amount) / 100 : null;
      const ok = response === "00" && status === "00";
      return {
        provider: "vnpay",
        // The amount is part of the identity: an IPN with a wrong amount (answered 04) and then the
        // right one with the same ids are two events, and only the right one pays.
        eventId: `${params.vnp_TxnRef}:${params.vnp_TransactionNo ?? ""}:${response}:${params.vnp_Amount ?? ""}`,
        type: "ipn",
        target: params.vnp_TxnRef ? { kind: "session", reference: params.vnp_TxnRef } : { kind: "none" },
        // 24: the shopper cancelled on VNPay's page; anything else but 00 is a failure.
        outcome: ok ? "paid" : response === "24" ? "cancelled" : "failed",
        amount: amount !== null && Number.isInteger(amount) ? amount : null,
        providerRef: params.vnp_TransactionNo && params.vnp_TransactionNo !== "0" ? params.vnp_TransactionNo : null,
        payload: params,
      };
    },
  };
}
