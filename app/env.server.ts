// The app-wide configuration, validated with zod at start. It imports no domain room: a room
// with settings of its own (the marketplaces: app/marketplaces/config.server.ts) brings its schema
// to parseSettings, which validates it the same way.
import { z } from "zod";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  /** A file path for the embedded SQLite database (":memory:" for throwaway runs). */
  DATABASE_URL: z
    .string()
    .min(1)
    .default("db/data/ocop.sqlite")
    .refine((v) => !/^[a-z]+:\/\//i.test(v), "DATABASE_URL is a file path, not a URL"),
  /** Where uploaded and generated images and their variants are written. */
  MEDIA_DIR: z.string().min(1).default("db/data/media"),
  /** Memory for rendered anonymous catalogue pages (app/http/page-cache.server.ts); 0 turns the cache off. */
  PAGE_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(64),
  /** The address shoppers use; cookies are Secure and HSTS is sent when it is https. */
  PUBLIC_URL: z.url().optional(),
  /**
   * "1": this installation is a demo or a test running on the sandboxes' public credentials; every
   * page wears a "sandbox" ribbon. Without it, production refuses to start on any sandbox default
   * (see sandboxDefaultsInProduction).
   */
  SANDBOX_MODE: z.enum(["0", "1", ""]).default("0").transform((v) => v === "1"),

  // Payments. Each outside party has a base URL and credentials; by default all point at the
  // local payment sandbox (scripts/payment-sandbox), whose defaults match these. Production sets
  // every one of them (APP_SECRETS), or says SANDBOX_MODE=1.
  /** The base every provider URL below defaults to. */
  PAYMENT_SANDBOX_URL: z.url().default("http://127.0.0.1:4100"),
  /** Stripe API base (the SDK's host/port/protocol). */
  STRIPE_API_URL: z.url().optional(),
  STRIPE_SECRET_KEY: z.string().min(8).default("sk_test_ocop_sandbox_key"),
  STRIPE_WEBHOOK_SECRET: z.string().min(8).default("whsec_ocop_sandbox_secret"),
  /** VNPay's payment page (…/paymentv2/vpcpay.html). */
  VNPAY_PAY_URL: z.url().optional(),
  /** VNPay's merchant web API for refunds (…/merchant_webapi/api/transaction). */
  VNPAY_API_URL: z.url().optional(),
  VNPAY_TMN_CODE: z.string().min(1).default("OCOPDEMO"),
  VNPAY_HASH_SECRET: z.string().min(8).default("OCOPSANDBOXVNPAYHASHSECRET2026"),
  /** MoMo API base (…/v2/gateway/api/create is appended). */
  MOMO_API_URL: z.url().optional(),
  MOMO_PARTNER_CODE: z.string().min(1).default("MOMOOCOP2026"),
  MOMO_ACCESS_KEY: z.string().min(4).default("ocop-momo-access"),
  MOMO_SECRET_KEY: z.string().min(8).default("ocop-momo-sandbox-secret"),
  /**
   * SePay's API base for the transactions API (reconciliation; …/userapi/transactions/list is
   * appended): https://my.sepay.vn in production. Each producer's webhook secret and API token
   * live with its link (bank_links), not here.
   */
  SEPAY_API_URL: z.url().optional(),
  /** How often the worker reads each linked producer's SePay transactions; 0 turns it off. */
  SEPAY_RECONCILE_MINUTES: z.coerce.number().int().min(0).max(24 * 60).default(15),
  /** How far back each reconciliation pass looks. */
  SEPAY_RECONCILE_HOURS: z.coerce.number().int().min(1).max(30 * 24).default(24),
  /** An unpaid VietQR order is cancelled (stock released) after this many minutes. */
  VIETQR_EXPIRY_MINUTES: z.coerce.number().int().min(1).max(7 * 24 * 60).default(30),
  /** How often the web process runs the unpaid-order expiry job; 0 turns it off. */
  EXPIRY_JOB_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
});

type Parsed = z.infer<typeof EnvSchema>;
export type Env = Omit<Parsed, "STRIPE_API_URL" | "VNPAY_PAY_URL" | "VNPAY_API_URL" | "MOMO_API_URL" | "SEPAY_API_URL"> & {
  PUBLIC_URL: string;
  STRIPE_API_URL: string;
  VNPAY_PAY_URL: string;
  VNPAY_API_URL: string;
  MOMO_API_URL: string;
  SEPAY_API_URL: string;
};

/** Settings read from `source` by a zod shape: defaults applied, every problem listed in one error. */
export function parseSettings<S extends z.ZodRawShape>(shape: S, source: Record<string, string | undefined>): z.infer<z.ZodObject<S>> {
  const parsed = z.object(shape).safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  return parsed.data;
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const env = parseSettings(EnvSchema.shape, source);
  const sandbox = env.PAYMENT_SANDBOX_URL.replace(/\/+$/, "");
  return {
    ...env,
    PUBLIC_URL: env.PUBLIC_URL ?? `http://${env.HOST}:${env.PORT}`,
    STRIPE_API_URL: env.STRIPE_API_URL ?? sandbox,
    VNPAY_PAY_URL: env.VNPAY_PAY_URL ?? `${sandbox}/paymentv2/vpcpay.html`,
    VNPAY_API_URL: env.VNPAY_API_URL ?? `${sandbox}/merchant_webapi/api/transaction`,
    MOMO_API_URL: (env.MOMO_API_URL ?? sandbox).replace(/\/+$/, ""),
    SEPAY_API_URL: (env.SEPAY_API_URL ?? sandbox).replace(/\/+$/, ""),
  };
}

/**
 * What production must set itself: the address shoppers use, and each outside party's address and
 * credentials. Their defaults are the sandboxes' public values, with which anyone can sign a
 * webhook that marks an order paid.
 */
export const APP_SECRETS = [
  "PUBLIC_URL",
  "STRIPE_API_URL",
  "STRIPE_SECRET_KEY",
  "STRIPE_WEBHOOK_SECRET",
  "VNPAY_PAY_URL",
  "VNPAY_TMN_CODE",
  "VNPAY_HASH_SECRET",
  "MOMO_API_URL",
  "MOMO_PARTNER_CODE",
  "MOMO_ACCESS_KEY",
  "MOMO_SECRET_KEY",
  "SEPAY_API_URL",
] as const satisfies readonly (keyof typeof EnvSchema.shape)[];

/**
 * The settings among `names` a production start lacks: unset, empty, or set to the sandbox's own
 * value (`sandboxValues`). Nothing outside production, nor with SANDBOX_MODE=1 (a demo that says so).
 */
export function sandboxDefaultsInProduction(
  source: Record<string, string | undefined>,
  names: readonly string[],
  sandboxValues: Record<string, unknown>,
): string[] {
  if (source.NODE_ENV !== "production" || source.SANDBOX_MODE === "1") return [];
  return names.filter((name) => {
    const value = source[name]?.trim();
    return !value || (sandboxValues[name] !== undefined && value === String(sandboxValues[name]));
  });
}

/** The app's own settings that a production start lacks (the marketplaces add theirs: app/start-check.server.ts). */
export function appSecretsMissing(source: Record<string, string | undefined>): string[] {
  const defaults: Record<string, unknown> = EnvSchema.parse({});
  return sandboxDefaultsInProduction(source, APP_SECRETS, defaults);
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
