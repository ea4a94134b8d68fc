// SePay's documented messages (tests/contracts/sepay/) against their schemas, through the app's
// adapter (app/payments/sepay.ts), and what the sandbox's SePay sends and answers checked against
// the same schemas: adapter and sandbox both follow SePay's documents, not each other.
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sepay, sepaySignature, transferFromApi, SepayApiTransactionSchema } from "~/payments/sepay";
import { createSandboxApp } from "../../scripts/payment-sandbox/app";
import { sepaySign } from "../../scripts/payment-sandbox/signing";
import { DOCUMENTED_LIST, TransactionList } from "../contracts/sepay/transactions";
import { DOCUMENTED_WEBHOOKS, WebhookAnswer, WebhookBody, WebhookRefusal } from "../contracts/sepay/webhooks";

const raw = (body: string, headers: Record<string, string>) => ({ body, headers: new Headers(headers), query: new URLSearchParams() });
// Computed with Python's hmac over "1679727757." + the older documented body, compact JSON, secret "sepay-contract-secret".
const VECTOR = "sha256=2892aca4b3bf226912db9daef6890d0a45a43dcb723528a38845df43fe47779c";
const T = 1_679_727_757;

describe("SePay webhooks, from its documents", () => {
  it("the documented notifications match the contract and read as transfers (Vietnam time to UTC, code kept)", () => {
    for (const example of DOCUMENTED_WEBHOOKS) expect(WebhookBody.safeParse(example).success).toBe(true);
    expect(sepay.parse(JSON.stringify(DOCUMENTED_WEBHOOKS[0]))).toEqual({
      provider: "sepay",
      transferId: "92704",
      reference: "FT24012345678",
      amount: 5_000_000,
      accountNumber: "1017588888",
      memo: "SEVN63DC8E5C chuyen tien",
      code: "SEVN63DC8E5C",
      at: "2024-07-02T04:08:33.000Z",
      direction: "in",
    });
    expect(sepay.parse(JSON.stringify(DOCUMENTED_WEBHOOKS[1]))).toMatchObject({ code: null, reference: "MBVCB.3278907687", at: "2023-03-25T07:02:37.000Z" });
  });

  it("signs '<timestamp>.<raw body>' with HMAC-SHA256, hex, prefixed sha256= (app and sandbox agree with the vector)", () => {
    const body = JSON.stringify(DOCUMENTED_WEBHOOKS[1]);
    expect(sepaySignature(body, String(T), "sepay-contract-secret")).toBe(VECTOR);
    expect(sepaySign(body, T, "sepay-contract-secret")).toBe(VECTOR);
  });

  it("accepts the signature within 5 minutes and refuses a drift beyond, a changed body or another secret", () => {
    const body = JSON.stringify(DOCUMENTED_WEBHOOKS[1]);
    const link = { authMode: "hmac" as const, secret: "sepay-contract-secret" };
    const headers = { "X-SePay-Timestamp": String(T), "X-SePay-Signature": VECTOR };
    expect(sepay.authenticate(raw(body, headers), link, new Date((T + 300) * 1000))).toEqual({ ok: true });
    expect(sepay.authenticate(raw(body, headers), link, new Date((T - 300) * 1000))).toEqual({ ok: true });
    expect(sepay.authenticate(raw(body, headers), link, new Date((T + 301) * 1000)).ok).toBe(false);
    expect(sepay.authenticate(raw(body.replace("2277000", "2277001"), headers), link, new Date(T * 1000)).ok).toBe(false);
    expect(sepay.authenticate(raw(body, headers), { ...link, secret: "another-secret-key" }, new Date(T * 1000)).ok).toBe(false);
    expect(sepay.authenticate(raw(body, { "X-SePay-Signature": VECTOR }), link, new Date(T * 1000)).ok).toBe(false);
  });

  it("accepts 'Authorization: Apikey <key>' and nothing else in API Key mode", () => {
    const link = { authMode: "apikey" as const, secret: "ocop-sepay-api-key-0001" };
    const now = new Date();
    expect(sepay.authenticate(raw("{}", { Authorization: "Apikey ocop-sepay-api-key-0001" }), link, now)).toEqual({ ok: true });
    expect(sepay.authenticate(raw("{}", { Authorization: "Bearer ocop-sepay-api-key-0001" }), link, now).ok).toBe(false);
    expect(sepay.authenticate(raw("{}", { Authorization: "Apikey ocop-sepay-api-key-0002" }), link, now).ok).toBe(false);
    expect(sepay.authenticate(raw("{}", {}), link, now).ok).toBe(false);
  });

  it("answers exactly as SePay expects: 200 {\"success\": true}; a refusal is 401 with success false", async () => {
    const ok = sepay.answer("ok");
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('{"success":true}');
    expect(WebhookAnswer.safeParse(await sepay.answer("ok").json()).success).toBe(true);
    const refused = sepay.answer("unauthorized", "Chữ ký không đúng");
    expect(refused.status).toBe(401);
    expect(WebhookRefusal.safeParse(await refused.json()).success).toBe(true);
  });

  it("reads the documented transactions list (decimal strings in whole đồng, same id as the webhook's)", () => {
    expect(TransactionList.safeParse(DOCUMENTED_LIST).success).toBe(true);
    const t = transferFromApi(SepayApiTransactionSchema.parse(DOCUMENTED_LIST.transactions[0]));
    expect(t).toMatchObject({ transferId: "49682", amount: 18_067_000, accountNumber: "0071000888888", reference: "677760.050523.080001", direction: "in", at: "2023-05-05T12:59:48.000Z" });
  });
});

