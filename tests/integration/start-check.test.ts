// Production refuses to start on the sandboxes' public credentials (issue 11): with them anyone can
// sign a webhook that marks an order paid. A demo says SANDBOX_MODE=1 instead.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { APP_SECRETS } from "~/env.server";
import { CONNECTOR_SECRETS } from "~/marketplaces/config.server";
import { productionSettingsMissing, refusedStart } from "~/start-check.server";

/** Every secret set to a value of its own (addresses to real-looking ones). */
const allSet = Object.fromEntries(
  [...APP_SECRETS, ...CONNECTOR_SECRETS].map((name) => [name, name.endsWith("_URL") ? `https://${name.toLowerCase().replace(/_/g, "-")}.example.vn` : `${name}-real-value-2026`]),
);

describe("a production start on sandbox settings", () => {
  it("lists every payment, bank webhook, marketplace and credentials secret left at its default", () => {
    const missing = productionSettingsMissing({ NODE_ENV: "production" });
    for (const name of ["STRIPE_WEBHOOK_SECRET", "VNPAY_HASH_SECRET", "MOMO_SECRET_KEY", "SEPAY_API_URL", "CREDENTIALS_KEY", "SHOPEE_PARTNER_KEY", "TIKI_CLIENT_SECRET", "PUBLIC_URL"]) {
      expect(missing).toContain(name);
    }
    expect(missing).toEqual([...APP_SECRETS, ...CONNECTOR_SECRETS]);
  });

  it("refuses a secret set explicitly to the sandbox's public value, or to nothing", () => {
    const missing = productionSettingsMissing({ ...allSet, NODE_ENV: "production", STRIPE_WEBHOOK_SECRET: "whsec_ocop_sandbox_secret", SEPAY_API_URL: " ", SHOPEE_PARTNER_KEY: "sandbox-shopee-partner-key" });
    expect(missing).toEqual(["STRIPE_WEBHOOK_SECRET", "SEPAY_API_URL", "SHOPEE_PARTNER_KEY"]);
  });

  it("starts when every secret is set, in a declared sandbox, and outside production", () => {
    expect(refusedStart({ ...allSet, NODE_ENV: "production" })).toBeNull();
    expect(refusedStart({ NODE_ENV: "production", SANDBOX_MODE: "1" })).toBeNull();
    expect(refusedStart({ NODE_ENV: "development" })).toBeNull();
    expect(refusedStart({ NODE_ENV: "production", SANDBOX_MODE: "0" })).toContain("STRIPE_WEBHOOK_SECRET");
  });

  it("the web server and the worker exit at start with the list of what to set", { timeout: 60_000 }, () => {
    const { SANDBOX_MODE: _declared, ...inherited } = process.env;
    for (const script of ["scripts/serve.ts", "scripts/worker.ts"]) {
      const run = spawnSync(process.execPath, ["--import", "tsx", script], {
        env: { ...inherited, NODE_ENV: "production", PORT: "9", HOST: "127.0.0.1" },
        encoding: "utf8",
        timeout: 30_000,
      });
      expect(run.status, `${script}: ${run.stderr}`).toBe(1);
      expect(run.stderr).toContain("Refusing to start in production");
      expect(run.stderr).toContain("  - STRIPE_WEBHOOK_SECRET");
      expect(run.stderr).toContain("  - CREDENTIALS_KEY");
      expect(run.stdout).not.toContain("OCOP Connect:");
    }
  });
});
