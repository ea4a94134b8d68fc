// MoMo wallet, payment gateway v2 (`/v2/gateway/api/create`, requestType=captureWallet):
// create a payment with an HMAC-SHA256 signature, send the shopper to its payUrl, and take
// the IPN (HTTP 204 reply). Amounts 1.000-50.000.000 ₫.
import { createHmac, randomBytes } from "node:crypto";
import { z } from "zod";
import type { PaymentOutcome, PaymentProvider, ProviderEvent, RawRequest } from "./provider";
import { sameSignature } from "./signature";

export type MomoConfig = { apiUrl: string; partnerCode: string; accessKey: string; secretKey: string; ipnUrl: string };

const CREATE_FIELDS = ["accessKey", "amount", "extraData", "ipnUrl", "orderId", "orderInfo", "partnerCode", "redirectUrl", "requestId", "requestType"] as const;
const REFUND_FIELDS = ["accessKey", "amount", "description", "orderId", "partnerCode", "requestId", "transId"] as const;
const IPN_FIELDS = ["accessKey", "amount", "extraData", "message", "orderId", "orderInfo", "orderType", "partnerCode", "payType", "requestId", "responseTime", "resultCode", "transId"] as const;

/** HMAC-SHA256 (hex) over "k=v&k=v" of the named fields, in the documented order. */
export function signMomo(fields: readonly string[], values: Record<string, string | number>, secretKey: string): string {
  const raw = fields.map((k) => `${k}=${values[k] ?? ""}`).join("&");
  return createHmac("sha256", secretKey).update(raw, "utf8").digest("hex");
}

export const signMomoCreate = (values: Record<string, string | number>, secretKey: string) => signMomo(CREATE_FIELDS, values, secretKey);
export const signMomoRefund = (values: Record<string, string | number>, secretKey: string) => signMomo(REFUND_FIELDS, values, secretKey);
export const signMomoIpn = (values: Record<string, string | number>, secretKey: string) => signMomo(IPN_FIELDS, values, secretKey);

const IpnSchema = z.object({
  partnerCode: z.string(),
  orderId: z.string().min(1),
  requestId: z.string(),
  amount: z.number().int(),
  orderInfo: z.string(),
  orderType: z.string(),
  transId: z.union([z.number(), z.string()]),
  resultCode: z.number().int(),
  message: z.string(),
  payType: z.string(),
  responseTime: z.number(),
  extraData: z.string(),
  signature: z.string(),
});

/**
 * What a MoMo resultCode means for the payment (MoMo's "List Result Codes": only codes marked
 * "Final Status: Yes" end it). 1000 (waiting for the user), 7000/7002 (processing), 8000
 * (waiting for the user again) and 9000 (authorised, waiting for capture) are not final, and
 * neither is a code we do not know: the payment stays open until MoMo says more or our
 * deadline passes, so a later success still pays instead of arriving after the stock was released.
 */
export function momoOutcome(resultCode: number): PaymentOutcome {
  if (resultCode === 0) return "paid";
  if (MOMO_CANCELLED.has(resultCode)) return "cancelled";
  if (resultCode === 1005) return "expired";
  if (MOMO_FAILED.has(resultCode)) return "failed";
  return "pending";
}
/** 1003 cancelled after authorisation, 1006 the user refused, 1017 cancelled by the partner. */
const MOMO_CANCELLED: ReadonlySet<number> = new Set([1003, 1006, 1017]);
/** Final failures: funds, issuer refusal, limits, account state, promotion rules, login. */
const MOMO_FAILED: ReadonlySet<number> = new Set([1001, 1002, 1004, 1007, 1026, 2019, 4001, 4002, 4100]);

/**
 * MoMo's orderId for one create: unique per create (MoMo answers 41 "duplicated orderId" to a
 * second create with the same one, even after a timeout whose answer we never saw), so it is
 * our reference plus the attempt number. The IPN's orderId names the reference back.
 */
export const momoOrderId = (reference: string, attempt: number) => `${reference}-${attempt}`;
export const referenceOfMomoOrderId = (orderId: string) => orderId.replace(/-\d+$/, "");

const RefundReplySchema = z.object({ resultCode: z.number(), message: z.string().optional(), transId: z.union([z.number(), z.string()]).optional(), amount: z.number().optional() });