describe("the sandbox's SePay, against the same contract", () => {
  let sandbox: Server;
  let receiver: Server;
  let sandboxUrl = "";
  let receiverUrl = "";
  const received: { headers: Record<string, string>; body: string }[] = [];
  beforeAll(async () => {
    sandbox = createSandboxApp().listen(0, "127.0.0.1");
    receiver = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        received.push({ headers: req.headers as Record<string, string>, body });
        res.writeHead(200, { "Content-Type": "application/json" }).end('{"success":true}');
      });
    }).listen(0, "127.0.0.1");
    await Promise.all([sandbox, receiver].map((s) => new Promise<void>((r) => (s.listening ? r() : s.once("listening", r)))));
    sandboxUrl = `http://127.0.0.1:${(sandbox.address() as { port: number }).port}`;
    receiverUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await Promise.all([sandbox, receiver].map((s) => new Promise<void>((r) => s.close(() => r()))));
  });
  const post = (path: string, body: unknown) => fetch(`${sandboxUrl}${path}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) }).then((r) => r.json());

  it("posts a signed notification in SePay's format and lists it through the transactions API with the same id", async () => {
    await post("/__sandbox/reset", {});
    await post("/__sandbox/sepay/webhooks", { url: receiverUrl, accountNumbers: ["0071000123456"], auth: "hmac", secret: "sandbox-contract-secret", apiToken: "TOKEN-CONTRACT" });
    await post("/__sandbox/sepay/paycode", { prefix: "OC", suffixFrom: 2, suffixTo: 13 });
    const booked = (await post("/__sandbox/sepay/transactions", { accountNumber: "0071000123456", amount: 130_000, content: "MBVCB.1.OC12344.CT tu 0071000 toi" })) as { id: number };
    await expect.poll(() => received.length).toBe(1);
    const { headers, body } = received[0]!;
    expect(WebhookBody.safeParse(JSON.parse(body)).success).toBe(true);
    expect(sepay.authenticate(raw(body, headers), { authMode: "hmac", secret: "sandbox-contract-secret" }, new Date()).ok).toBe(true);
    expect(sepay.parse(body)).toMatchObject({ transferId: String(booked.id), code: "OC12344", amount: 130_000 });

    const listed = await sepay.listTransfers({ apiUrl: sandboxUrl, apiToken: "TOKEN-CONTRACT", accountNumber: "0071000123456", since: new Date(Date.now() - 3600_000) });
    expect(listed).toMatchObject({ ok: true, transfers: [{ transferId: String(booked.id), amount: 130_000, code: "OC12344" }] });
    const answer = await fetch(`${sandboxUrl}/userapi/transactions/list`, { headers: { Authorization: "Bearer TOKEN-CONTRACT" } }).then((r) => r.json());
    expect(TransactionList.safeParse(answer).success).toBe(true);
    expect((await sepay.listTransfers({ apiUrl: sandboxUrl, apiToken: "WRONG", accountNumber: "0071000123456", since: new Date(0) })).ok).toBe(false);
  });
});
