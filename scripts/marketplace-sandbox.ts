// The marketplace sandboxes as a process: every API marketplace (Shopee, Lazada, TikTok Shop,
// Tiki) on its port from --port (each definition in db/reference/marketplaces/ gives its offset),
// speaking their protocols, checking signatures, keeping state, and misbehaving on request.
//
//   npx tsx scripts/marketplace-sandbox.ts [--port 4201] [--state-dir DIR] [--rate N] [--5xx 0.2]
//     [--throttle 0.1] [--timeout 0.05] [--partial 0.1] [--review-ms 2000] [--hang-ms 30000]
//
// --port defaults to MARKETPLACE_SANDBOX_PORT, the variable the app's default addresses use too.
// Keys come from the same variables as the app (SHOPEE_PARTNER_KEY, …) with the same defaults.
// GET /__sandbox/state on any port shows that marketplace's shops, items and duplicates.
import { mkdirSync } from "node:fs";
import { parseArgs } from "node:util";
import { DEFAULT_SANDBOX_PORT } from "#db/reference/marketplaces/definition";
import { startSandboxes } from "./sandbox";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: process.env.MARKETPLACE_SANDBOX_PORT ?? String(DEFAULT_SANDBOX_PORT) },
    host: { type: "string", default: "127.0.0.1" },
    "state-dir": { type: "string" },
    rate: { type: "string", default: "0" },
    "5xx": { type: "string", default: "0" },
    throttle: { type: "string", default: "0" },
    timeout: { type: "string", default: "0" },
    partial: { type: "string", default: "0" },
    "review-ms": { type: "string", default: "2000" },
    "hang-ms": { type: "string", default: "30000" },
  },
});

const base = Number(values.port);
if (values["state-dir"]) mkdirSync(values["state-dir"], { recursive: true });
const sandboxes = await startSandboxes({
  port: base,
  host: values.host,
  stateDir: values["state-dir"] ?? null,
  options: {
    ratePerSecond: Number(values.rate),
    reviewMs: Number(values["review-ms"]),
    hangMs: Number(values["hang-ms"]),
    faults: { error5xx: Number(values["5xx"]), throttle: Number(values.throttle), timeout: Number(values.timeout), partial: Number(values.partial) },
  },
});
console.log(`Marketplace sandboxes: ${Object.entries(sandboxes.urls).map(([c, u]) => `${c} ${u}`).join(", ")}`);

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    void sandboxes.close().then(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  });
}
