import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3310);
/** The payment sandbox of the e2e run (tests/e2e/checkout-helpers.ts computes the same). */
const SANDBOX_PORT = Number(process.env.E2E_SANDBOX_PORT ?? PORT + 800);
const DB = "test-results/e2e.sqlite";
/**
 * The marketplace sandboxes listen from this port, each at its definition's offset
 * (db/reference/marketplaces/); the app and the worker derive their addresses from the same
 * MARKETPLACE_SANDBOX_PORT, and tests/e2e/connector-fixture.ts computes the same.
 */
const MARKET_PORT = Number(process.env.E2E_MARKETPLACE_PORT ?? PORT + 901);
/** What the app and the worker share: the database, and the marketplaces' addresses (the sandboxes). */
const APP_ENV = {
  NODE_ENV: "production",
  SANDBOX_MODE: "1", // the sandboxes' credentials: allowed in production only when it says so
  PORT: String(PORT),
  HOST: "127.0.0.1",
  DATABASE_URL: DB,
  MEDIA_DIR: ".cache/e2e-media",
  PAYMENT_SANDBOX_URL: `http://127.0.0.1:${SANDBOX_PORT}`,
  // A fixed test key for the marketplace tokens (production sets its own; see README).
  CREDENTIALS_KEY: "6f636f702d636f6e6e6563742d653265000000000000000000000000000000aa",
  MARKETPLACE_SANDBOX_PORT: String(MARKET_PORT),
  SYNC_POLL_MS: "100",
  SYNC_BACKOFF_BASE_MS: "200",
  SYNC_REVIEW_POLL_MS: "1000",
};

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
  // Started one after the other: the payment sandbox (sending its webhooks to the app), the app (on
  // a fresh database seeded with the demo data, served by the production build), the marketplace
  // sandboxes, then the sync worker on the same database.
  webServer: [
    {
      command: "npx tsx scripts/payment-sandbox.ts",
      url: `http://127.0.0.1:${SANDBOX_PORT}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
      env: { SANDBOX_PORT: String(SANDBOX_PORT), SANDBOX_APP_URL: `http://127.0.0.1:${PORT}` },
    },
    {
      // Every demo producer with a bank account is linked to the sandbox's SePay (scripts/sepay-sandbox-links.ts).
      command: `npx tsx scripts/seed.ts --reset && npx tsx scripts/sepay-sandbox-links.ts && npx tsx scripts/serve.ts`,
      url: `http://127.0.0.1:${PORT}/healthz`,
      reuseExistingServer: false,
      timeout: 300_000, // seeding draws photos: about 40 s on a quiet 2-core machine, minutes when it is shared
      stdout: "ignore",
      stderr: "pipe",
      env: APP_ENV,
    },
    {
      name: "marketplaces",
      command: `npx tsx scripts/marketplace-sandbox.ts --port ${MARKET_PORT}`,
      url: `http://127.0.0.1:${MARKET_PORT}/__sandbox/stats`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      name: "worker",
      command: `npx tsx scripts/worker.ts`,
      wait: { stdout: /\[worker\] started/ },
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
      env: APP_ENV,
    },
  ],
});
