// A VNPay 2.1.0 slice: the pay page checks the merchant's vnp_SecureHash (HMAC-SHA512) and the
// parameters; paying sends the signed IPN (GET) to the merchant and then the shopper back to
// vnp_ReturnUrl with the same signed parameters. POST /merchant_webapi/api/transaction answers
// vnp_Command=refund with VNPay's pipe-ordered checksum, as VNPay's querydr/refund document says.
import express, { type Router } from "express";
import { behaviourFor, config, deliver, escapeHtml, formatVnd, page, randomDigits } from "./common";
import { VNPAY_REFUND_REQUEST_ORDER, VNPAY_REFUND_RESPONSE_ORDER, sameHex, vnpayPipeSign, vnpaySign, vnpaySignedText, vnpayVerify } from "./signing";

type Txn = { params: Record<string, string>; result: string | null; transactionNo: string | null; payDate: string | null; bankCode: string; refunded: number };
const txns = new Map<string, Txn>();

/** "yyyyMMddHHmmss" in GMT+7. */
const gmt7 = (at: Date) => new Date(at.getTime() + 7 * 3600_000).toISOString().replace(/\D/g, "").slice(0, 14);

const fail = (res: express.Response, code: string, message: string) =>
  res.status(400).send(page("VNPay", "VNPAY", "#005baa", `<p class=error>Lỗi ${code}: ${escapeHtml(message)}</p>`));

function refund(body: Record<string, unknown>): Record<string, string> {
  const s = (k: string) => (typeof body[k] === "string" || typeof body[k] === "number" ? String(body[k]) : "");
  const txn = txns.get(s("vnp_TxnRef"));
  const answer = (code: string, message: string, status = "") => {
    const out: Record<string, string> = {
      vnp_ResponseId: randomDigits(12),
      vnp_Command: "refund",
      vnp_ResponseCode: code,
      vnp_Message: message,
      vnp_TmnCode: config.vnpay.tmnCode,
      vnp_TxnRef: s("vnp_TxnRef"),
      vnp_Amount: s("vnp_Amount"),
      vnp_BankCode: txn?.bankCode ?? "",
      vnp_PayDate: txn?.payDate ?? "",
      vnp_TransactionNo: txn?.transactionNo ?? "",
      vnp_TransactionType: s("vnp_TransactionType"),
      vnp_TransactionStatus: status,
      vnp_OrderInfo: s("vnp_OrderInfo"),
    };
    return { ...out, vnp_SecureHash: vnpayPipeSign(VNPAY_REFUND_RESPONSE_ORDER, out, config.vnpay.hashSecret) };
  };
  if (s("vnp_TmnCode") !== config.vnpay.tmnCode) return answer("02", "Invalid TmnCode");
  const expected = vnpayPipeSign(VNPAY_REFUND_REQUEST_ORDER, body, config.vnpay.hashSecret);
  if (!sameHex(s("vnp_SecureHash"), expected)) return answer("97", "Invalid Checksum");
  if (s("vnp_Command") !== "refund" || s("vnp_Version") !== "2.1.0" || !["02", "03"].includes(s("vnp_TransactionType"))) return answer("03", "Invalid data format");
  if (!/^\d{14}$/.test(s("vnp_CreateDate")) || !/^\d{14}$/.test(s("vnp_TransactionDate")) || !s("vnp_RequestId") || !s("vnp_CreateBy")) return answer("03", "Invalid data format");
  if (!txn) return answer("91", "Transaction not found");
  if (txn.result !== "00") return answer("95", "Transaction is not successful");
  if (behaviourFor(s("vnp_TxnRef")).failRefund) return answer("99", "Unknown error (sandbox told to refuse refunds)");
  const amount = Number(s("vnp_Amount")) / 100;
  const total = Number(txn.params.vnp_Amount) / 100;
  const left = total - txn.refunded;
  if (!Number.isInteger(amount) || amount <= 0 || amount > left) return answer("03", "Invalid amount");
  if (s("vnp_TransactionType") === "02" && amount !== total) return answer("03", "A full refund (02) must be the whole amount");
  txn.refunded += amount;
  // 05: VNPay is processing the refund (sent to the bank).
  return answer("00", "Refund success", "05");
}

