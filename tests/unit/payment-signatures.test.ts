import { describe, expect, it } from "vitest";
import { signMomoCreate, signMomoIpn } from "~/payments/momo";
import { signVnpay, verifyVnpay, vnpayDate, vnpayQuery } from "~/payments/vnpay";

// Expected values computed independently (Python: urllib.parse.quote_plus over sorted keys, hmac).
const PARAMS = {
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
const SECRET = "RAOEXHYVSDDIIENYWSLDIIZTANXUXZFJ";
const HASH = "02d0e2482df34e8b0acf55ebb65e677b76bf1070d0f030ca58f9c097cabf8d1eaa614fc64fa306ab492aa3130b7cd5b3478510aa8f24521e0a8d37328be0e085";

describe("VNPay 2.1.0 signatures", () => {
  it("signs the sorted, encoded parameters with HMAC-SHA512 (spaces as +)", () => {
    expect(vnpayQuery(PARAMS)).toBe(
      "vnp_Amount=18000000&vnp_Command=pay&vnp_CreateDate=20261122103000&vnp_CurrCode=VND&vnp_ExpireDate=20261122104500&vnp_IpAddr=203.113.0.9&vnp_Locale=vn&vnp_OrderInfo=Thanh+toan+don+hang+CK2611220000123&vnp_OrderType=other&vnp_ReturnUrl=https%3A%2F%2Focop.example.vn%2Fdon-hang%2FCK2611220000123&vnp_TmnCode=DEMOV210&vnp_TxnRef=CK2611220000123&vnp_Version=2.1.0",
    );
    expect(signVnpay(PARAMS, SECRET)).toBe(HASH);
  });

  it("verifies a return/IPN by re-signing without the hash fields, in any case, and rejects any change", () => {
    const signed = { ...PARAMS, vnp_SecureHashType: "HmacSHA512", vnp_SecureHash: HASH.toUpperCase() };
    expect(verifyVnpay(signed, SECRET)).toBe(true);
    expect(verifyVnpay({ ...signed, vnp_Amount: "18000100" }, SECRET)).toBe(false);
    expect(verifyVnpay(signed, "ANOTHERSECRET")).toBe(false);
    expect(verifyVnpay({ ...PARAMS }, SECRET)).toBe(false);
  });

  it("verifies the IPN fixture published by github.com/lehuygiang28/vnpay (secret test_secret)", () => {
    const ipn = {
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
    expect(verifyVnpay(ipn, "test_secret")).toBe(true);
  });

  it("refuses a forged signature of another byte length instead of throwing", () => {
    const forged = { ...PARAMS, vnp_SecureHash: "é".repeat(HASH.length) };
    expect(() => verifyVnpay(forged, SECRET)).not.toThrow();
    expect(verifyVnpay(forged, SECRET)).toBe(false);
  });

  it("encodes as PHP's urlencode in VNPay's reference code: !'()*~ percent-encoded", () => {
    expect(vnpayQuery({ vnp_OrderInfo: "Don (x) it's *new*~!" })).toBe("vnp_OrderInfo=Don+%28x%29+it%27s+%2Anew%2A%7E%21");
  });

  it("writes dates as yyyyMMddHHmmss in GMT+7", () => {
    expect(vnpayDate(new Date("2026-11-22T17:30:05Z"))).toBe("20261123003005");
  });
});

describe("MoMo signatures", () => {
  it("signs a MoMo create request over the documented field order", () => {
    const values = {
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
    expect(signMomoCreate(values, "K951B6PE1waDMi640xX08PD3vg6EkVlz")).toBe("6b303b9e0cb8fb790ff5486c67985851a3777fa62bb2629c1195bda7ba69f637");
    // The IPN signature covers other fields: a different string, a different signature.
    expect(signMomoIpn(values, "K951B6PE1waDMi640xX08PD3vg6EkVlz")).not.toBe(signMomoCreate(values, "K951B6PE1waDMi640xX08PD3vg6EkVlz"));
  });

});
