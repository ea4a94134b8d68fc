// `npm run demo`: from a fresh clone to a running storefront with demo data.
// Installs dependencies if needed, builds, migrates and seeds the database if it is new, then
// starts four processes: the payment sandbox (Stripe, VNPay, MoMo, a bank for VietQR and SePay) on
// $SANDBOX_PORT (default 4100), the marketplace sandboxes (Shopee, Lazada, TikTok Shop, Tiki from
// $MARKETPLACE_SANDBOX_PORT, default 4201-4204, their state in db/data/sandbox/), the sync
// worker, and the web server on http://127.0.0.1:$PORT (default 3000). Ctrl-C stops them all.
// The sandboxes and the app's default marketplace addresses both follow MARKETPLACE_SANDBOX_PORT
// (db/reference/marketplaces/ gives each marketplace its offset), so nothing here names one.
import { spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { ensureDependencies, run } from "./setup.mjs";

const database = process.env.DATABASE_URL ?? "db/data/ocop.sqlite";
const port = process.env.PORT ?? "3000";
const paymentPort = process.env.SANDBOX_PORT ?? "4100";
const sandboxState = join(dirname(database), "sandbox");

ensureDependencies();
run("npm run build --silent");
const fresh = !existsSync(database);
run("npx tsx scripts/seed.ts --if-empty");
// A new database starts with empty marketplaces too (the sandboxes' shops mirror its listings).
if (fresh) rmSync(sandboxState, { recursive: true, force: true });

const env = {
  NODE_ENV: "production",
  // The demo runs on the sandboxes' public credentials: it says so (a ribbon on every page), and
  // production's refusal to start on them does not apply.
  SANDBOX_MODE: "1",
  PAYMENT_SANDBOX_URL: `http://127.0.0.1:${paymentPort}`,
  // The sandboxes review Tiki and TikTok Shop products in 2 s: poll sooner than a real review needs.
  SYNC_REVIEW_POLL_MS: "3000",
  ...process.env,
};

// Node itself with tsx's loader (not npx, which dies on a signal and leaves its child running).
const start = (script, args = [], extra = {}) =>
  spawn(process.execPath, ["--import", "tsx", script, ...args], { stdio: "inherit", env: { ...env, ...extra } });
const children = [
  start("scripts/payment-sandbox.ts", [], { SANDBOX_APP_URL: `http://127.0.0.1:${port}`, ...process.env, SANDBOX_PORT: paymentPort }),
  start("scripts/marketplace-sandbox.ts", ["--state-dir", sandboxState]),
  start("scripts/worker.ts"),
  start("scripts/serve.ts"),
];
const app = children[3];
// What each producer does on my.sepay.vn, done for the demo: link the producers to the sandbox's
// SePay, so a VietQR transfer at the sandbox bank is confirmed (it waits for the sandbox itself).
start("scripts/sepay-sandbox-links.ts");

let stopping = false;
function stop(signal) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill(signal);
}
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stop(signal));
// If any of them stops, stop the others: a demo without its worker or sandboxes would look broken.
for (const child of children) child.on("exit", () => stop("SIGTERM"));
app.on("exit", (code) => {
  const others = children.filter((c) => c !== app && c.exitCode === null && c.signalCode === null);
  Promise.all(others.map((c) => new Promise((r) => c.once("exit", r)))).then(() => process.exit(code ?? 0));
});
