// A Stripe-compatible slice: POST/GET /v1/checkout/sessions (secret key checked, Idempotency-Key
// honoured, VND zero-decimal, expires_at 30 minutes to 24 hours after the create), POST
// /v1/refunds (all or part of a paid PaymentIntent), a hosted pay page, and signed webhooks
// (Stripe-Signature: t=…,v1=HMAC-SHA256(secret, "t.payload")) to the merchant's endpoint.
import express, { type Router } from "express";
import { behaviourFor, config, deliver, escapeHtml, formatVnd, page, randomId } from "./common";
import { stripeSignatureHeader } from "./signing";

type Session = {
  id: string;
  object: "checkout.session";
  amount_subtotal: number;
  amount_total: number;
  currency: string;
  client_reference_id: string | null;
  customer_email: string | null;
  metadata: Record<string, string>;
  mode: string;
  payment_status: "unpaid" | "paid";
  status: "open" | "complete" | "expired";
  payment_intent: string | null;
  success_url: string;
  cancel_url: string;
  expires_at: number;
  created: number;
  url: string | null;
  livemode: false;
  line_items_preview: { name: string; quantity: number; unit_amount: number }[];
};

const sessions = new Map<string, Session>();
/** Paid PaymentIntents: their amount and what was refunded. */
const intents = new Map<string, { amount: number; refunded: number; email: string | null }>();
const idempotency = new Map<string, { params: string; status: number; body: unknown }>();

const stripeError = (res: express.Response, status: number, type: string, message: string, param?: string) =>
  res.status(status).json({ error: { type, message, ...(param ? { param } : {}) } });

function authorised(req: express.Request): boolean {
  const auth = req.get("Authorization") ?? "";
  const basic = auth.startsWith("Basic ") ? Buffer.from(auth.slice(6), "base64").toString().split(":")[0] : null;
  return auth === `Bearer ${config.stripe.secretKey}` || basic === config.stripe.secretKey;
}

const list = <T>(v: unknown): T[] => (Array.isArray(v) ? v : v && typeof v === "object" ? Object.values(v) : []) as T[];

function createSession(body: Record<string, unknown>): { status: number; body: unknown } {
  if (body.mode !== "payment") return { status: 400, body: { error: { type: "invalid_request_error", message: "mode must be payment", param: "mode" } } };
  const items = list<{ quantity?: string; price_data?: { currency?: string; unit_amount?: string; product_data?: { name?: string } } }>(body.line_items);
  if (items.length === 0) return { status: 400, body: { error: { type: "invalid_request_error", message: "line_items is required", param: "line_items" } } };
  const preview = [];
  let total = 0;
  for (const [i, item] of items.entries()) {
    const currency = item.price_data?.currency;
    const unit = Number(item.price_data?.unit_amount);
    const quantity = Number(item.quantity ?? "1");
    if (currency !== "vnd") return { status: 400, body: { error: { type: "invalid_request_error", message: "Only vnd in this sandbox", param: `line_items[${i}][price_data][currency]` } } };
    // VND is zero-decimal: whole đồng, no fractions.
    if (!Number.isInteger(unit) || unit < 0 || !Number.isInteger(quantity) || quantity < 1) {
      return { status: 400, body: { error: { type: "invalid_request_error", message: "Invalid integer", param: `line_items[${i}][price_data][unit_amount]` } } };
    }
    preview.push({ name: item.price_data?.product_data?.name ?? "", quantity, unit_amount: unit });
    total += unit * quantity;
  }
  const now = Math.floor(Date.now() / 1000);
  const expiresAt = body.expires_at === undefined ? now + 24 * 3600 : Number(body.expires_at);
  if (!Number.isInteger(expiresAt) || expiresAt < now + 30 * 60 - 5 || expiresAt > now + 24 * 3600) {
    return { status: 400, body: { error: { type: "invalid_request_error", message: "expires_at must be 30 minutes to 24 hours from now", param: "expires_at" } } };
  }
  const id = `cs_test_${randomId(24)}`;
  const session: Session = {
    id,
    object: "checkout.session",
    amount_subtotal: total,
    amount_total: total,
    currency: "vnd",
    client_reference_id: typeof body.client_reference_id === "string" ? body.client_reference_id : null,
    customer_email: typeof body.customer_email === "string" ? body.customer_email : null,
    metadata: (body.metadata as Record<string, string>) ?? {},
    mode: "payment",
    payment_status: "unpaid",
    status: "open",
    payment_intent: null,
    success_url: String(body.success_url ?? ""),
    cancel_url: String(body.cancel_url ?? ""),
    expires_at: expiresAt,
    created: now,
    url: `${config.publicUrl}/stripe/pay/${id}`,
    livemode: false,
    line_items_preview: preview,
  };
  sessions.set(id, session);
  return { status: 200, body: session };
}

