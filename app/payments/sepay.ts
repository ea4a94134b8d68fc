// SePay (developer.sepay.vn), written from its published documentation; the fixtures and their
// citations are in tests/contracts/sepay/. A webhook is one JSON POST per bank transaction:
//   {"id":92704,"gateway":"Vietcombank","transactionDate":"2023-03-25 14:02:37","accountNumber":"0123499999",
//    "code":null,"content":"…","transferType":"in","transferAmount":2277000,"accumulated":19077000,
//    "subAccount":null,"referenceCode":"MBVCB.3278907687","description":"…"}
// transactionDate is Vietnam time (UTC+7, no offset written). Authentication, as the webhook was
// configured: HMAC-SHA256 — X-SePay-Timestamp (Unix seconds) and X-SePay-Signature
// "sha256=" + hex HMAC(secret, `${timestamp}.${raw body}`), refused when the timestamp is more
// than 5 minutes off; or API Key — `Authorization: Apikey <key>`. ("None" and OAuth 2.0 are not
// offered: the first proves nothing, the second needs an OAuth server we do not run.) SePay counts
// any 2xx as delivered and expects {"success": true}; anything else is retried 7 times over about
// 33 minutes (Fibonacci spacing). Reconciliation reads GET {api}/userapi/transactions/list with
// `Authorization: Bearer <API token>`: its transaction `id` is the webhook's `id`.
import { createHmac } from "node:crypto";
import { z } from "zod";
import type { BankNotifierProtocol, BankTransfer, ListTransfersResult } from "./bank-notification";
import { sameSignature } from "./signature";

/** How far X-SePay-Timestamp may be from our clock (SePay's own advice: 5 minutes). */
export const SEPAY_MAX_DRIFT_SECONDS = 300;

const text = (max: number) => z.string().max(max);
const account = z.string().regex(/^[0-9A-Za-z]{1,30}$/);
/** "yyyy-MM-dd HH:mm:ss", Vietnam time. */
const vnDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
const money = z.number().int().min(0).max(1e15);

export const SepayWebhookSchema = z.object({
  id: z.union([z.number().int().positive(), z.string().regex(/^\d{1,20}$/)]),
  gateway: text(100),
  transactionDate: vnDateTime,
  accountNumber: account,
  code: text(100).nullable().optional(),
  content: text(1000),
  transferType: z.enum(["in", "out"]),
  transferAmount: money,
  accumulated: money.nullable().optional(),
  subAccount: text(100).nullable().optional(),
  referenceCode: text(100).nullable().optional(),
  description: text(2000).nullable().optional(),
});
export type SepayWebhook = z.infer<typeof SepayWebhookSchema>;

/** Vietnam time ("2023-03-25 14:02:37", UTC+7 all year) as a UTC instant. */
export function vietnamTimeToUtc(local: string): string {
  const d = new Date(`${local.replace(" ", "T")}+07:00`);
  if (Number.isNaN(d.getTime())) throw new RangeError(`not a date: ${local}`);
  return d.toISOString();
}

/** An instant as SePay's API wants it: Vietnam time, "yyyy-MM-dd HH:mm:ss". */
export function utcToVietnamTime(at: Date): string {
  return new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 19).replace("T", " ");
}

export function sepaySignature(rawBody: string, timestamp: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${rawBody}`, "utf8").digest("hex")}`;
}

export function transferFromWebhook(n: SepayWebhook): BankTransfer {
  return {
    provider: "sepay",
    transferId: String(n.id),
    reference: n.referenceCode?.trim() || null,
    amount: n.transferAmount,
    accountNumber: n.accountNumber,
    memo: n.content,
    code: n.code?.trim() || null,
    at: vietnamTimeToUtc(n.transactionDate),
    direction: n.transferType,
  };
}

/** A decimal amount as SePay's API writes it ("18067000.00") in whole đồng; null when it is not one. */
const apiAmount = z.union([z.number(), z.string().regex(/^\d{1,15}(\.\d{1,2})?$/)]).transform((v) => Math.round(Number(v)));

