// `npm run demo`: from a fresh clone to a running storefront with demo data.
// Installs dependencies if needed, builds, migrates and seeds the database if it is new,
// then serves on http://127.0.0.1:$PORT (default 3000).
import { spawn } from "node:child_process";
import { ensureDependencies, run } from "./setup.mjs";

ensureDependencies();
run("npm run build --silent");
run("npx tsx scripts/seed.ts --if-empty");

const app = spawn("npx", ["tsx", "scripts/serve.ts"], {
  stdio: "inherit",
  env: { NODE_ENV: "production", ...process.env },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => app.kill(signal));
app.on("exit", (code) => process.exit(code ?? 0));
