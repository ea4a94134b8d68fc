// Sending the shopper to the provider for a checkout that was just placed (or again, from the
// order page, when the provider could not be reached). The network call happens outside any
// transaction; only its answer (the pay URL, or the error) is written.
import { eq } from "drizzle-orm";
import { db, statement, type Tx } from "~/db.server";
import { env } from "~/env.server";
import { paymentSessions } from "#db/schema";
import type { StorefrontMethod } from "./provider";
import { providerFor } from "./registry.server";
import { toEmvText } from "./vietqr";

type SessionRow = {
  id: number;
  reference: string;
  checkoutCode: string;
  method: StorefrontMethod;
  amount: number;
  payUrl: string | null;
  expiresAt: string;
  createdAt: string;
  attempts: number;
  open: number;
};

/** The checkout's session if it belongs to this buyer; `open` counts its payments still waiting. */
function sessionOf(checkoutCode: string, buyerUserId: number): SessionRow | null {
  return (
    (statement<unknown[], SessionRow>(
      `SELECT s.id, s.reference, s.checkout_code AS checkoutCode, s.method, s.amount, s.pay_url AS payUrl,
         s.expires_at AS expiresAt, s.created_at AS createdAt, s.attempts,
         (SELECT count(*) FROM payments pm JOIN orders o ON o.id = pm.order_id
          WHERE o.checkout_code = s.checkout_code AND pm.status IN ('pending', 'authorized')) AS open
       FROM payment_sessions s
       WHERE s.checkout_code = ? AND EXISTS (SELECT 1 FROM orders o WHERE o.checkout_code = s.checkout_code AND o.buyer_user_id = ?)`,
    ).get(checkoutCode, buyerUserId)) ?? null
  );
}

/**
 * Opens the payment session of a checkout just placed (inside the checkout's transaction): what
 * the shopper pays, by which method, until when. The provider is called later, by startPayment.
 */
export function openPaymentSession(
  tx: Tx,
  v: { checkoutCode: string; method: StorefrontMethod; provider: string; amount: number; expiresAt: Date; now: Date },
): void {
  tx.insert(paymentSessions)
    .values({
      reference: v.checkoutCode,
      checkoutCode: v.checkoutCode,
      method: v.method,
      provider: v.provider,
      amount: v.amount,
      expiresAt: v.expiresAt.toISOString(),
      createdAt: v.now.toISOString(),
      updatedAt: v.now.toISOString(),
    })
    .run();
}

/** How long after the provider's own deadline we wait for a late webhook. */
const GRACE_MS = 5 * 60_000;

export type StartResult = { kind: "redirect"; url: string } | { kind: "closed" } | { kind: "failed" };

/**
 * The URL where the buyer pays this checkout: the one the provider gave before, or a new one
 * (the Idempotency-Key / reference make a second create return the same session).
 */
export async function startPayment(
  checkoutCode: string,
  buyer: { userId: number; email: string },
  context: { locale: "vi" | "en"; clientIp: string },
  now = new Date(),
): Promise<StartResult> {
  const session = sessionOf(checkoutCode, buyer.userId);
  if (!session || session.open === 0 || session.expiresAt <= now.toISOString()) return { kind: "closed" };
  if (session.payUrl) return { kind: "redirect", url: session.payUrl };
  const provider = providerFor(session.method);
  if (!provider.start || provider.expiresAfterMinutes === null) return { kind: "closed" };

  const items = statement<unknown[], { name: string; unitPrice: number; quantity: number }>(
    `SELECT i.product_name AS name, i.unit_price AS unitPrice, i.quantity
     FROM order_items i JOIN orders o ON o.id = i.order_id WHERE o.checkout_code = ? ORDER BY o.id, i.id`,
  ).all(checkoutCode);
  const shipping = (statement<unknown[], { fee: number }>(`SELECT coalesce(sum(shipping_fee), 0) AS fee FROM orders WHERE checkout_code = ?`).get(checkoutCode)!).fee;
  const lines = shipping > 0 ? [...items, { name: "Phí vận chuyển", unitPrice: shipping, quantity: 1 }] : items;
  // The provider's own deadline is the grace period earlier than ours.
  const providerDeadline = new Date(new Date(session.expiresAt).getTime() - GRACE_MS);
  const attempt = session.attempts + 1;
  db().update(paymentSessions).set({ attempts: attempt }).where(eq(paymentSessions.id, session.id)).run();

  try {
    const started = await provider.start({
      reference: session.reference,
      attempt,
      checkoutCode,
      amount: session.amount,
      description: toEmvText(`Thanh toan don hang ${checkoutCode}`),
      lines,
      buyerEmail: buyer.email,
      locale: context.locale,
      clientIp: context.clientIp,
      returnUrl: `${env().PUBLIC_URL}/don-hang/${checkoutCode}`,
      expiresAt: providerDeadline,
    });
    // A provider that keeps its session open longer than asked (Stripe's 30-minute floor on a
    // late "try again") moves our deadline too, so the stock is not released while it can still be paid.
    const providerUntil = started.expiresAt ? new Date(started.expiresAt.getTime() + GRACE_MS).toISOString() : null;
    db()
      .update(paymentSessions)
      .set({
        payUrl: started.payUrl,
        providerSessionId: started.providerSessionId,
        lastError: null,
        updatedAt: new Date().toISOString(),
        ...(providerUntil && providerUntil > session.expiresAt ? { expiresAt: providerUntil } : {}),
      })
      .where(eq(paymentSessions.id, session.id))
      .run();
    return { kind: "redirect", url: started.payUrl };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    db()
      .update(paymentSessions)
      .set({ lastError: message.slice(0, 500), updatedAt: new Date().toISOString() })
      .where(eq(paymentSessions.id, session.id))
      .run();
    return { kind: "failed" };
  }
}
