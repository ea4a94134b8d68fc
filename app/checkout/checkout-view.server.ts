// What the buyer's order page shows for a checkout: its orders, whether a payment is still
// awaited and until when, and for VietQR the QR and the transfer details of each order.
import { env } from "~/env.server";
import { bankName } from "#db/reference/banks";
import { qrDataUrl } from "~/payments/qr-image.server";
import { paymentCodeFor } from "~/payments/payment-code";
import { orderQrPayload } from "~/payments/vietqr-transfer";
import { buyerCheckout } from "~/orders/queries.server";

export type TransferDetails = { payload: string; image: string; bank: string; accountNumber: string; accountName: string; amount: number; purpose: string };

export async function checkoutPage(userId: number, checkoutCode: string) {
  const found = buyerCheckout(userId, checkoutCode);
  if (!found) return null;
  const { orders, session } = found;
  const waiting = orders.some((o) => o.payment && (o.payment.status === "pending" || o.payment.status === "authorized") && o.status === "pending_payment");
  const method = orders[0]!.payment?.method ?? null;
  const placedAt = orders[0]!.placedAt;
  const deadline = !waiting
    ? null
    : (session?.expiresAt ?? (method === "vietqr" ? new Date(new Date(placedAt).getTime() + env().VIETQR_EXPIRY_MINUTES * 60_000).toISOString() : null));

  const transfers: Record<string, TransferDetails> = {};
  for (const o of orders) {
    const open = o.payment?.method === "vietqr" && o.payment.status === "pending" && o.status === "pending_payment";
    if (!open || !o.producer.bankBin || !o.producer.bankAccountNumber) continue;
    const payload = orderQrPayload({ id: o.id, total: o.total, bin: o.producer.bankBin, accountNumber: o.producer.bankAccountNumber });
    transfers[o.code] = {
      payload,
      image: await qrDataUrl(payload),
      bank: bankName(o.producer.bankBin),
      accountNumber: o.producer.bankAccountNumber,
      accountName: o.producer.bankAccountName ?? o.producer.name,
      amount: o.total,
      // What the shopper types if they do not scan: short, with a check digit (payment-code.ts).
      purpose: paymentCodeFor(o.id),
    };
  }
  return { checkoutCode, orders, session, waiting, deadline, method, transfers };
}