function createRefund(body: Record<string, unknown>): { status: number; body: unknown } {
  const error = (code: string, message: string, param?: string) => ({ status: 400, body: { error: { type: "invalid_request_error", code, message, ...(param ? { param } : {}) } } });
  const intentId = typeof body.payment_intent === "string" ? body.payment_intent : "";
  const intent = intents.get(intentId);
  if (!intent) return { status: 404, body: { error: { type: "invalid_request_error", code: "resource_missing", message: `No such payment_intent: '${intentId}'`, param: "payment_intent" } } };
  if (behaviourFor(intent.email).failRefund) return error("charge_disputed", "Sandbox told to refuse refunds");
  const left = intent.amount - intent.refunded;
  if (left <= 0) return error("charge_already_refunded", `Charge for ${intentId} has already been refunded.`);
  const amount = body.amount === undefined ? left : Number(body.amount);
  if (!Number.isInteger(amount) || amount < 1) return error("parameter_invalid_integer", "Invalid integer", "amount");
  if (amount > left) return error("amount_too_large", `Refund amount (₫${amount}) is greater than unrefunded amount on charge (₫${left})`, "amount");
  intent.refunded += amount;
  return {
    status: 200,
    body: {
      id: `re_3${randomId(23)}`,
      object: "refund",
      amount,
      balance_transaction: null,
      charge: `ch_3${randomId(23)}`,
      created: Math.floor(Date.now() / 1000),
      currency: "vnd",
      metadata: (body.metadata as Record<string, string>) ?? {},
      payment_intent: intentId,
      reason: typeof body.reason === "string" ? body.reason : null,
      receipt_number: null,
      source_transfer_reversal: null,
      status: behaviourFor(intent.email).refundPending ? "pending" : "succeeded",
      transfer_reversal: null,
    },
  };
}

function event(type: string, session: Session) {
  const { line_items_preview: _preview, ...object } = session;
  return {
    id: `evt_${randomId(24)}`,
    object: "event",
    api_version: "2026-10-28.endive",
    created: Math.floor(Date.now() / 1000),
    type,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: { object: { ...object, url: null } },
  };
}

function send(events: ReturnType<typeof event>[], key: string | null) {
  deliver(
    events.map((e) => {
      const payload = JSON.stringify(e, null, 2);
      return {
        provider: "stripe",
        url: `${config.appUrl}/api/stripe/webhook`,
        method: "POST" as const,
        headers: { "Content-Type": "application/json; charset=utf-8", "Stripe-Signature": stripeSignatureHeader(payload, config.stripe.webhookSecret) },
        body: payload,
        ok: (status: number) => status >= 200 && status < 300,
      };
    }),
    key,
  );
}

