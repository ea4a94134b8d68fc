// For a demo or an end-to-end run against the payment sandbox: does for every producer what the
// producer does on my.sepay.vn. Each verified producer with a bank account and no SePay link gets
// one (HMAC, with an API token for reconciliation), and every link is registered with the
// sandbox's SePay (POST /__sandbox/sepay/webhooks), so a VietQR transfer made at the sandbox bank
// comes back as a signed SePay notification. Refuses to run against anything but a sandbox.
//
//   npx tsx scripts/sepay-sandbox-links.ts        (PAYMENT_SANDBOX_URL, PUBLIC_URL as the app reads them)
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { openDatabase } from "#db/client";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { allLinkSecrets, createLink, webhookPathOf } from "~/payments/bank-links.server";
import { refusedStart } from "~/start-check.server";

const config = env();
const refused = refusedStart();
if (refused || (config.NODE_ENV === "production" && !config.SANDBOX_MODE)) {
  console.error(refused ?? "sepay-sandbox-links: only for a sandbox (SANDBOX_MODE=1)");
  process.exit(1);
}
const sandbox = config.PAYMENT_SANDBOX_URL.replace(/\/+$/, "");
openDatabase(config.DATABASE_URL).$client.close(); // migrated, as the web server does
db();

// The sandbox may still be starting beside us.
for (let i = 0; ; i++) {
  const up = await fetch(`${sandbox}/healthz`).then((r) => r.ok).catch(() => false);
  if (up) break;
  if (i >= 60) {
    console.error(`sepay-sandbox-links: no payment sandbox at ${sandbox}`);
    process.exit(1);
  }
  await new Promise((r) => setTimeout(r, 500));
}

const unlinked = db().all<{ id: number }>(
  sql`SELECT p.id FROM producers p WHERE p.status = 'verified' AND p.bank_account_number IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM bank_links l WHERE l.producer_id = p.id) ORDER BY p.id`,
);
for (const p of unlinked) createLink(p.id, { authMode: "hmac", accountNumbers: [], apiToken: `sandbox-${randomBytes(12).toString("base64url")}` });

let registered = 0;
for (const link of allLinkSecrets()) {
  const res = await fetch(`${sandbox}/__sandbox/sepay/webhooks`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ url: `${config.PUBLIC_URL}${webhookPathOf(link.publicId)}`, accountNumbers: link.accountNumbers, auth: link.authMode, secret: link.secret, apiToken: link.apiToken }),
  });
  if (res.ok) registered++;
}
console.log(`sepay-sandbox-links: ${unlinked.length} new link(s), ${registered} registered with ${sandbox}`);
