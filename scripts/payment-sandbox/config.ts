// The sandbox's own configuration. It stands for the outside world, so it reads its own
// variables and never the app's code; the credentials are the same names with the same
// defaults as the app's (app/env.server.ts), so that both agree without being told.
import { z } from "zod";

const Schema = z.object({
  SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(4100),
  SANDBOX_HOST: z.string().min(1).default("127.0.0.1"),
  SANDBOX_PUBLIC_URL: z.url().optional(),
  SANDBOX_APP_URL: z.url().default("http://127.0.0.1:3000"),
  STRIPE_SECRET_KEY: z.string().min(8).default("sk_test_ocop_sandbox_key"),
  STRIPE_WEBHOOK_SECRET: z.string().min(8).default("whsec_ocop_sandbox_secret"),
  VNPAY_TMN_CODE: z.string().min(1).default("OCOPDEMO"),
  VNPAY_HASH_SECRET: z.string().min(8).default("OCOPSANDBOXVNPAYHASHSECRET2026"),
  MOMO_PARTNER_CODE: z.string().min(1).default("MOMOOCOP2026"),
  MOMO_ACCESS_KEY: z.string().min(4).default("ocop-momo-access"),
  MOMO_SECRET_KEY: z.string().min(8).default("ocop-momo-sandbox-secret"),
});

export type SandboxConfig = {
  port: number;
  host: string;
  /** How the shopper's browser and the app reach the sandbox. */
  publicUrl: string;
  /** Where webhooks go (the merchant's endpoints, as configured in each provider's dashboard). */
  appUrl: string;
  stripe: { secretKey: string; webhookSecret: string };
  vnpay: { tmnCode: string; hashSecret: string };
  momo: { partnerCode: string; accessKey: string; secretKey: string };
};

export function readSandboxConfig(source: Record<string, string | undefined>): SandboxConfig {
  const parsed = Schema.safeParse(source);
  if (!parsed.success) throw new Error(`Invalid sandbox configuration:\n${parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n")}`);
  const e = parsed.data;
  return {
    port: e.SANDBOX_PORT,
    host: e.SANDBOX_HOST,
    publicUrl: (e.SANDBOX_PUBLIC_URL ?? `http://${e.SANDBOX_HOST}:${e.SANDBOX_PORT}`).replace(/\/+$/, ""),
    appUrl: e.SANDBOX_APP_URL.replace(/\/+$/, ""),
    stripe: { secretKey: e.STRIPE_SECRET_KEY, webhookSecret: e.STRIPE_WEBHOOK_SECRET },
    vnpay: { tmnCode: e.VNPAY_TMN_CODE, hashSecret: e.VNPAY_HASH_SECRET },
    momo: { partnerCode: e.MOMO_PARTNER_CODE, accessKey: e.MOMO_ACCESS_KEY, secretKey: e.MOMO_SECRET_KEY },
  };
}
