// A SePay stand-in (developer.sepay.vn), written from SePay's documents, not from the app: it keeps
// a ledger of bank transactions for the accounts registered with it, posts each to the webhooks
// that cover its account in SePay's format and with SePay's authentication, and serves the
// transactions API. Registering a webhook here stands for the producer's steps on my.sepay.vn.
//
// Control endpoints (JSON):
//   POST /__sandbox/sepay/webhooks  {url, accountNumbers: string[], auth: "hmac"|"apikey", secret, apiToken?}
//        → {id}: SePay's "Thêm webhooks" (event: money in and out) plus an API token for the
//        transactions API that sees those accounts. Registering the same url again replaces it.
//   POST /__sandbox/sepay/paycode   {prefix: "OC", suffixFrom: 2, suffixTo: 13} | {off: true}
//        → "Cấu trúc mã thanh toán" (numbers only): when on, `code` is filled from the content.
//   POST /__sandbox/sepay/transactions {accountNumber, amount, content, transferType?: "in"|"out", send?: boolean}
//        → the transaction, booked now (and sent unless send is false: a webhook SePay never delivered).
//   POST /__sandbox/sepay/hold      {hold: boolean} → while on, notifications are kept, not sent.
//   POST /__sandbox/sepay/release   {reverse?: boolean} → sends the kept ones (reverse: newest first).
//   POST /__sandbox/sepay/resend    {id} → sends that transaction again (a duplicate, as SePay's manual replay).
//   POST /__sandbox/sepay/forge     {id, kind: "stale"|"bad-signature"|"wrong-key"} → sends it with broken authentication.
//   GET  /__sandbox/sepay/transactions → the ledger.
// The general switches (POST /__sandbox/behaviour: drop, twice, delayMs, with "match" on the
// transaction content, e.g. the order's payment code) apply to every notification too, and
// POST /__sandbox/reset clears the ledger, the webhooks and the switches.
//   GET /userapi/transactions/list (Authorization: Bearer <apiToken>) → SePay's API v1 answer.
import express, { type Router } from "express";
import { deliver } from "./common";
import { sepaySign } from "./signing";

export type SepayTransaction = {
  id: number;
  gateway: string;
  transactionDate: string;
  accountNumber: string;
  code: string | null;
  content: string;
  transferType: "in" | "out";
  transferAmount: number;
  accumulated: number;
  subAccount: string | null;
  referenceCode: string;
  description: string;
};
type Webhook = { id: number; url: string; accountNumbers: string[]; auth: "hmac" | "apikey"; secret: string; apiToken: string | null };
type Paycode = { prefix: string; suffixFrom: number; suffixTo: number } | null;

const ledger: SepayTransaction[] = [];
const webhooks: Webhook[] = [];
const held: { t: SepayTransaction; hook: Webhook }[] = [];
const balances = new Map<string, number>();
let paycode: Paycode = null;
let holding = false;
let nextId = 92_700;
let nextHook = 1;

export function resetSepay(): void {
  ledger.length = 0;
  webhooks.length = 0;
  held.length = 0;
  balances.clear();
  paycode = null;
  holding = false;
}

/** Vietnam time, as SePay writes it: "yyyy-MM-dd HH:mm:ss" (UTC+7, no offset). */
const vnTime = (at: Date) => new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 19).replace("T", " ");

/** SePay's payment-code recognition: the prefix then digits of the configured length, anywhere in the content. */
function recognise(content: string): string | null {
  if (!paycode) return null;
  const m = new RegExp(`${paycode.prefix}(\\d{${paycode.suffixFrom},${paycode.suffixTo}})(?!\\d)`, "i").exec(content);
  return m ? `${paycode.prefix}${m[1]}` : null;
}

function message(t: SepayTransaction, hook: Webhook, forge?: "stale" | "bad-signature" | "wrong-key") {
  const body = JSON.stringify(t);
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (hook.auth === "apikey") headers.Authorization = `Apikey ${forge === "wrong-key" ? `${hook.secret}x` : hook.secret}`;
  else {
    const ts = Math.floor(Date.now() / 1000) - (forge === "stale" ? 600 : 0);
    headers["X-SePay-Timestamp"] = String(ts);
    headers["X-SePay-Signature"] = sepaySign(body, ts, forge === "bad-signature" || forge === "wrong-key" ? `${hook.secret}x` : hook.secret);
  }
  // SePay counts any 2xx as delivered; a refusal is not retried by the sandbox when forged on purpose.
  return { provider: "sepay", url: hook.url, method: "POST" as const, headers, body, ok: (status: number) => (forge ? true : status >= 200 && status < 300) };
}

