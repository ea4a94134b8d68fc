// The payment sandbox: one small server speaking Stripe (/v1/checkout/sessions, hosted pay
// page, signed webhooks), VNPay (pay page, IPN, return), MoMo (create, pay page, IPN) and a
// bank posting signed VietQR transfer notifications. It checks the signatures it receives and
// can be told to misbehave: POST /__sandbox/behaviour {"failCreate","delayMs","twice","outOfOrder","drop"}.
//
//   SANDBOX_PORT=4100 SANDBOX_APP_URL=http://127.0.0.1:3000 npx tsx scripts/payment-sandbox.ts
//
// Credentials come from the same variables (and defaults) as the app's (app/env.server.ts).
import express from "express";
import { bankRoutes } from "./payment-sandbox/bank";
import { DEFAULT_BEHAVIOUR, behaviour, config, deliveries, page, scoped, type Behaviour } from "./payment-sandbox/common";
import { momoRoutes } from "./payment-sandbox/momo";
import { stripeRoutes } from "./payment-sandbox/stripe";
import { vnpayRoutes } from "./payment-sandbox/vnpay";

const app = express();
app.disable("x-powered-by");

app.get("/healthz", (_req, res) => res.json({ ok: true }));
app.get("/favicon.ico", (_req, res) => res.status(204).end());
app.get("/", (_req, res) =>
  res.send(
    page(
      "Payment sandbox",
      "OCOP Connect · payment sandbox",
      "#24593a",
      `<p>Stripe, VNPay, MoMo và ngân hàng VietQR giả lập cho bản demo và kiểm thử. Webhook gửi đến <code>${config.appUrl}</code>.</p>
<ul><li><a href="/bank">Ngân hàng: quét mã VietQR và chuyển khoản</a></li><li><a href="/__sandbox/deliveries">Nhật ký webhook đã gửi</a></li></ul>`,
    ),
  ),
);

// {"failCreate","delayMs","twice","outOfOrder","drop"} for everything, or with "match" only for
// payments whose key (Stripe customer e-mail, MoMo/VNPay order reference) contains it.
app.post("/__sandbox/behaviour", express.json(), (req, res) => {
  const b = req.body ?? {};
  const next: Partial<Behaviour> = {};
  if (typeof b.failCreate === "boolean") next.failCreate = b.failCreate;
  if (Number.isInteger(b.delayMs) && b.delayMs >= 0 && b.delayMs <= 120_000) next.delayMs = b.delayMs;
  if (typeof b.twice === "boolean") next.twice = b.twice;
  if (typeof b.outOfOrder === "boolean") next.outOfOrder = b.outOfOrder;
  if (typeof b.drop === "boolean") next.drop = b.drop;
  if (typeof b.match === "string" && b.match.length >= 3) {
    const i = scoped.findIndex((r) => r.match === b.match);
    const rule = { ...(i >= 0 ? scoped[i] : {}), ...next, match: b.match };
    if (i >= 0) scoped[i] = rule;
    else scoped.push(rule);
    return res.json(rule);
  }
  Object.assign(behaviour, next);
  res.json(behaviour);
});
app.post("/__sandbox/reset", (_req, res) => {
  Object.assign(behaviour, DEFAULT_BEHAVIOUR);
  scoped.length = 0;
  deliveries.length = 0;
  res.json(behaviour);
});
app.get("/__sandbox/deliveries", (_req, res) => res.json(deliveries));

app.use(stripeRoutes());
app.use(vnpayRoutes());
app.use(momoRoutes());
app.use(bankRoutes());

const server = app.listen(config.port, config.host, () => {
  console.log(`Payment sandbox: ${config.publicUrl} (webhooks to ${config.appUrl})`);
});
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  });
}
