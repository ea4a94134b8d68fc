// SePay's transactions API, for reconciliation. Source: developer.sepay.vn/en/sepay-api/api-giao-dich
// (= docs.sepay.vn/api-giao-dich.html, "API v1"): GET https://my.sepay.vn/userapi/transactions/list
// with "Authorization: Bearer {YOUR_API_TOKEN}"; filters account_number, transaction_date_min /
// transaction_date_max (">= / <=", "yyyy-mm-dd", the page's own example passes "2023-04-30 08:00:00"),
// since_id, limit (at most 5000, the default), reference_number, amount_in, amount_out; the answer
// below. Its `id` is SePay's transaction id, the webhook's `id` (the same number the details
// endpoint /userapi/transactions/details/{transaction_id} takes), so webhook and reconciliation
// share one idempotency key. API v2 (userapi.sepay.vn/v2/transactions, developer.sepay.vn/en/sepay-api/
// v2/giao-dich/danh-sach) identifies transactions by UUID instead, which the webhook does not carry:
// we read v1 until SePay documents how a v2 UUID maps to the webhook id. Rate limit: 3 requests per
// second per IP (429 with Retry-After) — one request per account per pass stays far below it.
// Silent: the error body of a refused token (we rely on the status, 401, only).
import { z } from "zod";

const decimal = z.string().regex(/^\d+(\.\d+)?$/);

export const ApiTransaction = z.object({
  id: z.string().regex(/^\d+$/),
  bank_brand_name: z.string(),
  account_number: z.string(),
  transaction_date: z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
  amount_out: decimal,
  amount_in: decimal,
  accumulated: decimal,
  transaction_content: z.string(),
  reference_number: z.string(),
  code: z.string().nullable(),
  sub_account: z.string().nullable(),
  bank_account_id: z.string(),
});

export const TransactionList = z.object({
  status: z.literal(200),
  error: z.null(),
  messages: z.object({ success: z.literal(true) }),
  transactions: z.array(ApiTransaction),
});

/** The documented answer (api-giao-dich, "Response 200 - Transaction list"). */
export const DOCUMENTED_LIST = {
  status: 200,
  error: null,
  messages: { success: true },
  transactions: [
    {
      id: "49682",
      bank_brand_name: "Vietcombank",
      account_number: "0071000888888",
      transaction_date: "2023-05-05 19:59:48",
      amount_out: "0.00",
      amount_in: "18067000.00",
      accumulated: "1200541768.00",
      transaction_content: "DUONG THUY ANH chuyen tien...",
      reference_number: "677760.050523.080001",
      code: null,
      sub_account: "VCB0011ABC004",
      bank_account_id: "19",
    },
  ],
} as const;
