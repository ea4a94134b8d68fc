// The payment sandbox as an Express app (scripts/payment-sandbox.ts listens with it; the contract
// tests run it in-process): Stripe, VNPay, MoMo, a VietQR bank and SePay's notifications, plus the switches that make it
// misbehave. Nothing here imports the app: it speaks the providers' protocols from their documents.
import express, { type Express } from "express";
import { bankRoutes } from "./bank";
import { DEFAULT_BEHAVIOUR, behaviour, config, deliveries, page, scoped, type Behaviour } from "./common";
import { momoRoutes } from "./momo";
import { resetSepay, sepayRoutes } from "./sepay";
import { stripeRoutes } from "./stripe";
import { vnpayRoutes } from "./vnpay";

const SWITCHES = ["failCreate", "twice", "outOfOrder", "drop", "loseAnswer", "failRefund", "refundPending"] as const;

export function createSandboxApp(): Express {
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

  // {"failCreate","delayMs","twice","outOfOrder","drop","loseAnswer","failRefund","refundPending"} for
  // everything, or with "match" only for payments whose key (Stripe customer e-mail, MoMo/VNPay
  // order reference) contains it.
  app.post("/__sandbox/behaviour", express.json(), (req, res) => {
    const b = req.body ?? {};
    const next: Partial<Behaviour> = {};
    for (const key of SWITCHES) if (typeof b[key] === "boolean") next[key] = b[key];
    if (Number.isInteger(b.delayMs) && b.delayMs >= 0 && b.delayMs <= 120_000) next.delayMs = b.delayMs;
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
    resetSepay();
    res.json(behaviour);
  });
  app.get("/__sandbox/deliveries", (_req, res) => res.json(deliveries));

  app.use(stripeRoutes());
  app.use(vnpayRoutes());
  app.use(momoRoutes());
  app.use(bankRoutes());
  app.use(sepayRoutes());
  return app;
}
