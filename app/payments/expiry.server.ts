// The unpaid-order expiry job: a payment still waiting after its method's deadline (the
// session's, or placed_at + the method's window) is expired, which cancels its order and puts
// the reserved stock back. Run by a timer in the web process (scripts/serve.ts), never by a
// page visit. Flagged payments (a partial transfer) wait for a person instead.
import { db, statement } from "~/db.server";
import type { StorefrontMethod } from "./provider";
import { movePayment } from "./record.server";
import { paymentProviders } from "./registry.server";

type Waiting = { id: number; method: string; createdAt: string; sessionExpiresAt: string | null };

export function expireUnpaidPayments(now = new Date()): { expired: number } {
  const providers = paymentProviders();
  const waiting = statement<unknown[], Waiting>(
    `SELECT pm.id, pm.method, pm.created_at AS createdAt, s.expires_at AS sessionExpiresAt
     FROM payments pm
     JOIN orders o ON o.id = pm.order_id
     LEFT JOIN payment_sessions s ON s.checkout_code = o.checkout_code AND s.method = pm.method
     WHERE pm.status IN ('pending', 'authorized') AND pm.method <> 'cod' AND o.status = 'pending_payment'`,
  ).all();
  const due = waiting.filter((p) => {
    const minutes = providers[p.method as StorefrontMethod]?.expiresAfterMinutes ?? null;
    if (minutes === null) return false;
    const deadline = p.sessionExpiresAt ?? new Date(new Date(p.createdAt).getTime() + minutes * 60_000).toISOString();
    return deadline <= now.toISOString();
  });
  let expired = 0;
  // One short transaction per payment: the web process keeps answering in between.
  for (const p of due) {
    const moved = db().transaction((tx) => movePayment(tx, p.id, "expired", { cause: "expiry", now }), { behavior: "immediate" });
    if (moved) expired++;
  }
  return { expired };
}