function send(t: SepayTransaction, options: { force?: boolean; forge?: "stale" | "bad-signature" | "wrong-key" } = {}): number {
  const hooks = webhooks.filter((h) => h.accountNumbers.includes(t.accountNumber));
  for (const hook of hooks) {
    if (holding && !options.force) held.push({ t, hook });
    else deliver([message(t, hook, options.forge)], t.content);
  }
  return hooks.length;
}

/** Books a transaction into an account and notifies its webhooks (unless told not to). */
export function bookTransaction(input: { accountNumber: string; amount: number; content: string; transferType?: "in" | "out"; send?: boolean; gateway?: string }): SepayTransaction {
  const type = input.transferType ?? "in";
  const balance = (balances.get(input.accountNumber) ?? 50_000_000) + (type === "in" ? input.amount : -input.amount);
  balances.set(input.accountNumber, balance);
  const id = nextId++;
  const content = input.content.slice(0, 500);
  const t: SepayTransaction = {
    id,
    gateway: input.gateway ?? "Vietcombank",
    transactionDate: vnTime(new Date()),
    accountNumber: input.accountNumber,
    code: recognise(content),
    content,
    transferType: type,
    transferAmount: input.amount,
    accumulated: balance,
    subAccount: null,
    referenceCode: `FT${String(Date.now()).slice(-8)}${id}`,
    description: `BankAPINotify ${content}`,
  };
  ledger.push(t);
  if (ledger.length > 5000) ledger.shift();
  if (input.send !== false) send(t);
  return t;
}

const bad = (res: express.Response, message: string) => res.status(400).json({ error: message });
const isAccount = (v: unknown): v is string => typeof v === "string" && /^[0-9A-Za-z]{1,30}$/.test(v);

/** SePay API v1's filters: dates "yyyy-mm-dd" or "yyyy-mm-dd HH:mm:ss", Vietnam time. */
function listed(q: Record<string, unknown>, accounts: Set<string>): SepayTransaction[] {
  const str = (k: string) => (typeof q[k] === "string" ? (q[k] as string) : undefined);
  const min = str("transaction_date_min");
  const max = str("transaction_date_max");
  const maxFull = max && max.length === 10 ? `${max} 23:59:59` : max;
  const limit = Math.min(Math.max(Number(str("limit") ?? 5000) || 5000, 1), 5000);
  return ledger
    .filter((t) => accounts.has(t.accountNumber))
    .filter((t) => !str("account_number") || t.accountNumber === str("account_number"))
    .filter((t) => !min || t.transactionDate >= min)
    .filter((t) => !maxFull || t.transactionDate <= maxFull)
    .filter((t) => !str("since_id") || t.id >= Number(str("since_id")))
    .filter((t) => !str("reference_number") || t.referenceCode === str("reference_number"))
    .filter((t) => !str("amount_in") || (t.transferType === "in" && t.transferAmount === Number(str("amount_in"))))
    .filter((t) => !str("amount_out") || (t.transferType === "out" && t.transferAmount === Number(str("amount_out"))))
    .reverse()
    .slice(0, limit);
}

const money = (n: number) => n.toFixed(2);

