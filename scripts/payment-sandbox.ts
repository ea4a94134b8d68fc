// The payment sandbox: one small server speaking Stripe (/v1/checkout/sessions, /v1/refunds,
// hosted pay page, signed webhooks), VNPay (pay page, IPN, return, refund API), MoMo (create,
// refund, pay page, IPN) and a bank posting signed VietQR transfer notifications. It checks the
// signatures it receives and can be told to misbehave: POST /__sandbox/behaviour.
//
//   SANDBOX_PORT=4100 SANDBOX_APP_URL=http://127.0.0.1:3000 npx tsx scripts/payment-sandbox.ts
//
// Credentials: the same variable names and defaults as the app's, read by the sandbox itself
// (scripts/payment-sandbox/config.ts). It never imports from app/.
import { createSandboxApp } from "./payment-sandbox/app";
import { config } from "./payment-sandbox/common";

const server = createSandboxApp().listen(config.port, config.host, () => {
  console.log(`Payment sandbox: ${config.publicUrl} (webhooks to ${config.appUrl})`);
});
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  });
}
