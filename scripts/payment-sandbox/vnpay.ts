// A VNPay 2.1.0 slice: the pay page checks the merchant's vnp_SecureHash (HMAC-SHA512) and
// the parameters; paying sends the signed IPN (GET) to the merchant and then the shopper back
// to vnp_ReturnUrl with the same signed parameters.
import express, { type Router } from "express";
import { signVnpay, verifyVnpay, vnpayDate, vnpayQuery } from "../../app/payments/vnpay";
import { config, deliver, escapeHtml, formatVnd, page, randomDigits } from "./common";

type Txn = { params: Record<string, string>; result: string | null };
const txns = new Map<string, Txn>();

const fail = (res: express.Response, code: string, message: string) =>
  res.status(400).send(page("VNPay", "VNPAY", "#005baa", `<p class=error>Lỗi ${code}: ${escapeHtml(message)}</p>`));

export function vnpayRoutes(): Router {
  const r = express.Router();

  r.get("/paymentv2/vpcpay.html", (req, res) => {
    const params = Object.fromEntries(Object.entries(req.query).map(([k, v]) => [k, String(v)]));
    if (params.vnp_TmnCode !== config.vnpay.tmnCode) return fail(res, "02", "Merchant không tồn tại (vnp_TmnCode)");
    if (!verifyVnpay(params, config.vnpay.hashSecret)) return fail(res, "97", "Sai chữ ký (vnp_SecureHash)");
    if (params.vnp_Version !== "2.1.0" || params.vnp_Command !== "pay" || params.vnp_CurrCode !== "VND") return fail(res, "03", "Dữ liệu gửi sang không đúng định dạng");
    if (!/^\d+00$/.test(params.vnp_Amount ?? "") || Number(params.vnp_Amount) < 500_000) return fail(res, "03", "Số tiền không hợp lệ (vnp_Amount = đồng × 100, tối thiểu 5.000 ₫)");
    if (!params.vnp_TxnRef || !params.vnp_ReturnUrl) return fail(res, "03", "Thiếu vnp_TxnRef hoặc vnp_ReturnUrl");
    if ((params.vnp_ExpireDate ?? "") < vnpayDate(new Date())) return fail(res, "11", "Giao dịch đã hết hạn chờ thanh toán");
    const existing = txns.get(params.vnp_TxnRef);
    if (existing?.result === "00") return fail(res, "02", "Giao dịch đã được thanh toán");
    txns.set(params.vnp_TxnRef, { params, result: null });
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
    const p = txn.params;
    const result: Record<string, string> = {
      vnp_Amount: p.vnp_Amount!,
      vnp_BankCode: String(req.body.bank ?? "NCB"),
      vnp_BankTranNo: code === "24" ? "" : `VNP${randomDigits(8)}`,
      vnp_CardType: "ATM",
      vnp_OrderInfo: p.vnp_OrderInfo ?? "",
      vnp_PayDate: vnpayDate(new Date()),
      vnp_ResponseCode: code,
      vnp_TmnCode: p.vnp_TmnCode!,
      vnp_TransactionNo: code === "24" ? "0" : randomDigits(8),
      vnp_TransactionStatus: code === "00" ? "00" : "02",
      vnp_TxnRef: p.vnp_TxnRef!,
    };
    const query = `${vnpayQuery(result)}&vnp_SecureHashType=HmacSHA512&vnp_SecureHash=${signVnpay(result, config.vnpay.hashSecret)}`;
    // The IPN is the source of truth; VNPay retries it until the merchant answers 00 or 02.
    deliver([
      {
        provider: "vnpay",
        url: `${config.appUrl}/api/vnpay/ipn?${query}`,
        method: "GET",
        ok: (status, text) => status === 200 && /"RspCode":"0[02]"/.test(text),
      },
    ], p.vnp_TxnRef);
    res.redirect(303, `${p.vnp_ReturnUrl}${p.vnp_ReturnUrl!.includes("?") ? "&" : "?"}${query}`);
  });
  return r;
}