export const SepayApiTransactionSchema = z.object({
  id: z.union([z.string().regex(/^\d{1,20}$/), z.number().int().positive()]),
  bank_brand_name: text(100).nullable().optional(),
  account_number: account,
  transaction_date: vnDateTime,
  amount_out: apiAmount,
  amount_in: apiAmount,
  accumulated: apiAmount.nullable().optional(),
  transaction_content: text(1000).nullable(),
  reference_number: text(100).nullable().optional(),
  code: text(100).nullable().optional(),
  sub_account: text(100).nullable().optional(),
  bank_account_id: z.union([z.string(), z.number()]).nullable().optional(),
});
export const SepayTransactionListSchema = z.object({
  status: z.number().int(),
  error: z.unknown().optional(),
  messages: z.object({ success: z.boolean() }).partial().optional(),
  transactions: z.array(SepayApiTransactionSchema).max(5000),
});

export function transferFromApi(t: z.infer<typeof SepayApiTransactionSchema>): BankTransfer {
  const incoming = t.amount_in > 0;
  return {
    provider: "sepay",
    transferId: String(t.id),
    reference: t.reference_number?.trim() || null,
    amount: incoming ? t.amount_in : t.amount_out,
    accountNumber: t.account_number,
    memo: t.transaction_content ?? "",
    code: t.code?.trim() || null,
    at: vietnamTimeToUtc(t.transaction_date),
    direction: incoming ? "in" : "out",
  };
}

const json = (body: unknown, status: number) => Response.json(body, { status });

export const sepay: BankNotifierProtocol = {
  provider: "sepay",

  authenticate(request, link, now) {
    if (link.authMode === "apikey") {
      const given = request.headers.get("Authorization") ?? "";
      return given.startsWith("Apikey ") && sameSignature(given.slice(7), link.secret) ? { ok: true } : { ok: false, reason: "Khóa API (Authorization: Apikey …) không đúng" };
    }
    const timestamp = request.headers.get("X-SePay-Timestamp") ?? "";
    const signature = request.headers.get("X-SePay-Signature") ?? "";
    if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: "Thiếu X-SePay-Timestamp" };
    if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > SEPAY_MAX_DRIFT_SECONDS) return { ok: false, reason: "X-SePay-Timestamp lệch quá 5 phút" };
    return sameSignature(signature, sepaySignature(request.body, timestamp, link.secret)) ? { ok: true } : { ok: false, reason: "Chữ ký X-SePay-Signature không đúng" };
  },

  parse(body) {
    let data: unknown;
    try {
      data = JSON.parse(body);
    } catch {
      return null;
    }
    const parsed = SepayWebhookSchema.safeParse(data);
    return parsed.success ? transferFromWebhook(parsed.data) : null;
  },

  answer(kind, message) {
    if (kind === "ok") return json({ success: true }, 200);
    if (kind === "unauthorized") return json({ success: false, message: message ?? "Unauthorized" }, 401);
    return json({ success: false, message: message ?? "Invalid payload" }, 400);
  },

  async listTransfers(q): Promise<ListTransfersResult> {
    const url = new URL(`${q.apiUrl.replace(/\/+$/, "")}/userapi/transactions/list`);
    url.searchParams.set("account_number", q.accountNumber);
    url.searchParams.set("transaction_date_min", utcToVietnamTime(q.since));
    url.searchParams.set("limit", "5000");
    let res: Response;
    try {
      res = await (q.fetch ?? fetch)(url, {
        headers: { Authorization: `Bearer ${q.apiToken}`, "Content-Type": "application/json" },
        signal: AbortSignal.timeout(q.timeoutMs ?? 15_000),
      });
    } catch (error) {
      return { ok: false, status: null, message: `Không gọi được API giao dịch SePay: ${(error as Error).message}` };
    }
    if (!res.ok) return { ok: false, status: res.status, message: res.status === 401 ? "API Token SePay không hợp lệ (401)" : `API giao dịch SePay trả lỗi ${res.status}` };
    let data: unknown;
    try {
      data = await res.json();
    } catch {
      return { ok: false, status: res.status, message: "API giao dịch SePay trả về dữ liệu không đọc được" };
    }
    const parsed = SepayTransactionListSchema.safeParse(data);
    if (!parsed.success) return { ok: false, status: res.status, message: "API giao dịch SePay trả về dữ liệu không đúng định dạng" };
    return { ok: true, transfers: parsed.data.transactions.map(transferFromApi) };
  },
};
