// A MoMo v2 slice: POST /v2/gateway/api/create checks the partner's HMAC-SHA256 signature and
// the amount (1.000-50.000.000 ₫), answers a payUrl; paying posts the signed IPN (expecting
// 204) and sends the shopper back to redirectUrl.
import express, { type Router } from "express";
import { signMomoCreate, signMomoIpn } from "../../app/payments/momo";
import { behaviourFor, config, deliver, escapeHtml, formatVnd, page, randomDigits, randomId } from "./common";

type Payment = { orderId: string; requestId: string; amount: number; orderInfo: string; redirectUrl: string; ipnUrl: string; extraData: string; done: boolean };
const payments = new Map<string, Payment>();
const byOrderId = new Set<string>();

const reply = (res: express.Response, body: Record<string, unknown>, resultCode: number, message: string) =>
  res.json({ partnerCode: body.partnerCode, requestId: body.requestId, orderId: body.orderId, amount: body.amount, responseTime: Date.now(), message, resultCode });

export function momoRoutes(): Router {
  const r = express.Router();

  r.post("/v2/gateway/api/create", express.json({ limit: "64kb" }), (req, res) => {
    const b = (req.body ?? {}) as Record<string, string | number>;
    if (b.partnerCode !== config.momo.partnerCode || b.accessKey !== config.momo.accessKey) return reply(res, b, 11, "Truy cập bị từ chối.");
    if (typeof b.signature !== "string" || b.signature !== signMomoCreate(b, config.momo.secretKey)) return reply(res, b, 11, "Chữ ký không hợp lệ.");
    if (behaviourFor(String(b.orderId)).failCreate) return reply(res, b, 99, "Lỗi không xác định (sandbox được yêu cầu lỗi).");
    if (b.requestType !== "captureWallet") return reply(res, b, 20, "Yêu cầu sai định dạng (requestType).");
    const amount = Number(b.amount);
    if (!Number.isInteger(amount) || amount < 1_000 || amount > 50_000_000) return reply(res, b, 22, "Số tiền giao dịch không hợp lệ (1.000-50.000.000 ₫).");
    if (byOrderId.has(String(b.orderId))) return reply(res, b, 41, "Trùng mã đơn hàng (orderId).");
    byOrderId.add(String(b.orderId));
    const token = randomId(20);
    payments.set(token, {
      orderId: String(b.orderId),
      requestId: String(b.requestId),
      amount,
      orderInfo: String(b.orderInfo ?? ""),
      redirectUrl: String(b.redirectUrl ?? ""),
      ipnUrl: String(b.ipnUrl ?? ""),
      extraData: String(b.extraData ?? ""),
      done: false,
    });
    res.json({
      partnerCode: b.partnerCode,
      requestId: b.requestId,
      orderId: b.orderId,
      amount,
      responseTime: Date.now(),
      message: "Thành công.",
      resultCode: 0,
      payUrl: `${config.publicUrl}/momo/pay/${token}`,
      deeplink: `momo://app?action=payWithApp&token=${token}`,
    });
  });

  r.get("/momo/pay/:token", (req, res) => {
    const p = payments.get(req.params.token);
    if (!p || p.done) return res.status(404).send(page("MoMo", "MoMo", "#a50064", "<p class=error>Giao dịch không tồn tại hoặc đã xử lý.</p>"));
    res.send(
      page(
        "Ví MoMo (sandbox)",
        "MoMo",
        "#a50064",
        `<p class=muted>${escapeHtml(p.orderInfo)}</p><div class=amount>${formatVnd(p.amount)}</div>
<form method=post action="/momo/pay/${req.params.token}">
<button name=result value=0>Xác nhận thanh toán</button>
<button class=alt name=result value=1006>Từ chối</button>
</form>`,
      ),
    );
  });

  r.post("/momo/pay/:token", express.urlencoded({ extended: false }), (req, res) => {
    const p = payments.get(req.params.token);
    if (!p || p.done) return res.status(409).send(page("MoMo", "MoMo", "#a50064", "<p class=error>Giao dịch đã xử lý.</p>"));
    p.done = true;
    const resultCode = req.body.result === "1006" ? 1006 : 0;
    const ipn = {
      partnerCode: config.momo.partnerCode,
      orderId: p.orderId,
      requestId: p.requestId,
      amount: p.amount,
      orderInfo: p.orderInfo,
      orderType: "momo_wallet",
      transId: resultCode === 0 ? Number(`3${randomDigits(9)}`) : 0,
      resultCode,
      message: resultCode === 0 ? "Thành công." : "Người dùng từ chối xác nhận thanh toán.",
      payType: "qr",
      responseTime: Date.now(),
      extraData: p.extraData,
    };
    const signature = signMomoIpn({ ...ipn, accessKey: config.momo.accessKey }, config.momo.secretKey);
    const body = JSON.stringify({ ...ipn, signature });
    deliver([{ provider: "momo", url: p.ipnUrl, method: "POST", headers: { "Content-Type": "application/json" }, body, ok: (status) => status === 204 }], p.orderId);
    const back = new URLSearchParams(Object.entries({ ...ipn, signature }).map(([k, v]) => [k, String(v)]));
    res.redirect(303, `${p.redirectUrl}${p.redirectUrl.includes("?") ? "&" : "?"}${back}`);
  });
  return r;
}
