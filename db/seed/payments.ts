// What the payment providers and marketplaces call things: external order ids, provider
// transaction references, webhook event types and payloads, as the seeded orders record them.

import type { Rng } from "./random";

export function externalOrderId(channel: string, label: string, id: number): string {
  switch (channel) {
    case "shopee":
      return `${label}${id.toString(36).toUpperCase().padStart(8, "0")}`;
    case "lazada":
      return String(400_000_000_000_000 + id * 13);
    case "tiktok":
      return String(576_900_000_000_000_000n + BigInt(id) * 17n);
    case "tiki":
      return String(300_000_000 + id);
    default:
      return `${channel === "postmart" ? "PM" : "VS"}${label}${String(id).padStart(7, "0")}`;
  }
}

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
export function providerReference(rng: Rng, method: string, id: number, externalId: string | null, label: string): string {
  switch (method) {
    case "vietqr":
      return `FT${label.slice(0, 2)}${rng.digits(10)}`;
    case "vnpay":
      return String(14_000_000 + id);
    case "momo":
      return String(3_100_000_000 + id * 3);
    case "stripe": {
      let s = "pi_3";
      for (let k = 0; k < 20; k++) s += ALNUM[Math.floor(rng.next() * ALNUM.length)];
      return s;
    }
    default:
      return externalId ?? String(id);
  }
}

export function paidType(provider: string): string {
  return provider === "napas" ? "transfer.received" : provider === "vnpay" || provider === "momo" ? "ipn" : provider === "stripe" ? "checkout.session.completed" : "order.paid";
}

export function failType(provider: string, status: string): string {
  if (provider === "stripe") return status === "expired" ? "checkout.session.expired" : "checkout.session.async_payment_failed";
  if (provider === "napas") return "qr.expired";
  return "ipn";
}

export function paidPayload(provider: string, total: number, ref: string | null): string {
  switch (provider) {
    case "vnpay":
      return `{"vnp_ResponseCode":"00","vnp_Amount":"${total * 100}","vnp_TransactionNo":"${ref}"}`;
    case "momo":
      return `{"resultCode":0,"amount":${total},"transId":${ref}}`;
    case "stripe":
      return `{"amount_total":${total},"currency":"vnd","payment_intent":"${ref}"}`;
    case "napas":
      return `{"amount":${total},"reference":"${ref}"}`;
    default:
      return `{"amount":${total},"order_id":"${ref}"}`;
  }
}
