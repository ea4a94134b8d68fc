// Cash on delivery (channel cash): nothing to start, nothing to hear from. The producer marks
// the order delivered and paid when the courier hands over the cash (app/checkout/order-actions.server.ts).
import type { PaymentProvider } from "./provider";

export const codProvider: PaymentProvider = {
  method: "cod",
  provider: "cod",
  expiresAfterMinutes: null,
  minAmount: 1,
  maxAmount: 20_000_000,
  start: null,
  readEvent: null,
};
