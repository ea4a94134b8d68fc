// The one small interface every payment method implements (after Medusa's payment providers
// and Vendure's payment handlers): start paying a checkout, and read what the provider tells
// us back, translated into the app's own small vocabulary. One file per provider.

export const STOREFRONT_METHODS = ["stripe", "vnpay", "momo", "vietqr", "cod"] as const;
export type StorefrontMethod = (typeof STOREFRONT_METHODS)[number];

/** What an event means for the payments it is about. */
export type PaymentOutcome = "paid" | "pending" | "failed" | "expired" | "cancelled" | "ignored";

/** A provider's webhook/IPN after its signature checked out. */
export type ProviderEvent = {
  provider: string;
  /** The provider's id for this event: a replay has the same one. */
  eventId: string;
  /** The provider's own name for it ("checkout.session.completed", "ipn", "transfer.received"). */
  type: string;
  /** Which of our payments it is about: a checkout's session, or one order (a bank transfer). */
  target: { kind: "session"; reference: string } | { kind: "order"; code: string } | { kind: "none" };
  outcome: PaymentOutcome;
  /** Whole đồng, as the provider states it; null when the event carries none. */
  amount: number | null;
  /** The provider's transaction id (Stripe payment intent, VNPay TransactionNo, MoMo transId, bank FT…). */
  providerRef: string | null;
  /** The provider's session the event is about (Stripe cs_…), when it says: a stale session's events are not ours. */
  sessionId?: string;
  /** A refund's news (Stripe `refund.updated`): a refund we asked for that was pending may now be done. */
  refund?: { id: string; status: string | null };
  /** For a bank transfer: the account that received it (must be the order's producer's). */
  payee?: { bin: string; accountNumber: string };
  payload: unknown;
};

/** The raw request, as received: signatures are over exact bytes. */
export type RawRequest = { body: string; headers: Headers; query: URLSearchParams };

export type CheckoutToPay = {
  /** Our reference for the checkout's payment (sent as vnp_TxnRef, MoMo orderId, Stripe client_reference_id). */
  reference: string;
  /** 1 for the first create, 2 after one that failed…: part of the Idempotency-Key. */
  attempt: number;
  checkoutCode: string;
  amount: number;
  /** Unaccented ASCII description ("Thanh toan don CK…"). */
  description: string;
  lines: { name: string; unitPrice: number; quantity: number }[];
  buyerEmail: string;
  locale: "vi" | "en";
  /** The shopper's IP address (VNPay wants it). */
  clientIp: string;
  /** Where the provider sends the shopper back (the order page). */
  returnUrl: string;
  /** The deadline we would like the provider to keep; a provider with bounds of its own may move it. */
  expiresAt: Date;
};

export type StartedPayment = {
  payUrl: string;
  providerSessionId: string | null;
  /** When the provider's session stops taking payment, if it differs from what was asked (Stripe's 30-minute floor). */
  expiresAt?: Date;
};

/** Giving money back through the provider: all or part of one order's payment. */
export type RefundToSend = {
  /** Our reference for the checkout's provider transaction (vnp_TxnRef, the MoMo/Stripe session's). */
  reference: string;
  /** The provider's id of the transaction paid (Stripe pi_…, VNPay TransactionNo, MoMo transId). */
  providerRef: string;
  orderCode: string;
  amount: number;
  /** The whole provider transaction (the checkout's total) and what all its refunds took back so far. */
  transactionAmount: number;
  refundedFromTransaction: number;
  /** This payment's refunds so far: part of the idempotency key, so a retry repeats the same request. */
  refundedFromPayment: number;
  /** When the transaction was created on our side (VNPay's vnp_TransactionDate: the pay request's vnp_CreateDate). */
  transactionCreatedAt: Date | null;
  /** Who asks (VNPay's vnp_CreateBy) and from where. */
  actor: string;
  clientIp: string;
};

export type RefundResult =
  /** The provider has refunded (or, for VNPay and MoMo, accepted the refund for the bank). */
  | { kind: "succeeded"; refundId: string }
  /** Stripe accepted it but the money has not moved yet: not shown as refunded. */
  | { kind: "pending"; refundId: string }
  /** The provider said no, or could not be reached: nothing is recorded as refunded. */
  | { kind: "refused"; message: string };

export type PaymentProvider = {
  method: StorefrontMethod;
  /** The name payments and payment events record ("stripe", "vnpay", "momo", "napas", "cod"). */
  provider: string;
  /**
   * How long an unpaid order may wait before the expiry job cancels it and releases its stock
   * (the provider's own deadline plus a grace period for a late webhook); null: no deadline (COD).
   */
  expiresAfterMinutes: number | null;
  /** Whole-đồng limits the provider accepts for one payment. */
  minAmount: number;
  maxAmount: number;
  /** Sends the shopper to the provider; null for methods paid on the order page or on delivery. */
  start: ((checkout: CheckoutToPay) => Promise<StartedPayment>) | null;
  /** Refunds through the provider's API; null when a person gives the money back (VietQR, COD). */
  refund?: ((refund: RefundToSend) => Promise<RefundResult>) | null;
  /** Checks the signature on the raw request, then translates it; null when the signature fails. */
  readEvent: ((request: RawRequest) => ProviderEvent | null) | null;
};