const CreateReplySchema = z.object({ resultCode: z.number(), message: z.string().optional(), payUrl: z.string().optional(), requestId: z.string().optional() });

export function momoProvider(config: MomoConfig): PaymentProvider {
  return {
    method: "momo",
    provider: "momo",
    // MoMo's payment link lives 100 minutes by default; the order is held 35 minutes.
    expiresAfterMinutes: 35,
    minAmount: 1_000,
    maxAmount: 50_000_000,
    async start(checkout) {
      const orderId = momoOrderId(checkout.reference, checkout.attempt);
      const values = {
        partnerCode: config.partnerCode,
        accessKey: config.accessKey,
        // Unique per request (MoMo's idempotency key): a new one for every call.
        requestId: `${orderId}-${randomBytes(8).toString("hex")}`,
        amount: checkout.amount,
        orderId,
        orderInfo: checkout.description,
        redirectUrl: checkout.returnUrl,
        ipnUrl: config.ipnUrl,
        requestType: "captureWallet",
        extraData: "",
      };
      const body = { ...values, lang: checkout.locale, signature: signMomoCreate(values, config.secretKey) };
      const res = await fetch(`${config.apiUrl}/v2/gateway/api/create`, {
        method: "POST",
        headers: { "Content-Type": "application/json; charset=UTF-8" },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(15_000),
      });
      const reply = CreateReplySchema.safeParse(await res.json().catch(() => null));
      if (!reply.success || reply.data.resultCode !== 0 || !reply.data.payUrl) {
        throw new Error(`MoMo create failed: HTTP ${res.status}, resultCode ${reply.success ? reply.data.resultCode : "?"}`);
      }
      return { payUrl: reply.data.payUrl, providerSessionId: orderId };
    },
    async refund(r) {
      // A refund is its own MoMo order: a new orderId and requestId for each request.
      const orderId = `${r.orderCode}-R${randomBytes(4).toString("hex")}`;
      const values = {
        partnerCode: config.partnerCode,
        accessKey: config.accessKey,
        orderId,
        requestId: `${orderId}-${randomBytes(4).toString("hex")}`,
        amount: r.amount,
        transId: Number(r.providerRef),
        description: `Hoan tien don hang ${r.orderCode}`,
      };
      const { accessKey: _signedOnly, ...sent } = values;
      try {
        const res = await fetch(`${config.apiUrl}/v2/gateway/api/refund`, {
          method: "POST",
          headers: { "Content-Type": "application/json; charset=UTF-8" },
          body: JSON.stringify({ ...sent, lang: "vi", signature: signMomoRefund(values, config.secretKey) }),
          signal: AbortSignal.timeout(30_000),
        });
        const reply = RefundReplySchema.safeParse(await res.json().catch(() => null));
        if (!reply.success) return { kind: "refused", message: `MoMo: HTTP ${res.status}, câu trả lời không đúng định dạng` };
        if (reply.data.resultCode !== 0) return { kind: "refused", message: `MoMo ${reply.data.resultCode}: ${reply.data.message ?? ""}`.trim() };
        return { kind: "succeeded", refundId: `momo-refund-${reply.data.transId ?? orderId}` };
      } catch (error) {
        return { kind: "refused", message: `MoMo: ${error instanceof Error ? error.message : String(error)}` };
      }
    },
    readEvent(request: RawRequest): ProviderEvent | null {
      let json: unknown;
      try {
        json = JSON.parse(request.body);
      } catch {
        return null;
      }
      const parsed = IpnSchema.safeParse(json);
      if (!parsed.success) return null;
      const ipn = parsed.data;
      const values = { ...ipn, accessKey: config.accessKey };
      if (ipn.partnerCode !== config.partnerCode || !sameSignature(ipn.signature, signMomoIpn(values, config.secretKey))) return null;
      const transId = String(ipn.transId);
      return {
        provider: "momo",
        eventId: `${ipn.orderId}:${transId}:${ipn.resultCode}`,
        type: "ipn",
        target: { kind: "session", reference: referenceOfMomoOrderId(ipn.orderId) },
        outcome: momoOutcome(ipn.resultCode),
        amount: ipn.amount,
        providerRef: transId !== "0" ? transId : null,
        // The create it answers: an older create's IPN is not the session being paid.
        sessionId: ipn.orderId,
        payload: ipn,
      };
    },
  };
}
