// A "bank": a page (and a JSON endpoint for tests) where a VietQR payload is "scanned" and paid.
// The transfer is booked into the receiving account at the SePay stand-in (./sepay.ts), which
// notifies the producer's webhook as SePay does. The memo is mangled as banks do (upper-cased,
// the bank's own words around the purpose); the amount can be changed to test short or excess
// transfers.
import express, { type Router } from "express";
import { escapeHtml, formatVnd, page, randomDigits } from "./common";
import { scanVietQr } from "./emv-qr";
import { bookTransaction, type SepayTransaction } from "./sepay";

function transfer(payload: string, amountOverride: number | null, memoOverride: string | null): SepayTransaction {
  const qr = scanVietQr(payload);
  const amount = amountOverride ?? qr.amount;
  if (!amount || amount <= 0 || !Number.isInteger(amount)) throw new Error("Nhập số tiền (mã QR tĩnh không có số tiền).");
  // What a Vietcombank app sends for a scanned QR: its own prefix, the purpose, the payer's words.
  const memo = memoOverride ?? `MBVCB.${randomDigits(10)}.${(qr.purpose ?? "").toUpperCase()}.CT tu 0071000${randomDigits(6)} NGUYEN VAN AN toi ${qr.accountNumber}`;
  return bookTransaction({ accountNumber: qr.accountNumber, amount, content: memo });
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
      const t = transfer(payload, raw ? Number(raw) : null, null);
      res.send(
        page(
          "Đã chuyển khoản",
          "Ngân hàng sandbox · VietQR",
          "#1b6e3a",
          `<p>Đã chuyển <strong>${formatVnd(t.transferAmount)}</strong> đến tài khoản ${escapeHtml(t.accountNumber)}.</p>
<dl><dt>Mã giao dịch</dt><dd data-testid=transfer-id>${t.id}</dd><dt>Mã tham chiếu</dt><dd>${escapeHtml(t.referenceCode)}</dd><dt>Nội dung</dt><dd>${escapeHtml(t.content)}</dd></dl>
<p class=muted>SePay đã gửi thông báo giao dịch đến webhook của người nhận (nếu đã cấu hình).</p><p><a href="/bank">Chuyển khoản khác</a></p>`,
        ),
      );
    } catch (error) {
      res.status(400).send(form(`Mã không hợp lệ: ${(error as Error).message}`, payload));
    }
  });
  // {payload, amount?, memo?} → the SePay transaction booked (and notified).
  r.post("/bank/transfer", express.json(), (req, res) => {
    try {
      const amount = req.body?.amount === undefined ? null : Number(req.body.amount);
      const memo = typeof req.body?.memo === "string" ? req.body.memo : null;
      res.json(transfer(String(req.body?.payload ?? ""), amount, memo));
    } catch (error) {
      res.status(400).json({ error: (error as Error).message });
    }
  });
  return r;
}
