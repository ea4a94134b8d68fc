// VietQR bank transfer (channel cashless_direct): the shopper scans a QR for the producer's
// own account with the order code as the purpose; the receiving bank (or a bank-statement
// aggregator) posts a notification signed with HMAC-SHA256 over the raw body (`X-Signature`,
// hex). It is matched on the order code in the memo and the exact amount elsewhere.
import { createHmac } from "node:crypto";
import { z } from "zod";
import type { PaymentProvider, ProviderEvent, RawRequest } from "./provider";
import { sameSignature } from "./signature";
import { encodeVietQr, toEmvText } from "./vietqr";

export type BankConfig = { webhookSecret: string; expiresAfterMinutes: number };

/**
 * The order code in a transfer memo. Storefront codes are OC + yyMMdd + the id on at least 7
 * digits. Banks upper-case the memo, add their own words and often the payer's phone number
 * after it ("OC2611220000123 0912345678 CHUYEN TIEN"), and some split it ("OC 2611220000123").
 * A code is "OC", optional spaces, 13 to 20 digits, not followed by another digit. When the memo
 * holds no such code, a code glued to nothing else after removing spaces inside it is accepted only
 * if exactly 13 digits remain ("OC 261122 0000123"). Two different codes, or a code run together
 * with other digits, leave the transfer unmatched: a person decides.
 */
export function orderCodeInMemo(memo: string): string | null {
  const codes = new Set([...memo.matchAll(/OC\s*(\d{13,20})(?!\d)/gi)].map((m) => `OC${m[1]}`));
  if (codes.size === 1) return [...codes][0]!;
  if (codes.size > 1) return null;
  const glued = [...memo.replace(/\s+/g, "").matchAll(/OC(\d+)/gi)].map((m) => m[1]!);
  return glued.length === 1 && glued[0]!.length === 13 ? `OC${glued[0]}` : null;
}

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
      if (!sameSignature(request.headers.get("X-Signature") ?? "", signBankNotification(request.body, config.webhookSecret))) return null;
      let json: unknown;
      try {
        json = JSON.parse(request.body);
      } catch {
        return null;
      }
      const parsed = BankNotificationSchema.safeParse(json);
      if (!parsed.success) return null;
      const n = parsed.data;
      const code = orderCodeInMemo(n.description);
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
