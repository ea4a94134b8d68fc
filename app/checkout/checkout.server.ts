// Placing a checkout: one synchronous, immediate transaction reserves the stock (a guarded
// decrement that cannot go below zero), writes one order per producer with its items and a
// pending payment, opens a payment session for redirect methods, empties the cart and queues
// the e-mail. Any refusal rolls everything back: no order, no stock moved.
import { eq } from "drizzle-orm";
import { db, type Tx } from "~/db.server";
import { paymentMethods, producers, users } from "#db/schema";
import { queueEmail } from "~/notifications/outbox.server";
import { checkoutPlacedEmail } from "~/orders/emails";
import { createOrder } from "~/orders/state.server";
import { reserveStock } from "~/orders/stock.server";
import { stockOf } from "~/seller/seller-products.server";
import type { StorefrontMethod } from "~/payments/provider";
import { insertPayment } from "~/payments/record.server";
import { openPaymentSession } from "~/payments/sessions.server";
import { providerFor } from "~/payments/registry.server";
import { rememberAddress } from "./address-book.server";
import { cartLines, emptyCart, findCartOfUser } from "./cart.server";
import { planCheckout, type Plan } from "./checkout-plan";
import { shippingRates } from "./shipping.server";

export type CheckoutInput = {
  userId: number;
  buyerName: string;
  buyerPhone: string;
  buyerEmail: string;
  shipProvinceId: number;
  shipCommune: string;
  shipStreet: string;
  note: string;
  method: StorefrontMethod;
};

export type CheckoutProblem =
  | { kind: "empty_cart" }
  | { kind: "unavailable"; name: string }
  | { kind: "out_of_stock"; name: string; available: number }
  | { kind: "no_bank_account"; producer: string }
  | { kind: "amount_range"; method: StorefrontMethod; amount: number; min: number; max: number }
  | { kind: "zero_amount" };

export type PlacedCheckout = { checkoutCode: string; orderCodes: string[]; total: number; redirect: boolean };

class Refused extends Error {
  constructor(readonly problem: CheckoutProblem) {
    super(problem.kind);
  }
}

/** The cart as orders, for the checkout page (shipping null until a province is chosen). */
export function checkoutPreview(userId: number, shipProvinceId: number | null) {
  const cartId = findCartOfUser(userId);
  const lines = cartId === null ? [] : cartLines(cartId);
  const rates = Object.fromEntries(shippingRates([...new Set(lines.map((l) => l.producerId))]));
  return { lines, rates, plan: planCheckout(lines, rates, shipProvinceId) };
}

/** The phone number on the buyer's account, to fill the form. */
export function buyerPhone(userId: number): string {
  return db().select({ phone: users.phone }).from(users).where(eq(users.id, userId)).get()?.phone ?? "";
}

function checkMethod(tx: Tx, plan: Plan, method: StorefrontMethod): void {
  const provider = providerFor(method);
  for (const part of plan.parts) if (part.total! <= 0) throw new Refused({ kind: "zero_amount" });
  // A redirect provider takes the whole checkout in one payment; the others, one per order.
  const amounts = provider.start ? [plan.total!] : plan.parts.map((p) => p.total!);
  for (const amount of amounts) {
    if (amount < provider.minAmount || amount > provider.maxAmount) {
      throw new Refused({ kind: "amount_range", method, amount, min: provider.minAmount, max: provider.maxAmount });
    }
  }
  if (method === "vietqr") {
    for (const part of plan.parts) {
      const bank = tx
        .select({ name: producers.name, bankBin: producers.bankBin, bankAccountNumber: producers.bankAccountNumber })
        .from(producers)
        .where(eq(producers.id, part.producerId))
        .get()!;
      if (!bank.bankBin || !bank.bankAccountNumber) throw new Refused({ kind: "no_bank_account", producer: bank.name });
    }
  }
}

export function placeCheckout(input: CheckoutInput, now = new Date()): { ok: true; placed: PlacedCheckout } | { ok: false; problem: CheckoutProblem } {
  const provider = providerFor(input.method);
  try {
    const placed = db().transaction(
      (tx): PlacedCheckout => {
        const cartId = findCartOfUser(input.userId);
        const lines = cartId === null ? [] : cartLines(cartId);
        if (lines.length === 0) throw new Refused({ kind: "empty_cart" });
        const gone = lines.find((l) => !l.available);
        if (gone) throw new Refused({ kind: "unavailable", name: gone.name });
        const rates = Object.fromEntries(shippingRates([...new Set(lines.map((l) => l.producerId))]));
        const plan = planCheckout(lines, rates, input.shipProvinceId);
        checkMethod(tx, plan, input.method);

        // Reserve: the decrement only happens while enough is on the shelf.
        for (const line of lines) {
          if (!reserveStock(tx, line.productId, line.quantity, now)) {
            throw new Refused({ kind: "out_of_stock", name: line.name, available: stockOf(tx, line.productId) });
          }
        }

        const awaitingPayment = input.method !== "cod";
        let checkoutCode: string | null = null;
        const parts: { code: string; producerName: string; total: number }[] = [];
        for (const part of plan.parts) {
          const order = createOrder(
            tx,
            {
              code: null,
              checkoutCode,
              producerId: part.producerId,
              provinceId: part.sellerProvinceId,
              channel: "storefront",
              buyerUserId: input.userId,
              buyerName: input.buyerName,
              buyerPhone: input.buyerPhone,
              buyerEmail: input.buyerEmail,
              shipProvinceId: input.shipProvinceId,
              shipCommune: input.shipCommune,
              shipStreet: input.shipStreet,
              note: input.note,
              subtotal: part.subtotal,
              shippingFee: part.shippingFee!,
              total: part.total!,
              status: awaitingPayment ? "pending_payment" : "placed",
            },
            part.lines.map((l) => ({ productId: l.productId, productName: l.name, unitPrice: l.price, quantity: l.quantity })),
            { actorUserId: input.userId, now },
          );
          checkoutCode = order.checkoutCode;
          insertPayment(tx, { orderId: order.id, method: input.method, provider: provider.provider, amount: part.total!, now });
          parts.push({ code: order.code, producerName: part.producerName, total: part.total! });
        }
        if (provider.start) {
          openPaymentSession(tx, {
            checkoutCode: checkoutCode!,
            method: input.method,
            provider: provider.provider,
            amount: plan.total!,
            expiresAt: new Date(now.getTime() + provider.expiresAfterMinutes! * 60_000),
            now,
          });
        }
        emptyCart(tx, cartId!);
        rememberAddress(
          tx,
          input.userId,
          { name: input.buyerName, phone: input.buyerPhone, provinceId: input.shipProvinceId, commune: input.shipCommune, street: input.shipStreet },
          now,
        );
        const methodName = tx.select({ name: paymentMethods.name }).from(paymentMethods).where(eq(paymentMethods.code, input.method)).get()!.name;
        const email = checkoutPlacedEmail({ name: input.buyerName, email: input.buyerEmail }, checkoutCode!, parts, methodName, awaitingPayment);
        if (email) queueEmail(tx, email);
        return { checkoutCode: checkoutCode!, orderCodes: parts.map((p) => p.code), total: plan.total!, redirect: provider.start !== null };
      },
      { behavior: "immediate" },
    );
    return { ok: true, placed };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, problem: error.problem };
    throw error;
  }
}
