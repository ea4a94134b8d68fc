// The payment providers, configured from the environment once per process.
import { env } from "~/env.server";
import { codProvider } from "./cod";
import { momoProvider } from "./momo";
import type { PaymentProvider, StorefrontMethod } from "./provider";
import { stripeProvider } from "./stripe.server";
import { vietqrProvider } from "./vietqr-transfer";
import { vnpayProvider } from "./vnpay";

let providers: Record<StorefrontMethod, PaymentProvider> | undefined;

export function paymentProviders(): Record<StorefrontMethod, PaymentProvider> {
  if (!providers) {
    const e = env();
    providers = {
      stripe: stripeProvider({ apiUrl: e.STRIPE_API_URL, secretKey: e.STRIPE_SECRET_KEY, webhookSecret: e.STRIPE_WEBHOOK_SECRET }),
      vnpay: vnpayProvider({ payUrl: e.VNPAY_PAY_URL, apiUrl: e.VNPAY_API_URL, tmnCode: e.VNPAY_TMN_CODE, hashSecret: e.VNPAY_HASH_SECRET }),
      momo: momoProvider({
        apiUrl: e.MOMO_API_URL,
        partnerCode: e.MOMO_PARTNER_CODE,
        accessKey: e.MOMO_ACCESS_KEY,
        secretKey: e.MOMO_SECRET_KEY,
        ipnUrl: `${e.PUBLIC_URL}/api/momo/ipn`,
      }),
      vietqr: vietqrProvider({ expiresAfterMinutes: e.VIETQR_EXPIRY_MINUTES }),
      cod: codProvider,
    };
  }
  return providers;
}

export function providerFor(method: StorefrontMethod): PaymentProvider {
  return paymentProviders()[method];
}
