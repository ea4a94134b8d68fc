// VietQR bank transfer (channel cashless_direct): the shopper scans a QR for the producer's own
// account with the order's payment code as the purpose (app/payments/payment-code.ts). The money
// never passes through us, so there is nothing to start and nothing to refund through an API; the
// transfer is confirmed by the producer's bank-notification link (SePay: bank-links.server.ts,
// bank-webhook.server.ts, reconcile.server.ts) or, without one, by the producer by hand.
import { paymentCodeFor } from "./payment-code";
import type { PaymentProvider } from "./provider";
import { encodeVietQr, toEmvText } from "./vietqr";

export type BankConfig = { expiresAfterMinutes: number };

/** The QR payload for one order: the producer's account, the exact amount, the order's payment code. */
export function orderQrPayload(order: { id: number; total: number; bin: string; accountNumber: string }): string {
  return encodeVietQr({
    bin: order.bin,
    accountNumber: order.accountNumber,
    amount: order.total,
    purpose: toEmvText(paymentCodeFor(order.id)),
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
    // Notifications come per producer, through its own link: POST /api/ngan-hang/sepay/<link id>.
    readEvent: null,
  };
}
