// A MoMo v2 slice: POST /v2/gateway/api/create checks the partner's HMAC-SHA256 signature, the
// amount (1.000-50.000.000 ₫) and that the orderId is new (41 otherwise, even after an answer
// the partner never saw); paying posts the signed IPN (expecting 204) and sends the shopper back
// to redirectUrl. POST /v2/gateway/api/refund refunds all or part of a paid transId.
import express, { type Router } from "express";
import { behaviourFor, config, deliver, escapeHtml, formatVnd, page, randomDigits, randomId } from "./common";
import { MOMO_FIELDS, momoSign, sameHex } from "./signing";

type Payment = { orderId: string; requestId: string; amount: number; orderInfo: string; redirectUrl: string; ipnUrl: string; extraData: string; done: boolean };
const payments = new Map<string, Payment>();
const orderIds = new Set<string>();
/** Paid transactions by transId: what is left to refund. */
const paid = new Map<string, { amount: number; refunded: number }>();

const reply = (res: express.Response, body: Record<string, unknown>, resultCode: number, message: string) =>
  res.json({ partnerCode: body.partnerCode, requestId: body.requestId, orderId: body.orderId, amount: body.amount, responseTime: Date.now(), message, resultCode });

/** MoMo's orderId/requestId rule: ^[0-9a-zA-Z]([-_.]*[0-9a-zA-Z]+)*$, at most 50 characters for requestId. */
const ID = /^[0-9a-zA-Z]([-_.]*[0-9a-zA-Z]+)*$/;

export function momoRoutes(): Router {
  const r = express.Router();

  r.post("/v2/gateway/api/create", express.json({ limit: "64kb" }), (req, res) => {
    const b = (req.body ?? {}) as Record<string, string | number>;
    if (b.partnerCode !== config.momo.partnerCode || b.accessKey !== config.momo.accessKey) return reply(res, b, 11, "Truy cập bị từ chối.");
    if (typeof b.signature !== "string" || !sameHex(b.signature, momoSign(MOMO_FIELDS.create, b, config.momo.secretKey))) return reply(res, b, 11, "Chữ ký không hợp lệ.");
    const key = String(b.orderId);
    if (behaviourFor(key).failCreate) return reply(res, b, 99, "Lỗi không xác định (sandbox được yêu cầu lỗi).");
    if (b.requestType !== "captureWallet") return reply(res, b, 20, "Yêu cầu sai định dạng (requestType).");
    if (!ID.test(key) || key.length > 200 || !ID.test(String(b.requestId)) || String(b.requestId).length > 50) return reply(res, b, 20, "Yêu cầu sai định dạng (orderId, requestId).");
    const amount = Number(b.amount);
    if (!Number.isInteger(amount) || amount < 1_000 || amount > 50_000_000) return reply(res, b, 22, "Số tiền giao dịch không hợp lệ (1.000-50.000.000 ₫).");
    if (orderIds.has(key)) return reply(res, b, 41, "Trùng mã đơn hàng (orderId).");
    orderIds.add(key);
    const token = randomId(20);
    payments.set(token, {
      orderId: key,
      requestId: String(b.requestId),
      amount,
      orderInfo: String(b.orderInfo ?? ""),
      redirectUrl: String(b.redirectUrl ?? ""),
      ipnUrl: String(b.ipnUrl ?? ""),
      extraData: String(b.extraData ?? ""),
      done: false,
    });
    // The payment exists at MoMo, but the partner never hears of it (a timeout on its side).
    if (behaviourFor(key).loseAnswer) return void req.socket.destroy();
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
      qrCodeUrl: `momo://app?action=payWithApp&qr=${token}`,
    });
  });

  r.post("/v2/gateway/api/refund", express.json({ limit: "16kb" }), (req, res) => {
    const b = (req.body ?? {}) as Record<string, string | number>;
    const answer = (resultCode: number, message: string, transId: number | string = 0) =>
      res.json({ partnerCode: b.partnerCode, orderId: b.orderId, requestId: b.requestId, amount: b.amount, transId, resultCode, message, responseTime: Date.now() });
    if (b.partnerCode !== config.momo.partnerCode) return answer(11, "Truy cập bị từ chối.");
    const signed = { ...b, accessKey: config.momo.accessKey };
    if (typeof b.signature !== "string" || !sameHex(b.signature, momoSign(MOMO_FIELDS.refund, signed, config.momo.secretKey))) return answer(13, "Xác thực doanh nghiệp thất bại (chữ ký).");
    if (!ID.test(String(b.orderId)) || !ID.test(String(b.requestId))) return answer(20, "Yêu cầu sai định dạng (orderId, requestId).");
    if (orderIds.has(String(b.orderId))) return answer(41, "Trùng mã đơn hàng (orderId).");
    const original = paid.get(String(b.transId));
    if (!original) return answer(1080, "Giao dịch gốc không tồn tại hoặc chưa thành công.");
    if (behaviourFor(String(b.orderId)).failRefund) return answer(1080, "Hoàn tiền thất bại (sandbox được yêu cầu lỗi).");
    const amount = Number(b.amount);
    if (!Number.isInteger(amount) || amount < 1_000 || amount > original.amount - original.refunded) return answer(1081, "Số tiền hoàn không hợp lệ hoặc giao dịch đã được hoàn.");
    orderIds.add(String(b.orderId));
    original.refunded += amount;
    answer(0, "Thành công.", Number(`4${randomDigits(9)}`));
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
<button class=alt name=result value=7000>Đang xử lý, rồi thành công</button>
<button class=alt name=result value=1006>Từ chối</button>
</form>`,
      ),
    );
  });

  r.post("/momo/pay/:token", express.urlencoded({ extended: false }), (req, res) => {
    const p = payments.get(req.params.token);
    if (!p || p.done) return res.status(409).send(page("MoMo", "MoMo", "#a50064", "<p class=error>Giao dịch đã xử lý.</p>"));
    p.done = true;
    const choice = String(req.body.result ?? "0");
    const transId = Number(`3${randomDigits(9)}`);
    const ipnOf = (resultCode: number) => {
      const ipn = {
        partnerCode: config.momo.partnerCode,
        orderId: p.orderId,
        requestId: p.requestId,
        amount: p.amount,
        orderInfo: p.orderInfo,
        orderType: "momo_wallet",
        transId: resultCode === 1006 ? 0 : transId,
        resultCode,
        message: resultCode === 0 ? "Thành công." : resultCode === 7000 ? "Giao dịch đang được xử lý." : "Người dùng từ chối xác nhận thanh toán.",
        payType: "qr",
        responseTime: Date.now(),
        extraData: p.extraData,
      };
      return { ...ipn, signature: momoSign(MOMO_FIELDS.ipn, { ...ipn, accessKey: config.momo.accessKey }, config.momo.secretKey) };
    };
    const final = choice === "1006" ? ipnOf(1006) : ipnOf(0);
    if (final.resultCode === 0) paid.set(String(transId), { amount: p.amount, refunded: 0 });
    const ipns = choice === "7000" ? [ipnOf(7000), final] : [final];
    deliver(
      ipns.map((ipn) => ({ provider: "momo", url: p.ipnUrl, method: "POST" as const, headers: { "Content-Type": "application/json" }, body: JSON.stringify(ipn), ok: (status: number) => status === 204 })),
      p.orderId,
    );
    const back = new URLSearchParams(Object.entries(final).map(([k, v]) => [k, String(v)]));
    res.redirect(303, `${p.redirectUrl}${p.redirectUrl.includes("?") ? "&" : "?"}${back}`);
  });
  return r;
}
