// Starts the API marketplaces' sandboxes, one HTTP listener each, in this process. Which
// marketplaces have one, and on which port, comes from their definitions (db/reference/marketplaces/).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { join } from "node:path";
import { envDefaults, MARKETPLACES, SANDBOX_CODES, sandboxAddresses, type MarketplaceEnv, type SandboxCode } from "#db/reference/marketplaces";
import { DEFAULT_OPTIONS, Market, type SandboxDefinition, type SandboxOptions } from "./core";
import { lazada } from "./lazada";
import { shopee } from "./shopee";
import { tiki } from "./tiki";
import { tiktok } from "./tiktok";

export { SANDBOX_CODES, type SandboxCode };

/** One per API marketplace: a new one's sandbox goes here (the type checker asks for it). */
const SANDBOXES: { [C in SandboxCode]: SandboxDefinition<C> } = { shopee, lazada, tiktok, tiki };

export type Sandboxes = {
  markets: Record<SandboxCode, Market>;
  urls: Record<SandboxCode, string>;
  close: () => Promise<void>;
};

/** The marketplace's variables as the app reads them: set in `source`, else the app's defaults. */
function envOf<C extends SandboxCode>(code: C, source: Record<string, string | undefined>): MarketplaceEnv<C> {
  const values: Record<string, string | number> = envDefaults(code, "");
  for (const name of Object.keys(values)) {
    const set = source[name];
    if (set !== undefined) values[name] = typeof values[name] === "number" ? Number(set) : set;
  }
  return values as MarketplaceEnv<C>;
}

function handlerOf<C extends SandboxCode>(code: C, market: Market, source: Record<string, string | undefined>) {
  return SANDBOXES[code].handler(market, envOf(code, source));
}

export async function startSandboxes(opts: {
  /** The first port: each sandbox listens on port + its definition's `sandbox.port`. 0 = any free ports. */
  port: number;
  host?: string;
  options?: Partial<SandboxOptions>;
  /** Keep each sandbox's state in {stateDir}/{code}.json across restarts. */
  stateDir?: string | null;
  /** Where the app's keys are read (the same variables and defaults as the app's); default process.env. */
  env?: Record<string, string | undefined>;
  /** Told of every answer a sandbox sends (not the /__sandbox routes), e.g. to check it against the documents. */
  onAnswer?: (answer: SandboxAnswer) => void;
}): Promise<Sandboxes> {
  const host = opts.host ?? "127.0.0.1";
  const options: SandboxOptions = { ...DEFAULT_OPTIONS, ...opts.options, faults: { ...DEFAULT_OPTIONS.faults, ...(opts.options?.faults ?? {}) } };
  const markets = {} as Record<SandboxCode, Market>;
  const servers: Server[] = [];
  const urls = {} as Record<SandboxCode, string>;
  for (const code of SANDBOX_CODES) {
    const market = (markets[code] = new Market(code, structuredClone(options), opts.stateDir ? join(opts.stateDir, `${code}.json`) : null, SANDBOXES[code].idBase));
    const handler = handlerOf(code, market, opts.env ?? process.env);
    const server = createServer((req, res) => {
      if (opts.onAnswer) tap(code, req, res, opts.onAnswer);
      handler(req, res).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: "sandbox_bug", message: String(error) }));
      });
    });
    server.keepAliveTimeout = 30_000;
    const port = opts.port === 0 ? 0 : opts.port + MARKETPLACES[code].sandbox.port;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => resolve());
    });
    const address = server.address();
    urls[code] = `http://${host}:${typeof address === "object" && address ? address.port : port}`;
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

export type SandboxAnswer = { code: SandboxCode; method: string; path: string; status: number; contentType: string; body: string };

/** Collects what a response writes and reports it when it ends (a call left hanging reports nothing). */
function tap(code: SandboxCode, req: IncomingMessage, res: ServerResponse, onAnswer: (answer: SandboxAnswer) => void) {
  const path = new URL(req.url ?? "/", "http://sandbox").pathname;
  if (path.startsWith("/__sandbox/")) return;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.end = ((...args: unknown[]) => {
    const chunk = args[0];
    const body = typeof chunk === "string" ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk).toString("utf8") : "";
    onAnswer({ code, method: req.method ?? "GET", path, status: res.statusCode, contentType: String(res.getHeader("content-type") ?? ""), body });
    return end(...args);
  }) as ServerResponse["end"];
}

/** The app's environment pointing at these sandboxes. */
export function sandboxEnv(urls: Partial<Record<SandboxCode, string>>): Record<string, string> {
  return Object.assign({}, ...Object.entries(urls).map(([code, url]) => sandboxAddresses(code as SandboxCode, url)));
}
