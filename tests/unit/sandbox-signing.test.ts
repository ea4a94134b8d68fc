// The payment sandbox's own signing and QR reading (scripts/payment-sandbox/), pinned to vectors
// published by others or computed independently (Python's hmac/urllib), never to the app's code.
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { crc16Ccitt, scanVietQr } from "../../scripts/payment-sandbox/emv-qr";
import {
  MOMO_FIELDS,
  VNPAY_REFUND_REQUEST_ORDER,
  momoSign,
  sameHex,
  stripeSignatureHeader,
  vnpayPipeSign,
  vnpaySign,
  vnpayVerify,
} from "../../scripts/payment-sandbox/signing";

describe("VNPay, as the sandbox signs it", () => {
  // Published: the IPN/return fixture of github.com/lehuygiang28/vnpay (test/__helpers__/test-fixtures.ts,
  // DEFAULT_RETURN_QUERY_INPUT, secret "test_secret"), a widely used TypeScript VNPay library.
  const IPN = {
    vnp_Amount: "1000000",
    vnp_BankCode: "NCB",
    vnp_BankTranNo: "VNP14422574",
    vnp_CardType: "ATM",
    vnp_OrderInfo: "Thanh toan don hang 2024-05-21T02:17:31.249Z",
    vnp_PayDate: "20240521091806",
    vnp_ResponseCode: "00",
    vnp_TmnCode: "TEST_TMN_CODE",
    vnp_TransactionNo: "14422574",
    vnp_TransactionStatus: "00",
    vnp_TxnRef: "1716257871703",
    vnp_SecureHash: "649982421beb422556a1374713c74e58e716ecbd05007c0c0e1f7effdfaf361dbf146889ca446139afe11b9954c4d5c486e99e3b86fcfab6957f29eb0be72895",
  };

  it("verifies the published IPN fixture and refuses any change", () => {
    expect(vnpayVerify(IPN, "test_secret")).toBe(true);
    expect(vnpayVerify({ ...IPN, vnp_Amount: "1000100" }, "test_secret")).toBe(false);
    expect(vnpayVerify({ ...IPN, vnp_SecureHash: "ẞ".repeat(64) }, "test_secret")).toBe(false);
  });

  it("signs a pay request like the independently computed vector", () => {
    const params = {
      vnp_Version: "2.1.0",
      vnp_Command: "pay",
      vnp_TmnCode: "DEMOV210",
      vnp_Amount: "18000000",
      vnp_CurrCode: "VND",
      vnp_TxnRef: "CK2611220000123",
      vnp_OrderInfo: "Thanh toan don hang CK2611220000123",
      vnp_OrderType: "other",
      vnp_Locale: "vn",
      vnp_ReturnUrl: "https://ocop.example.vn/don-hang/CK2611220000123",
      vnp_IpAddr: "203.113.0.9",
      vnp_CreateDate: "20261122103000",
      vnp_ExpireDate: "20261122104500",
    };
    expect(vnpaySign(params, "RAOEXHYVSDDIIENYWSLDIIZTANXUXZFJ")).toBe(
      "02d0e2482df34e8b0acf55ebb65e677b76bf1070d0f030ca58f9c097cabf8d1eaa614fc64fa306ab492aa3130b7cd5b3478510aa8f24521e0a8d37328be0e085",
    );
  });

  it("signs a refund over VNPay's pipe-joined field order (computed with Python's hmac)", () => {
    const refund = {
      vnp_RequestId: "REFUND123456",
      vnp_Version: "2.1.0",
      vnp_Command: "refund",
      vnp_TmnCode: "TEST_TMN_CODE",
      vnp_TransactionType: "02",
      vnp_TxnRef: "TXN123456789",
      vnp_Amount: 1000000,
      vnp_TransactionNo: "14422574",
      vnp_TransactionDate: "20231221103000",
      vnp_CreateBy: "merchant_user",
      vnp_CreateDate: "20231221103000",
      vnp_IpAddr: "127.0.0.1",
      vnp_OrderInfo: "Test refund order",
    };
    expect(vnpayPipeSign(VNPAY_REFUND_REQUEST_ORDER, refund, "test_secret")).toBe(
      "1b0d3f82bc64cda12af250a284e72895b965ad745fef5a5b4f2b0ab50142e0089598fd9fd28e73d1c4ede96932996c3b08b4e9ab8a02fa5e88ecc555afba9a33",
    );
  });
});

describe("MoMo, Stripe and the bank, as the sandbox signs them", () => {
  // MoMo's public test credentials (partnerCode MOMO, accessKey F8BBA842ECF85, secretKey
  // K951B6PE1waDMi640xX08PD3vg6EkVlz, from MoMo's sample code github.com/momo-wallet/payment). MoMo
  // publishes no example signature: these were computed with Python's hmac.
  const SECRET = "K951B6PE1waDMi640xX08PD3vg6EkVlz";
  it("signs a MoMo create and a refund over their documented fields", () => {
    const create = {
      partnerCode: "MOMO",
      accessKey: "F8BBA842ECF85",
      requestId: "CK2611220000123-1",
      amount: 50000,
      orderId: "CK2611220000123",
      orderInfo: "Thanh toan don hang CK2611220000123",
      redirectUrl: "https://ocop.example.vn/don-hang/CK2611220000123",
      ipnUrl: "https://ocop.example.vn/api/momo/ipn",
      requestType: "captureWallet",
      extraData: "",
    };
    expect(momoSign(MOMO_FIELDS.create, create, SECRET)).toBe("6b303b9e0cb8fb790ff5486c67985851a3777fa62bb2629c1195bda7ba69f637");
    const refund = {
      accessKey: "F8BBA842ECF85",
      amount: 10000,
      description: "Hoan tien don OC2611220000123",
      orderId: "OC2611220000123-R1",
      partnerCode: "MOMO",
      requestId: "OC2611220000123-R1-a",
      transId: 3100000001,
    };
    expect(momoSign(MOMO_FIELDS.refund, refund, SECRET)).toBe("7a1627b6a00cff0ffc7dfc75e8455cadc249870bc967f65b067705b129df2ce1");
  });

  it("writes the Stripe-Signature header exactly as stripe-node's own test helper does", () => {
    const stripe = new Stripe("sk_test_x");
    const payload = JSON.stringify({ id: "evt_1", object: "event" });
    const timestamp = 1_795_300_000;
    expect(stripeSignatureHeader(payload, "whsec_test", timestamp)).toBe(stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_test", timestamp }));
  });

  it("compares signatures of any byte length safely (SePay's own vector: tests/unit/sepay-contracts.test.ts)", () => {
    expect(sameHex("é".repeat(32), "a".repeat(64))).toBe(false);
    expect(sameHex("ABCD", "abcd")).toBe(true);
  });
});

describe("VietQR, as the sandbox bank reads it", () => {
  // The worked examples of the NAPAS specification (DOMAIN.md).
  const DYNAMIC =
    "00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA530370454061800005802VN62340107NPS68690819thanh toan don hang63042E2E";
  it("checks the CRC and reads the account, amount and purpose", () => {
    expect(crc16Ccitt("123456789")).toBe("29B1");
    expect(scanVietQr(DYNAMIC)).toEqual({ bin: "970403", accountNumber: "0011012345678", amount: 180000, purpose: "thanh toan don hang" });
    expect(() => scanVietQr(DYNAMIC.replace("180000", "190000"))).toThrow(/CRC/);
  });
});
