// Payments of orders sold on a marketplace: the marketplace collects the money (online, or its
// courier's cash on delivery), and each import tells us where it stands. They enter and move
// like every payment (record.server.ts: PAYMENT_NEXT, payment_events), and what the
// marketplace said is kept as its own event, as a webhook's delivery would be.
import { desc, eq } from "drizzle-orm";
import type { Tx } from "~/db.server";
import { payments, type PaymentStatus } from "#db/schema";
import { canMovePayment, insertPayment, movePayment, recordProviderEvent } from "./record.server";

export type MarketplaceReport = {
  /** The marketplace's code: the payment's provider and the events' source. */
  provider: string;
  /** The marketplace's order id. */
  externalId: string;
  /** What the marketplace said, kept with its event. */
  payload: unknown;
  /** When the import saw it, and when the money moved, as the marketplace dates it. */
  now: Date;
  at: Date;
};

const UNPAID: ReadonlySet<PaymentStatus> = new Set(["pending", "authorized"]);

/**
 * The steps from `current` to what the marketplace reports. A closed order's money goes back
 * if it had arrived ("cancelled" after paid is "refunded"); an order first seen refunded had
 * been paid if it was paid online, and was simply never paid if cash on delivery.
 */
function steps(current: PaymentStatus, wanted: PaymentStatus, cod: boolean): PaymentStatus[] {
  if (wanted === "cancelled" && current === "paid") return ["refunded"];
  if (wanted === "refunded" && UNPAID.has(current)) return cod ? ["cancelled"] : ["paid", "refunded"];
  return [wanted];
}

/** The payment of a marketplace order: created pending, then moved to the status the marketplace reports. */
export function insertMarketplacePayment(
  tx: Tx,
  values: { orderId: number; method: "cod" | "marketplace_online"; amount: number },
  status: PaymentStatus,
  report: MarketplaceReport,
): number {
  const id = insertPayment(tx, { ...values, provider: report.provider, providerRef: report.externalId, now: report.now });
  if (status === "pending") recordReport(tx, id, status, report);
  else follow(tx, { id, status: "pending", method: values.method }, status, report);
  return id;
}

/** A marketplace order's payment follows what the marketplace reports now: forward only (PAYMENT_NEXT). */
export function followMarketplacePayment(tx: Tx, orderId: number, status: PaymentStatus, report: MarketplaceReport): boolean {
  const payment = tx
    .select({ id: payments.id, status: payments.status, method: payments.method })
    .from(payments)
    .where(eq(payments.orderId, orderId))
    .orderBy(desc(payments.id))
    .get();
  return payment ? follow(tx, payment, status, report) : false;
}

function follow(tx: Tx, payment: { id: number; status: PaymentStatus; method: string }, wanted: PaymentStatus, report: MarketplaceReport): boolean {
  let moved = false;
  let current = payment.status;
  for (const to of steps(current, wanted, payment.method === "cod")) {
    if (!canMovePayment(current, to)) break;
    recordReport(tx, payment.id, to, report);
    if (!movePayment(tx, payment.id, to, { cause: `${report.provider}:order_import`, now: report.now, at: report.at })) break;
    current = to;
    moved = true;
  }
  return moved;
}

function recordReport(tx: Tx, paymentId: number, status: PaymentStatus, report: MarketplaceReport): void {
  recordProviderEvent(tx, {
    provider: report.provider,
    eventId: `order:${report.externalId}:${status}`,
    type: "marketplace.order_import",
    paymentId,
    status,
    payload: report.payload,
    at: report.now.toISOString(),
  });
}