export function vnpayRoutes(): Router {
  const r = express.Router();

  r.get("/paymentv2/vpcpay.html", (req, res) => {
    const params = Object.fromEntries(Object.entries(req.query).map(([k, v]) => [k, String(v)]));
    if (params.vnp_TmnCode !== config.vnpay.tmnCode) return fail(res, "02", "Merchant không tồn tại (vnp_TmnCode)");
    if (!vnpayVerify(params, config.vnpay.hashSecret)) return fail(res, "97", "Sai chữ ký (vnp_SecureHash)");
    if (params.vnp_Version !== "2.1.0" || params.vnp_Command !== "pay" || params.vnp_CurrCode !== "VND") return fail(res, "03", "Dữ liệu gửi sang không đúng định dạng");
    if (!/^\d+00$/.test(params.vnp_Amount ?? "") || Number(params.vnp_Amount) < 500_000) return fail(res, "03", "Số tiền không hợp lệ (vnp_Amount = đồng × 100, tối thiểu 5.000 ₫)");
    if (!params.vnp_TxnRef || !params.vnp_ReturnUrl) return fail(res, "03", "Thiếu vnp_TxnRef hoặc vnp_ReturnUrl");
    if ((params.vnp_ExpireDate ?? "") < gmt7(new Date())) return fail(res, "11", "Giao dịch đã hết hạn chờ thanh toán");
    const existing = txns.get(params.vnp_TxnRef);
    if (existing?.result === "00") return fail(res, "02", "Giao dịch đã được thanh toán");
    txns.set(params.vnp_TxnRef, { params, result: null, transactionNo: null, payDate: null, bankCode: "NCB", refunded: 0 });
    const amount = Number(params.vnp_Amount) / 100;
    res.send(
      page(
        "Cổng thanh toán VNPAY (sandbox)",
        "VNPAY",
        "#005baa",
        `<dl><dt>Đơn hàng</dt><dd>${escapeHtml(params.vnp_TxnRef)}</dd><dt>Nội dung</dt><dd>${escapeHtml(params.vnp_OrderInfo ?? "")}</dd></dl>
<div class=amount>${formatVnd(amount)}</div>
<form method=post action="/paymentv2/pay">
<input type=hidden name=txnRef value="${escapeHtml(params.vnp_TxnRef)}">
<label for=bank>Ngân hàng</label><select id=bank name=bank><option>NCB</option><option>VCB</option><option>BIDV</option></select>
<button name=code value="00">Thanh toán</button>
<button class=alt name=code value="51">Tài khoản không đủ số dư</button>
<button class=alt name=code value="24">Hủy giao dịch</button>
</form>`,
      ),
    );
  });

  r.post("/paymentv2/pay", express.urlencoded({ extended: false }), (req, res) => {
    const txn = txns.get(String(req.body.txnRef ?? ""));
    if (!txn || txn.result !== null) return fail(res, "02", "Giao dịch không tồn tại hoặc đã xử lý");
    const code = ["00", "24", "51"].includes(req.body.code) ? String(req.body.code) : "00";
    txn.result = code;
    txn.bankCode = ["NCB", "VCB", "BIDV"].includes(req.body.bank) ? String(req.body.bank) : "NCB";
    txn.transactionNo = code === "24" ? "0" : randomDigits(8);
    txn.payDate = gmt7(new Date());
    const p = txn.params;
    const result: Record<string, string> = {
      vnp_Amount: p.vnp_Amount!,
      vnp_BankCode: txn.bankCode,
      vnp_BankTranNo: code === "24" ? "" : `VNP${randomDigits(8)}`,
      vnp_CardType: "ATM",
      vnp_OrderInfo: p.vnp_OrderInfo ?? "",
      vnp_PayDate: txn.payDate,
      vnp_ResponseCode: code,
      vnp_TmnCode: p.vnp_TmnCode!,
      vnp_TransactionNo: txn.transactionNo,
      vnp_TransactionStatus: code === "00" ? "00" : "02",
      vnp_TxnRef: p.vnp_TxnRef!,
    };
    const query = `${vnpaySignedText(result)}&vnp_SecureHashType=HmacSHA512&vnp_SecureHash=${vnpaySign(result, config.vnpay.hashSecret)}`;
    // The IPN is the source of truth; VNPay retries it until the merchant answers 00 or 02.
    deliver(
      [
        {
          provider: "vnpay",
          url: `${config.appUrl}/api/vnpay/ipn?${query}`,
          method: "GET",
          ok: (status, text) => status === 200 && /"RspCode":"0[02]"/.test(text),
        },
      ],
      p.vnp_TxnRef,
    );
    res.redirect(303, `${p.vnp_ReturnUrl}${p.vnp_ReturnUrl!.includes("?") ? "&" : "?"}${query}`);
  });

  // querydr and refund share this endpoint; only refund is spoken here (JSON in, JSON out).
  r.post("/merchant_webapi/api/transaction", express.json({ limit: "16kb" }), (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (body.vnp_Command !== "refund") return res.json({ vnp_ResponseCode: "03", vnp_Message: "Only refund in this sandbox" });
    res.json(refund(body));
  });
  return r;
}
