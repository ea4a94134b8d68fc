// The connector's settings, validated with the rest of the environment (app/env.server.ts).
// Every default works on a fresh machine: the marketplaces' addresses default to the local
// sandboxes `npm run demo` starts (scripts/marketplace-sandbox.ts, ports 4201-4204) and the
// app keys to the sandboxes' keys. A real deployment sets each marketplace's URL and keys.
import { z } from "zod";

const url = (fallback: string) => z.url().default(fallback);
const key = (fallback: string) => z.string().min(1).default(fallback);
const ms = (fallback: number) => z.coerce.number().int().min(0).default(fallback);

export const CONNECTOR_ENV = {
  /**
   * 32 bytes, base64 or hex: encrypts the marketplace tokens at rest (AES-256-GCM). Unset:
   * a key is generated once into `credentials.key` beside the database (0600) and reused.
   */
  CREDENTIALS_KEY: z.string().optional(),

  SHOPEE_API_URL: url("http://127.0.0.1:4201"),
  SHOPEE_PARTNER_ID: z.coerce.number().int().positive().default(2001887),
  SHOPEE_PARTNER_KEY: key("sandbox-shopee-partner-key"),
  LAZADA_API_URL: url("http://127.0.0.1:4202/rest"),
  /** Lazada's authorisation host (auth.lazada.com); token calls go to {LAZADA_AUTH_URL}/rest. */
  LAZADA_AUTH_URL: url("http://127.0.0.1:4202"),
  LAZADA_APP_KEY: key("100001"),
  LAZADA_APP_SECRET: key("sandbox-lazada-app-secret"),
  TIKTOK_API_URL: url("http://127.0.0.1:4203"),
  /** services.tiktokshop.com (the seller's consent page) and auth.tiktok-shops.com (tokens). */
  TIKTOK_AUTH_URL: url("http://127.0.0.1:4203"),
  TIKTOK_APP_KEY: key("sandboxtiktokkey"),
  TIKTOK_APP_SECRET: key("sandbox-tiktok-app-secret"),
  TIKTOK_SERVICE_ID: key("7000000000000000001"),
  TIKI_API_URL: url("http://127.0.0.1:4204"),
  TIKI_AUTH_URL: url("http://127.0.0.1:4204"),
  TIKI_CLIENT_ID: key("sandbox-tiki-client"),
  TIKI_CLIENT_SECRET: key("sandbox-tiki-client-secret"),

  /** How long a claimed job is held before another worker may take it (renewed while it runs). */
  SYNC_LEASE_MS: ms(30_000),
  /** How often an idle worker looks for due jobs. */
  SYNC_POLL_MS: ms(250),
  SYNC_BACKOFF_BASE_MS: ms(2_000),
  SYNC_BACKOFF_CAP_MS: ms(10 * 60_000),
  SYNC_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(10),
  /** A marketplace call that has not answered by then counts as a timeout (retryable). */
  SYNC_HTTP_TIMEOUT_MS: ms(15_000),
  /** A throttle answer without Retry-After pauses that shop's calls this long. */
  SYNC_THROTTLE_PAUSE_MS: ms(1_000),
  /** Tiki reviews products asynchronously: poll the request this often. */
  SYNC_REVIEW_POLL_MS: ms(30_000),
};
