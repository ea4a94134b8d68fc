// Refusals from the cart and the checkout, as messages the page translates.
import { formatVnd } from "~/i18n/format";
import type { MessageKey } from "~/i18n/messages";
import type { CartProblem } from "./cart.server";
import type { CheckoutProblem } from "./checkout.server";

export type Problem = { key: MessageKey; params?: Record<string, string | number> };

export function cartProblem(p: CartProblem): Problem {
  if (p.kind === "unknown_product") return { key: "cart.unknownProduct" };
  return p.available <= 0 ? { key: "cart.outOfStock", params: { name: p.name } } : { key: "cart.onlyLeft", params: { name: p.name, count: p.available } };
}

export function checkoutProblem(p: CheckoutProblem): Problem {
  switch (p.kind) {
    case "empty_cart":
      return { key: "checkout.emptyCart" };
    case "unavailable":
      return { key: "checkout.unavailable", params: { name: p.name } };
    case "out_of_stock":
      return cartProblem(p);
    case "no_bank_account":
      return { key: "checkout.noBank", params: { producer: p.producer } };
    case "amount_range":
      if (p.method === "stripe" && p.amount < p.min) return { key: "checkout.stripeMinimum", params: { min: formatVnd(p.min) } };
      return { key: "checkout.amountRange", params: { min: formatVnd(p.min), max: formatVnd(p.max) } };
    case "zero_amount":
      return { key: "checkout.zeroAmount" };
  }
}