export function stripeRoutes(): Router {
  const r = express.Router();
  const form = express.urlencoded({ extended: true, limit: "64kb", parameterLimit: 2000 });

  r.post("/v1/checkout/sessions", form, (req, res) => {
    if (!authorised(req)) return stripeError(res, 401, "invalid_request_error", "Invalid API Key provided");
    const key = req.get("Idempotency-Key");
    const params = JSON.stringify(req.body);
    if (behaviourFor(typeof req.body.customer_email === "string" ? req.body.customer_email : null).failCreate) {
      // Like Stripe, the error is kept under its Idempotency-Key: a retry needs a new key.
      const body = { error: { type: "api_error", message: "Sandbox told to fail" } };
      if (key && !idempotency.has(key)) idempotency.set(key, { params, status: 500, body });
      return res.status(500).json(body);
    }
    if (key) {
      const seen = idempotency.get(key);
      if (seen && seen.params !== params) {
        return stripeError(res, 400, "idempotency_error", "Keys for idempotent requests can only be used with the same parameters they were first used with.");
      }
      if (seen) return res.set("Idempotent-Replayed", "true").status(seen.status).json(seen.body);
    }
    const result = createSession(req.body as Record<string, unknown>);
    if (key) idempotency.set(key, { params, ...result });
    res.status(result.status).json(result.body);
  });

  r.post("/v1/refunds", form, (req, res) => {
    if (!authorised(req)) return stripeError(res, 401, "invalid_request_error", "Invalid API Key provided");
    const key = req.get("Idempotency-Key");
    const params = JSON.stringify(req.body);
    if (key) {
      const seen = idempotency.get(key);
      if (seen && seen.params !== params) {
        return stripeError(res, 400, "idempotency_error", "Keys for idempotent requests can only be used with the same parameters they were first used with.");
      }
      if (seen) return res.set("Idempotent-Replayed", "true").status(seen.status).json(seen.body);
    }
    const result = createRefund(req.body as Record<string, unknown>);
    if (key) idempotency.set(key, { params, ...result });
    res.status(result.status).json(result.body);
  });

  r.get("/v1/checkout/sessions/:id", (req, res) => {
    if (!authorised(req)) return stripeError(res, 401, "invalid_request_error", "Invalid API Key provided");
    const s = sessions.get(req.params.id);
    if (!s) return stripeError(res, 404, "invalid_request_error", "No such checkout.session", "id");
    res.json({ ...s, line_items_preview: undefined });
  });

  r.get("/stripe/pay/:id", (req, res) => {
    const s = sessions.get(req.params.id);
    if (!s) return res.status(404).send(page("Stripe", "Stripe Checkout", "#635bff", "<p class=error>Phiên thanh toán không tồn tại.</p>"));
    if (s.status !== "open" || s.expires_at * 1000 < Date.now()) {
      return res.send(page("Stripe", "Stripe Checkout", "#635bff", `<p class=error>Phiên thanh toán đã ${s.status === "complete" ? "hoàn tất" : "hết hạn"}.</p>`));
    }
    const lines = s.line_items_preview.map((l) => `<li>${escapeHtml(l.name)} × ${l.quantity}: ${formatVnd(l.unit_amount * l.quantity)}</li>`).join("");
    res.send(
      page(
        "Thanh toán thẻ · Stripe sandbox",
        "Stripe Checkout",
        "#635bff",
        `<p class=muted>${escapeHtml(s.client_reference_id ?? "")}</p><div class=amount>${formatVnd(s.amount_total)}</div><ul>${lines}</ul>
<form method=post action="/stripe/pay/${s.id}">
<label for=card>Số thẻ</label><input id=card name=card value="4242 4242 4242 4242" autocomplete=off>
<button name=result value=paid>Thanh toán</button>
<button class=alt name=result value=async_paid>Thanh toán chậm (thành công sau)</button>
<button class=alt name=result value=async_failed>Thanh toán chậm (thất bại)</button>
<button class=alt name=result value=expire>Để phiên hết hạn</button>
</form><p><a href="${escapeHtml(s.cancel_url)}">Quay lại cửa hàng</a></p>`,
      ),
    );
  });

  r.post("/stripe/pay/:id", form, (req, res) => {
    const s = sessions.get(req.params.id);
    if (!s || s.status !== "open") return res.status(409).send(page("Stripe", "Stripe Checkout", "#635bff", "<p class=error>Phiên không còn mở.</p>"));
    const result = String(req.body.result ?? "paid");
    if (result === "expire") {
      s.status = "expired";
      send([event("checkout.session.expired", s)], s.customer_email);
      return res.redirect(303, s.cancel_url);
    }
    s.status = "complete";
    s.payment_intent = `pi_3${randomId(21)}`;
    if (result !== "async_failed") intents.set(s.payment_intent, { amount: s.amount_total, refunded: 0, email: s.customer_email });
    if (result === "paid") {
      s.payment_status = "paid";
      send([event("checkout.session.completed", s)], s.customer_email);
    } else {
      // A delayed method: completed while unpaid, then the bank's answer.
      const completed = event("checkout.session.completed", s);
      s.payment_status = result === "async_paid" ? "paid" : "unpaid";
      send([completed, event(result === "async_paid" ? "checkout.session.async_payment_succeeded" : "checkout.session.async_payment_failed", s)], s.customer_email);
    }
    res.redirect(303, s.success_url);
  });
  return r;
}
