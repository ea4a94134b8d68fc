import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { crc16, encodeVietQr, parseVietQr, toEmvText, type VietQrFields } from "~/payments/vietqr";

// The worked examples of the NAPAS specification (DOMAIN.md).
const DYNAMIC =
  "00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA530370454061800005802VN62340107NPS68690819thanh toan don hang63042E2E";
const STATIC_CARD = "00020101021138600010A00000072701300006970403011697040311012345670208QRIBFTTC53037045802VN63044F52";

describe("VietQR against the NAPAS examples", () => {
  it("computes the CRC-16/CCITT-FALSE check value", () => {
    expect(crc16("123456789")).toBe("29B1");
  });

  it("encodes the dynamic account example exactly", () => {
    expect(
      encodeVietQr({ bin: "970403", accountNumber: "0011012345678", amount: 180000, billNumber: "NPS6869", purpose: "thanh toan don hang" }),
    ).toBe(DYNAMIC);
  });

  it("encodes the static card example exactly", () => {
    expect(encodeVietQr({ bin: "970403", accountNumber: "9704031101234567", service: "card" })).toBe(STATIC_CARD);
  });

  it("parses both examples back", () => {
    expect(parseVietQr(DYNAMIC)).toEqual({
      bin: "970403",
      accountNumber: "0011012345678",
      amount: 180000,
      billNumber: "NPS6869",
      purpose: "thanh toan don hang",
      service: "account",
    });
    expect(parseVietQr(STATIC_CARD)).toEqual({ bin: "970403", accountNumber: "9704031101234567", service: "card" });
  });

  it("accepts a lowercase CRC and fields in another order", () => {
    expect(parseVietQr(DYNAMIC.slice(0, -4) + "2e2e").amount).toBe(180000);
    // 58 before 53, 54 last: same fields, new CRC.
    const body = "000201010212" + "38570010A00000072701270006970403011300110123456780208QRIBFTTA" + "5802VN" + "5303704" + "5406180000" + "6304";
    expect(parseVietQr(body + crc16(body))).toMatchObject({ amount: 180000, accountNumber: "0011012345678" });
  });

  it("rejects a bad CRC, a wrong length and missing fields", () => {
    expect(() => parseVietQr(DYNAMIC.slice(0, -4) + "2E2F")).toThrow(/CRC/);
    expect(() => parseVietQr(DYNAMIC.slice(0, -1))).toThrow();
    // The spec's own §6.1.1 mistake: an inner length that does not add up (re-CRC'd so only the length is wrong).
    const broken = DYNAMIC.slice(0, -8).replace("01270006", "01280006") + "6304";
    expect(() => parseVietQr(broken + crc16(broken))).toThrow(/field|length|shorter/i);
    const noCountry = STATIC_CARD.slice(0, -8).replace("5802VN", "") + "6304";
    expect(() => parseVietQr(noCountry + crc16(noCountry))).toThrow(/58|country/);
  });

  it("refuses to encode an amount of 0, a negative or fractional amount, or a long purpose", () => {
    const base = { bin: "970436", accountNumber: "1234567890" };
    expect(() => encodeVietQr({ ...base, amount: 0 })).toThrow(/amount/);
    expect(() => encodeVietQr({ ...base, amount: -5000 })).toThrow(/amount/);
    expect(() => encodeVietQr({ ...base, amount: 1500.5 })).toThrow(/amount/);
    expect(() => encodeVietQr({ ...base, purpose: "x".repeat(26) })).toThrow(/purpose/);
    expect(() => encodeVietQr({ ...base, purpose: "Thanh toán" })).toThrow(/ASCII/);
    expect(() => encodeVietQr({ ...base, bin: "97043" })).toThrow(/bin/);
  });

  it("folds Vietnamese into the EMV character set", () => {
    expect(toEmvText("Thanh toán đơn hàng Đặc sản")).toBe("Thanh toan don hang Dac san");
  });
});

const emvText = (max: number) =>
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: max });

const fieldsArb: fc.Arbitrary<VietQrFields> = fc.record(
  {
    bin: fc.stringMatching(/^\d{6}$/),
    accountNumber: fc.stringMatching(/^[0-9A-Za-z]{1,19}$/),
    amount: fc.integer({ min: 1, max: 9_999_999_999_999 }),
    purpose: emvText(25),
    billNumber: emvText(25),
    service: fc.constantFrom("account" as const, "card" as const),
  },
  { requiredKeys: ["bin", "accountNumber"] },
);

describe("VietQR properties", () => {
  it("parse(encode(x)) returns x", () => {
    fc.assert(
      fc.property(fieldsArb, (fields) => {
        expect(parseVietQr(encodeVietQr(fields))).toEqual({ service: "account", ...fields });
      }),
      { numRuns: 500 },
    );
  });

  it("any single changed character fails", () => {
    fc.assert(
      fc.property(fieldsArb, fc.nat(), fc.integer({ min: 0x20, max: 0x7e }), (fields, at, code) => {
        const payload = encodeVietQr(fields);
        const i = at % payload.length;
        const c = String.fromCharCode(code);
        // A different character; in the CRC digits a change of case only is the same CRC.
        fc.pre(c !== payload[i] && !(i >= payload.length - 4 && c.toUpperCase() === payload[i]!.toUpperCase()));
        const changed = payload.slice(0, i) + c + payload.slice(i + 1);
        expect(() => parseVietQr(changed)).toThrow();
      }),
      { numRuns: 1000 },
    );
  });
});
