import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3310);
/** The payment sandbox of the e2e run (tests/e2e/checkout-helpers.ts computes the same). */
const SANDBOX_PORT = Number(process.env.E2E_SANDBOX_PORT ?? PORT + 800);
const DB = "test-results/e2e.sqlite";

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/artifacts",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [["list"]],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
      env: { ...process.env, XDG_CACHE_HOME: ".cache/chromium", XDG_CONFIG_HOME: ".cache/chromium" },
    },
  },
  projects: [
    // Flows the issues ask for on a phone only (*.phone.spec.ts) run in the phone project alone.
    { name: "desktop", use: { ...devices["Desktop Chrome"] }, testIgnore: "**/*.phone.spec.ts" },
    { name: "phone", use: { ...devices["Pixel 7"] } },
  ],
  webServer: [
    {
      // The payment sandbox (Stripe, VNPay, MoMo, bank), sending its webhooks to the app below.
      command: "npx tsx scripts/payment-sandbox.ts",
      url: `http://127.0.0.1:${SANDBOX_PORT}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
      env: { SANDBOX_PORT: String(SANDBOX_PORT), SANDBOX_APP_URL: `http://127.0.0.1:${PORT}` },
    },
    {
      // A fresh database, seeded with the demo data, served by the production build.
      command: `npx tsx scripts/seed.ts --reset && npx tsx scripts/serve.ts`,
      url: `http://127.0.0.1:${PORT}/healthz`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        NODE_ENV: "production",
        PORT: String(PORT),
        HOST: "127.0.0.1",
        DATABASE_URL: DB,
        MEDIA_DIR: ".cache/e2e-media",
        PAYMENT_SANDBOX_URL: `http://127.0.0.1:${SANDBOX_PORT}`,
      },
    },
  ],
});
