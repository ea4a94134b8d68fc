// A "bank": a page (and a JSON endpoint for tests) where a VietQR payload is "scanned" and
// paid; the receiving bank then posts a transfer notification signed with HMAC-SHA256 over
// the raw body (X-Signature). The amount can be changed to test short or excess transfers.
import express, { type Router } from "express";
import { config, deliver, escapeHtml, formatVnd, page, randomDigits } from "./common";
import { scanVietQr } from "./emv-qr";
import { bankSign } from "./signing";

type Transfer = { id: string; bin: string; accountNumber: string; amount: number; description: string; transactionTime: string };

function transferFrom(payload: string, amountOverride: number | null): Transfer {
  const qr = scanVietQr(payload);
  const amount = amountOverride ?? qr.amount;
  if (!amount || amount <= 0) throw new Error("Nhập số tiền (mã QR tĩnh không có số tiền).");
  const day = new Date(Date.now() + 7 * 3600_000).toISOString().slice(2, 10).replace(/-/g, "");
  return {
    id: `FT${day}${randomDigits(8)}`,
    bin: qr.bin,
    accountNumber: qr.accountNumber,
    amount,
    // Banks put the payer's purpose in the memo, often with their own words around it.
    description: `${qr.purpose ?? ""} CHUYEN TIEN`.trim(),
    transactionTime: new Date().toISOString(),
  };
}

function notify(t: Transfer): void {
  const body = JSON.stringify(t);
  const signature = bankSign(body, config.bank.webhookSecret);
  deliver([
    {
      provider: "bank",
      url: `${config.appUrl}/api/vietqr/bank`,
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Signature": signature },
      body,
      ok: (status) => status === 200,
    },
  ]);
}

const form = (error = "", payload = "") =>
  page(
    "Ngân hàng (sandbox)",
    "Ngân hàng sandbox · VietQR",
    "#1b6e3a",
    `${error ? `<p class=error>${escapeHtml(error)}</p>` : ""}
<form method=post action="/bank">
<label for=payload>Mã VietQR (dán nội dung mã đã quét)</label><textarea id=payload name=payload rows=5 required>${escapeHtml(payload)}</textarea>
<label for=amount>Số tiền chuyển (để trống: đúng số tiền trong mã)</label><input id=amount name=amount inputmode=numeric>
<button>Chuyển khoản</button></form>`,
  );

export function bankRoutes(): Router {
  const r = express.Router();
  r.get("/bank", (_req, res) => res.send(form()));
  r.post("/bank", express.urlencoded({ extended: false }), (req, res) => {
    const payload = String(req.body.payload ?? "");
    const raw = String(req.body.amount ?? "").replace(/\D/g, "");
    try {
      const t = transferFrom(payload, raw ? Number(raw) : null);
      notify(t);
      res.send(
        page(
          "Đã chuyển khoản",
          "Ngân hàng sandbox · VietQR",
          "#1b6e3a",
          `<p>Đã chuyển <strong>${formatVnd(t.amount)}</strong> đến tài khoản ${escapeHtml(t.accountNumber)} (BIN ${t.bin}).</p>
<dl><dt>Mã giao dịch</dt><dd data-testid=transfer-id>${t.id}</dd><dt>Nội dung</dt><dd>${escapeHtml(t.description)}</dd></dl>
<p class=muted>Ngân hàng đã gửi thông báo biến động số dư cho người nhận.</p><p><a href="/bank">Chuyển khoản khác</a></p>`,
        ),
      );
    } catch (error) {
      res.status(400).send(form(`Mã không hợp lệ: ${(error as Error).message}`, payload));
    }
  });
  r.post("/bank/transfer", express.json(), (req, res) => {
    try {
      const amount = req.body?.amount === undefined ? null : Number(req.body.amount);
      const t = transferFrom(String(req.body?.payload ?? ""), amount);
      notify(t);
      res.json(t);
    } catch (error) {
      res.status(400).json({ error: (error as Error).message });
    }
  });
  return r;
}
