// Our VietQR payloads read by code we did not write: `vietnam-qr-pay` (npm, MIT,
// github.com/xuannghia/vietnam-qr-pay) decodes what we encode, and we parse what it encodes.
// Both sides implement the NAPAS format independently; a disagreement on the bank BIN, the
// account, the amount, the memo or the CRC fails here.
import fc from "fast-check";
import { QRPay } from "vietnam-qr-pay";
import { describe, expect, it } from "vitest";
import { crc16, encodeVietQr, parseVietQr } from "~/payments/vietqr";
import { paymentCodeFor } from "~/payments/payment-code";
import { orderQrPayload } from "~/payments/vietqr-transfer";

const bin = fc.stringMatching(/^9704\d{2}$/);
const account = fc.stringMatching(/^[0-9A-Z]{6,19}$/);
const amount = fc.integer({ min: 1, max: 9_999_999_999_999 });
// Memos as a shopper's bank app would carry them: printable ASCII, 1-25 characters, not only spaces.
const memo = fc.stringMatching(/^[A-Za-z0-9][ A-Za-z0-9.\-]{0,24}$/);

function theirs(payload: string) {
  const q = new QRPay(payload);
  return {
    isValid: q.isValid,
    provider: q.provider.name,
    service: q.provider.service,
    bin: q.consumer.bankBin,
    accountNumber: q.consumer.bankNumber,
    amount: q.amount,
    purpose: q.additionalData.purpose,
    crc: q.crc,
  };
}

describe("our VietQR payloads decoded by vietnam-qr-pay", () => {
  it("an order's QR: bank BIN, account, amount, memo and CRC all equal", () => {
    const payload = orderQrPayload({ id: 1234, total: 150_000, bin: "970436", accountNumber: "0071000123456" });
    expect(theirs(payload)).toEqual({
      isValid: true,
      provider: "VIETQR",
      service: "QRIBFTTA",
      bin: "970436",
      accountNumber: "0071000123456",
      amount: "150000",
      purpose: "OC12344", // 1234 and its Luhn check digit
      crc: payload.slice(-4),
    });
    expect(QRPay.genCRCCode(payload.slice(0, -4))).toBe(payload.slice(-4));
  });

  it("any order QR we draw decodes to the same fields", () => {
    fc.assert(
      fc.property(bin, account, amount, fc.integer({ min: 1, max: 999_999_999_999 }), (b, acc, total, id) => {
        const payload = orderQrPayload({ id, total, bin: b, accountNumber: acc });
        const read = theirs(payload);
        expect(read).toEqual({ isValid: true, provider: "VIETQR", service: "QRIBFTTA", bin: b, accountNumber: acc, amount: String(total), purpose: paymentCodeFor(id), crc: payload.slice(-4) });
      }),
      { numRuns: 300 },
    );
  });

  it("static and card payloads too", () => {
    fc.assert(
      fc.property(bin, account, fc.option(amount, { nil: undefined }), fc.option(memo, { nil: undefined }), fc.boolean(), (b, acc, total, purpose, card) => {
        const payload = encodeVietQr({ bin: b, accountNumber: acc, amount: total, purpose, service: card ? "card" : "account" });
        const read = theirs(payload);
        expect(read.isValid).toBe(true);
        expect(read.service).toBe(card ? "QRIBFTTC" : "QRIBFTTA");
        expect([read.bin, read.accountNumber, read.amount, read.purpose]).toEqual([b, acc, total === undefined ? undefined : String(total), purpose]);
      }),
      { numRuns: 300 },
    );
  });

  it("both refuse a payload with one character changed (the CRC no longer matches)", () => {
    const payload = orderQrPayload({ id: 1234, total: 150_000, bin: "970436", accountNumber: "0071000123456" });
    const tampered = payload.replace("54061500005802", "54061600005802");
    expect(tampered).not.toBe(payload);
    expect(new QRPay(tampered).isValid).toBe(false);
    expect(() => parseVietQr(tampered)).toThrow(/CRC/);
  });
});

describe("payloads built by vietnam-qr-pay parsed by ours", () => {
  it("equal fields, and byte for byte the payload we would build", () => {
    fc.assert(
      fc.property(bin, account, fc.option(amount, { nil: undefined }), fc.option(memo, { nil: undefined }), (b, acc, total, purpose) => {
        const payload = QRPay.initVietQR({ bankBin: b, bankNumber: acc, amount: total === undefined ? undefined : String(total), purpose }).build();
        const parsed = parseVietQr(payload);
        expect(parsed).toEqual({ bin: b, accountNumber: acc, service: "account", ...(total === undefined ? {} : { amount: total }), ...(purpose === undefined ? {} : { purpose }) });
        expect(encodeVietQr({ bin: b, accountNumber: acc, amount: total, purpose })).toBe(payload);
        expect(crc16(payload.slice(0, -4))).toBe(QRPay.genCRCCode(payload.slice(0, -4)));
      }),
      { numRuns: 300 },
    );
  });

  it("its README's worked examples", () => {
    expect(parseVietQr("00020101021138530010A0000007270123000697041601092576788590208QRIBFTTA53037045802VN6304AE9F")).toEqual({
      bin: "970416",
      accountNumber: "257678859",
      service: "account",
    });
    expect(parseVietQr("00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA53037045405100005802VN62150811Chuyen tien630453E6")).toEqual({
      bin: "970416",
      accountNumber: "257678859",
      service: "account",
      amount: 10000,
      purpose: "Chuyen tien",
    });
  });
});
