// Reading a VietQR payload as a bank app does (NAPAS "VietQR" on EMVCo MPM): TLV fields
// ID(2) LEN(2) VALUE, the last one "63" a CRC-16/CCITT-FALSE over everything before its value.
// The sandbox's own reader: the app's encoder is what it checks.

export type ScannedQr = { bin: string; accountNumber: string; amount: number | null; purpose: string | null };

export function crc16Ccitt(text: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(text, "utf8")) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = (crc & 0x8000 ? (crc << 1) ^ 0x1021 : crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, "0");
}

function fields(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let i = 0;
  while (i < text.length) {
    const id = text.slice(i, i + 2);
    const len = Number(text.slice(i + 2, i + 4));
    if (!/^\d{2}$/.test(id) || !/^\d{2}$/.test(text.slice(i + 2, i + 4)) || i + 4 + len > text.length) throw new Error(`bad field at ${i}`);
    out.set(id, text.slice(i + 4, i + 4 + len));
    i += 4 + len;
  }
  return out;
}

export function scanVietQr(payload: string): ScannedQr {
  const text = payload.trim();
  if (!/6304[0-9A-Fa-f]{4}$/.test(text)) throw new Error("thiếu mã kiểm tra CRC (63)");
  if (crc16Ccitt(text.slice(0, -4)) !== text.slice(-4).toUpperCase()) throw new Error("sai mã kiểm tra CRC");
  const top = fields(text);
  if (top.get("00") !== "01") throw new Error("không phải mã EMV (00 phải là 01)");
  if (top.get("53") !== "704") throw new Error("tiền tệ không phải VND (53 phải là 704)");
  const merchant = fields(top.get("38") ?? "");
  if (merchant.get("00") !== "A000000727") throw new Error("không phải VietQR (thiếu GUID NAPAS)");
  const beneficiary = fields(merchant.get("01") ?? "");
  const bin = beneficiary.get("00") ?? "";
  const accountNumber = beneficiary.get("01") ?? "";
  if (!/^\d{6}$/.test(bin) || !accountNumber) throw new Error("thiếu BIN ngân hàng hoặc số tài khoản");
  const amountText = top.get("54");
  const amount = amountText === undefined ? null : Number(amountText);
  if (amount !== null && !(Number.isInteger(amount) && amount > 0)) throw new Error("số tiền không hợp lệ");
  const extra = top.has("62") ? fields(top.get("62")!) : new Map<string, string>();
  return { bin, accountNumber, amount, purpose: extra.get("08") ?? null };
}
