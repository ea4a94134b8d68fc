// `npm run demo`: from a fresh clone to a running storefront with demo data.
// Installs dependencies if needed, builds, migrates and seeds the database if it is new,
// then serves on http://127.0.0.1:$PORT (default 3000), with the payment sandbox (Stripe,
// VNPay, MoMo and a bank for VietQR) on http://127.0.0.1:$SANDBOX_PORT (default 4100).
import { spawn } from "node:child_process";
import { ensureDependencies, run } from "./setup.mjs";

ensureDependencies();
run("npm run build --silent");
run("npx tsx scripts/seed.ts --if-empty");

const port = process.env.PORT ?? "3000";
const sandboxPort = process.env.SANDBOX_PORT ?? "4100";
// Node itself with tsx's loader (not npx, which dies on a signal and leaves its child running).
const sandbox = spawn(process.execPath, ["--import", "tsx", "scripts/payment-sandbox.ts"], {
  stdio: "inherit",
  env: { SANDBOX_APP_URL: `http://127.0.0.1:${port}`, ...process.env, SANDBOX_PORT: sandboxPort },
});
const app = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
  stdio: "inherit",
  env: { NODE_ENV: "production", PAYMENT_SANDBOX_URL: `http://127.0.0.1:${sandboxPort}`, ...process.env },
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    app.kill(signal);
    sandbox.kill(signal);
  });
}
app.on("exit", (code) => {
  sandbox.kill("SIGTERM");
  process.exit(code ?? 0);
});
