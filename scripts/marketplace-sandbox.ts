// The marketplace sandboxes as a process: Shopee, Lazada, TikTok Shop and Tiki on four
// consecutive ports, speaking their protocols, checking signatures, keeping state, and
// misbehaving on request.
//
//   npx tsx scripts/marketplace-sandbox.ts [--port 4201] [--state-dir DIR] [--rate N] [--5xx 0.2]
//     [--throttle 0.1] [--timeout 0.05] [--partial 0.1] [--review-ms 2000] [--hang-ms 30000]
//
// Keys come from the same variables as the app (SHOPEE_PARTNER_KEY, …) with the same defaults.
// GET /__sandbox/state on any port shows that marketplace's shops, items and duplicates.
import { mkdirSync } from "node:fs";
import { parseArgs } from "node:util";
import { parseEnv } from "~/env.server";
import { startSandboxes } from "./sandbox";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: process.env.MARKETPLACE_SANDBOX_PORT ?? "4201" },
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
  ports: { shopee: base, lazada: base + 1, tiktok: base + 2, tiki: base + 3 },
  host: values.host,
  stateDir: values["state-dir"] ?? null,
  keys: parseEnv(process.env),
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
