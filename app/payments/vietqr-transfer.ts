// VietQR bank transfer (channel cashless_direct): the shopper scans a QR for the producer's
// own account with the order code as the purpose; the receiving bank (or a bank-statement
// aggregator) posts a notification signed with HMAC-SHA256 over the raw body (`X-Signature`,
// hex). It is matched on the order code in the memo and the exact amount elsewhere.
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { PaymentProvider, ProviderEvent, RawRequest } from "./provider";
import { encodeVietQr, toEmvText } from "./vietqr";

export type BankConfig = { webhookSecret: string; expiresAfterMinutes: number };

/** Order codes as the storefront writes them (OC + yyMMdd + 7 digits); banks may upper-case or glue the memo. */
const ORDER_CODE = /OC\d{13,}/i;

export function signBankNotification(rawBody: string, secret: string): string {
  return createHmac("sha256", secret).update(rawBody, "utf8").digest("hex");
}

export const BankNotificationSchema = z.object({
  /** The bank's transaction reference (FT…): one notification per transfer. */
  id: z.string().min(1).max(64),
  bin: z.string().regex(/^\d{6}$/),
  accountNumber: z.string().regex(/^[0-9A-Za-z]{1,19}$/),
  amount: z.number().int().positive(),
  description: z.string().max(500),
  transactionTime: z.string().max(40),
});
export type BankNotification = z.infer<typeof BankNotificationSchema>;

/** The QR payload for one order: the producer's account, the exact amount, the order code. */
export function orderQrPayload(order: { code: string; total: number; bin: string; accountNumber: string }): string {
  return encodeVietQr({
    bin: order.bin,
    accountNumber: order.accountNumber,
    amount: order.total,
    purpose: toEmvText(order.code),
  });
}

export function vietqrProvider(config: BankConfig): PaymentProvider {
  return {
    method: "vietqr",
    provider: "napas",
    expiresAfterMinutes: config.expiresAfterMinutes,
    minAmount: 1,
    maxAmount: 9_999_999_999_999,
    start: null,
    readEvent(request: RawRequest): ProviderEvent | null {
      const given = (request.headers.get("X-Signature") ?? "").toLowerCase();
      const expected = signBankNotification(request.body, config.webhookSecret);
      if (given.length !== expected.length || !timingSafeEqual(Buffer.from(given), Buffer.from(expected))) return null;
      let json: unknown;
      try {
        json = JSON.parse(request.body);
      } catch {
        return null;
      }
      const parsed = BankNotificationSchema.safeParse(json);
      if (!parsed.success) return null;
      const n = parsed.data;
      const code = ORDER_CODE.exec(n.description.replace(/\s+/g, ""))?.[0]?.toUpperCase();
      return {
        provider: "napas",
        eventId: n.id,
        type: "transfer.received",
        target: code ? { kind: "order", code } : { kind: "none" },
        outcome: "paid",
        amount: n.amount,
        providerRef: n.id,
        payee: { bin: n.bin, accountNumber: n.accountNumber },
        payload: n,
      };
    },
  };
}