export function sepayRoutes(): Router {
  const r = express.Router();
  r.post("/__sandbox/sepay/webhooks", express.json(), (req, res) => {
    const b = req.body ?? {};
    if (typeof b.url !== "string" || !/^https?:\/\//.test(b.url)) return bad(res, "url");
    if (!Array.isArray(b.accountNumbers) || b.accountNumbers.length === 0 || !b.accountNumbers.every(isAccount)) return bad(res, "accountNumbers");
    if (b.auth !== "hmac" && b.auth !== "apikey") return bad(res, "auth");
    if (typeof b.secret !== "string" || b.secret.length < 8) return bad(res, "secret");
    const i = webhooks.findIndex((h) => h.url === b.url);
    const hook: Webhook = { id: i >= 0 ? webhooks[i]!.id : nextHook++, url: b.url, accountNumbers: b.accountNumbers, auth: b.auth, secret: b.secret, apiToken: typeof b.apiToken === "string" && b.apiToken ? b.apiToken : null };
    if (i >= 0) webhooks[i] = hook;
    else webhooks.push(hook);
    res.json({ id: hook.id });
  });
  r.post("/__sandbox/sepay/paycode", express.json(), (req, res) => {
    const b = req.body ?? {};
    if (b.off === true) paycode = null;
    else {
      const from = Number(b.suffixFrom ?? 2);
      const to = Number(b.suffixTo ?? 13);
      if (typeof b.prefix !== "string" || !/^[A-Za-z]{2,5}$/.test(b.prefix) || !(from >= 1 && to >= from && to <= 30)) return bad(res, "prefix 2–5 letters, 1 ≤ suffixFrom ≤ suffixTo ≤ 30");
      paycode = { prefix: b.prefix.toUpperCase(), suffixFrom: from, suffixTo: to };
    }
    res.json({ paycode });
  });
  r.get("/__sandbox/sepay/transactions", (_req, res) => res.json(ledger));
  r.post("/__sandbox/sepay/transactions", express.json(), (req, res) => {
    const b = req.body ?? {};
    if (!isAccount(b.accountNumber)) return bad(res, "accountNumber");
    if (!Number.isInteger(b.amount) || b.amount <= 0) return bad(res, "amount");
    if (typeof b.content !== "string") return bad(res, "content");
    if (b.transferType !== undefined && b.transferType !== "in" && b.transferType !== "out") return bad(res, "transferType");
    res.json(bookTransaction({ accountNumber: b.accountNumber, amount: b.amount, content: b.content, transferType: b.transferType, send: b.send !== false }));
  });
  r.post("/__sandbox/sepay/hold", express.json(), (req, res) => {
    holding = req.body?.hold === true;
    res.json({ holding, held: held.length });
  });
  r.post("/__sandbox/sepay/release", express.json(), (req, res) => {
    const out = held.splice(0, held.length);
    if (req.body?.reverse === true) out.reverse();
    for (const { t, hook } of out) deliver([message(t, hook)], t.content);
    res.json({ released: out.length });
  });
  r.post("/__sandbox/sepay/resend", express.json(), (req, res) => {
    const t = ledger.find((x) => x.id === Number(req.body?.id));
    if (!t) return res.status(404).json({ error: "no such transaction" });
    res.json({ sent: send(t, { force: true }) });
  });
  r.post("/__sandbox/sepay/forge", express.json(), (req, res) => {
    const t = ledger.find((x) => x.id === Number(req.body?.id));
    const kind = req.body?.kind;
    if (!t) return res.status(404).json({ error: "no such transaction" });
    if (kind !== "stale" && kind !== "bad-signature" && kind !== "wrong-key") return bad(res, "kind");
    res.json({ sent: send(t, { force: true, forge: kind }) });
  });

  // SePay API v1: GET /userapi/transactions/list, Authorization: Bearer <API token>.
  r.get("/userapi/transactions/list", (req, res) => {
    const token = /^Bearer (.+)$/.exec(req.get("Authorization") ?? "")?.[1];
    const hooks = token ? webhooks.filter((h) => h.apiToken === token) : [];
    if (hooks.length === 0) return res.status(401).json({ status: 401, error: 401, messages: { error: "Unauthorized" } });
    const accounts = new Set(hooks.flatMap((h) => h.accountNumbers));
    res.json({
      status: 200,
      error: null,
      messages: { success: true },
      transactions: listed(req.query as Record<string, unknown>, accounts).map((t) => ({
        id: String(t.id),
        bank_brand_name: t.gateway,
        account_number: t.accountNumber,
        transaction_date: t.transactionDate,
        amount_out: money(t.transferType === "out" ? t.transferAmount : 0),
        amount_in: money(t.transferType === "in" ? t.transferAmount : 0),
        accumulated: money(t.accumulated),
        transaction_content: t.content,
        reference_number: t.referenceCode,
        code: t.code,
        sub_account: t.subAccount,
        bank_account_id: "19",
      })),
    });
  });
  return r;
}
