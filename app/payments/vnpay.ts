// VNPay payment gateway 2.1.0: a signed redirect to the pay page, a return page, and the IPN
// (server to server, the source of truth). Signing: sort the keys, URL-encode the values
// (spaces as "+"), join k=v with "&", HMAC-SHA512 with the hash secret, hex.
import { createHmac } from "node:crypto";
import type { PaymentProvider, ProviderEvent, RawRequest } from "./provider";
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

export type VnpayConfig = { payUrl: string; tmnCode: string; hashSecret: string };

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
