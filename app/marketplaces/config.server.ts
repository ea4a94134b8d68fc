// The connector's settings: the sync worker's timings, the credentials key, and each API
// marketplace's addresses and app keys, named and defaulted by its definition
// (db/reference/marketplaces/). Validated with zod like the rest of the configuration
// (parseSettings in app/env.server.ts); the web server and the worker read them at start.
// Every default works on a fresh machine: a marketplace's addresses default to its local sandbox
// (`npm run demo` starts them from MARKETPLACE_SANDBOX_PORT, scripts/marketplace-sandbox.ts), its
// keys to the sandbox's keys. A real deployment sets each marketplace's URLs and keys, and the
// credentials key: in production the start is refused without them (connectorSecretsMissing).
import { z } from "zod";
import { parseSettings, sandboxDefaultsInProduction } from "~/env.server";
import { envDefaults, MARKETPLACES, sandboxUrl, SANDBOX_CODES, type MarketplaceEnv, type SandboxCode } from "#db/reference/marketplaces";
import { DEFAULT_SANDBOX_PORT, type EnvSetting, type MarketplaceDefinition } from "#db/reference/marketplaces/definition";

const ms = (fallback: number) => z.coerce.number().int().min(0).default(fallback);

const CONNECTOR_SETTINGS = {
  /**
   * 32 bytes, base64 or hex: encrypts the marketplace tokens at rest (AES-256-GCM). Unset:
   * a key is generated once into `credentials.key` beside the database (0600) and reused.
   */
  CREDENTIALS_KEY: z.string().optional(),
  /** The first marketplace sandbox's port: each marketplace's default addresses point at its sandbox from here. */
  MARKETPLACE_SANDBOX_PORT: z.coerce.number().int().min(1).max(65535).default(DEFAULT_SANDBOX_PORT),

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

/** A marketplace's variable as zod reads it; an address is optional here and defaults to its sandbox once the port is known. */
function schemaOf(setting: EnvSetting) {
  if (typeof setting === "number") return z.coerce.number().int().positive().default(setting);
  if (typeof setting === "string") return z.string().min(1).default(setting);
  return z.url().optional();
}

const definitions: MarketplaceDefinition[] = Object.values(MARKETPLACES);
const MARKETPLACE_SETTINGS = Object.fromEntries(definitions.flatMap((d) => Object.entries(d.env ?? {}).map(([name, s]) => [name, schemaOf(s)])));

type ByMarketplace = { [C in SandboxCode]: MarketplaceEnv<C> };
/** The connector's own settings, and each API marketplace's variables under its code. */
export type ConnectorEnv = z.infer<z.ZodObject<typeof CONNECTOR_SETTINGS>> & { marketplaces: ByMarketplace };

export function parseConnectorEnv(source: Record<string, string | undefined>): ConnectorEnv {
  // Everything at once first, so one error lists every problem; then the connector's own, typed.
  const all: Record<string, unknown> = parseSettings({ ...CONNECTOR_SETTINGS, ...MARKETPLACE_SETTINGS }, source);
  const connector = parseSettings(CONNECTOR_SETTINGS, source);
  const marketplaces = Object.fromEntries(
    SANDBOX_CODES.map((code) => {
      const defaults: Record<string, unknown> = envDefaults(code, sandboxUrl(code, connector.MARKETPLACE_SANDBOX_PORT));
      return [code, Object.fromEntries(Object.keys(defaults).map((name) => [name, all[name] ?? defaults[name]]))];
    }),
  ) as ByMarketplace;
  return { ...connector, marketplaces };
}

/** Every API marketplace's addresses and keys, and the credentials key: what production sets itself. */
export const CONNECTOR_SECRETS = ["CREDENTIALS_KEY", ...Object.keys(MARKETPLACE_SETTINGS)];

/** The connector's settings that a production start lacks (unset, or the sandbox's own value). */
export function connectorSecretsMissing(source: Record<string, string | undefined>): string[] {
  const sandboxValues = Object.assign({}, ...SANDBOX_CODES.map((code) => envDefaults(code, sandboxUrl(code, DEFAULT_SANDBOX_PORT)))) as Record<string, unknown>;
  return sandboxDefaultsInProduction(source, CONNECTOR_SECRETS, sandboxValues);
}

let cached: ConnectorEnv | undefined;
export function connectorEnv(): ConnectorEnv {
  cached ??= parseConnectorEnv(process.env);
  return cached;
}

/** One API marketplace's variables, for its adapter. */
export function marketplaceEnv<C extends SandboxCode>(code: C): MarketplaceEnv<C> {
  const byMarketplace: ByMarketplace = connectorEnv().marketplaces;
  return byMarketplace[code] as MarketplaceEnv<C>;
}
