// MoMo wallet, payment gateway v2 (`/v2/gateway/api/create`, requestType=captureWallet):
// create a payment with an HMAC-SHA256 signature, send the shopper to its payUrl, and take
// the IPN (HTTP 204 reply). Amounts 1.000-50.000.000 ₫.
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { PaymentProvider, ProviderEvent, RawRequest } from "./provider";

export type MomoConfig = { apiUrl: string; partnerCode: string; accessKey: string; secretKey: string; ipnUrl: string };

const CREATE_FIELDS = ["accessKey", "amount", "extraData", "ipnUrl", "orderId", "orderInfo", "partnerCode", "redirectUrl", "requestId", "requestType"] as const;
const IPN_FIELDS = ["accessKey", "amount", "extraData", "message", "orderId", "orderInfo", "orderType", "partnerCode", "payType", "requestId", "responseTime", "resultCode", "transId"] as const;

/** HMAC-SHA256 (hex) over "k=v&k=v" of the named fields, in the documented order. */
export function signMomo(fields: readonly string[], values: Record<string, string | number>, secretKey: string): string {
  const raw = fields.map((k) => `${k}=${values[k] ?? ""}`).join("&");
  return createHmac("sha256", secretKey).update(raw, "utf8").digest("hex");
}

export const signMomoCreate = (values: Record<string, string | number>, secretKey: string) => signMomo(CREATE_FIELDS, values, secretKey);
export const signMomoIpn = (values: Record<string, string | number>, secretKey: string) => signMomo(IPN_FIELDS, values, secretKey);

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a.toLowerCase()), Buffer.from(b.toLowerCase()));
}

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
      const values = {
        partnerCode: config.partnerCode,
        accessKey: config.accessKey,
        requestId: `${checkout.reference}-${checkout.attempt}`,
        amount: checkout.amount,
        orderId: checkout.reference,
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
      return { payUrl: reply.data.payUrl, providerSessionId: values.requestId };
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
      if (ipn.partnerCode !== config.partnerCode || !sameHex(ipn.signature, signMomoIpn(values, config.secretKey))) return null;
      const transId = String(ipn.transId);
      return {
        provider: "momo",
        eventId: `${ipn.orderId}:${transId}:${ipn.resultCode}`,
        type: "ipn",
        target: { kind: "session", reference: ipn.orderId },
        // 0 paid; 9000 authorised, waiting for capture; 1006 the shopper refused; 1005 link expired.
        outcome: ipn.resultCode === 0 ? "paid" : ipn.resultCode === 9000 ? "pending" : ipn.resultCode === 1006 ? "cancelled" : ipn.resultCode === 1005 ? "expired" : "failed",
        amount: ipn.amount,
        providerRef: transId !== "0" ? transId : null,
        payload: ipn,
      };
    },
  };
}
