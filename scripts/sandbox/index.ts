// Starts the four API marketplace sandboxes, one HTTP listener each, in this process.
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import type { Env } from "~/env.server";
import { DEFAULT_OPTIONS, Market, type SandboxOptions } from "./core";
import { lazadaSandbox } from "./lazada";
import { shopeeSandbox } from "./shopee";
import { tikiSandbox } from "./tiki";
import { tiktokSandbox } from "./tiktok";

export const SANDBOX_CODES = ["shopee", "lazada", "tiktok", "tiki"] as const;
export type SandboxCode = (typeof SANDBOX_CODES)[number];

export type Sandboxes = {
  markets: Record<SandboxCode, Market>;
  urls: Record<SandboxCode, string>;
  close: () => Promise<void>;
};

/** Item ids start above the ranges the demo seed uses, so they never collide with seeded listings. */
const ID_BASES: Record<SandboxCode, number> = { shopee: 30_000_000_000, lazada: 4_000_000_000, tiktok: 1_730_000_000_000_000, tiki: 500_000_000 };

export async function startSandboxes(opts: {
  /** Port per marketplace; 0 = any free port. */
  ports: Record<SandboxCode, number>;
  host?: string;
  options?: Partial<SandboxOptions>;
  /** Keep each sandbox's state in {stateDir}/{code}.json across restarts. */
  stateDir?: string | null;
  keys: Pick<Env, "SHOPEE_PARTNER_ID" | "SHOPEE_PARTNER_KEY" | "LAZADA_APP_KEY" | "LAZADA_APP_SECRET" | "TIKTOK_APP_KEY" | "TIKTOK_APP_SECRET" | "TIKTOK_SERVICE_ID" | "TIKI_CLIENT_ID" | "TIKI_CLIENT_SECRET">;
}): Promise<Sandboxes> {
  const host = opts.host ?? "127.0.0.1";
  const options: SandboxOptions = { ...DEFAULT_OPTIONS, ...opts.options, faults: { ...DEFAULT_OPTIONS.faults, ...(opts.options?.faults ?? {}) } };
  const market = (code: SandboxCode) => new Market(code, structuredClone(options), opts.stateDir ? join(opts.stateDir, `${code}.json`) : null, ID_BASES[code]);
  const markets = { shopee: market("shopee"), lazada: market("lazada"), tiktok: market("tiktok"), tiki: market("tiki") };
  const k = opts.keys;
  const handlers = {
    shopee: shopeeSandbox(markets.shopee, { partnerId: k.SHOPEE_PARTNER_ID, partnerKey: k.SHOPEE_PARTNER_KEY }),
    lazada: lazadaSandbox(markets.lazada, { appKey: k.LAZADA_APP_KEY, appSecret: k.LAZADA_APP_SECRET }),
    tiktok: tiktokSandbox(markets.tiktok, { appKey: k.TIKTOK_APP_KEY, appSecret: k.TIKTOK_APP_SECRET, serviceId: k.TIKTOK_SERVICE_ID }),
    tiki: tikiSandbox(markets.tiki, { clientId: k.TIKI_CLIENT_ID, clientSecret: k.TIKI_CLIENT_SECRET }),
  };
  const servers: Server[] = [];
  const urls = {} as Record<SandboxCode, string>;
  for (const code of SANDBOX_CODES) {
    const server = createServer((req, res) => {
      handlers[code](req, res).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: "sandbox_bug", message: String(error) }));
      });
    });
    server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(opts.ports[code], host, () => resolve());
    });
    const address = server.address();
    urls[code] = `http://${host}:${typeof address === "object" && address ? address.port : opts.ports[code]}`;
    servers.push(server);
  }
  return {
    markets,
    urls,
    close: async () => {
      for (const m of Object.values(markets)) m.save();
      await Promise.all(servers.map((s) => new Promise((r) => { s.closeAllConnections(); s.close(r); })));
    },
  };
}

/** The app's environment pointing at these sandboxes. */
export function sandboxEnv(urls: Record<SandboxCode, string>): Record<string, string> {
  return {
    SHOPEE_API_URL: urls.shopee,
    LAZADA_API_URL: `${urls.lazada}/rest`,
    LAZADA_AUTH_URL: urls.lazada,
    TIKTOK_API_URL: urls.tiktok,
    TIKTOK_AUTH_URL: urls.tiktok,
    TIKI_API_URL: urls.tiki,
    TIKI_AUTH_URL: urls.tiki,
  };
}
