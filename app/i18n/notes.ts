// The notes the app writes itself (an order's history, a payment's remarks, a listing's events) are
// stored as a code with parameters, never as a sentence: each reader sees them in their own language
// ("notes.<code>" in ./messages/notes.ts). Stored as the JSON text {"code":…,"params":{…}} in the
// note column that used to hold Vietnamese text; a row written before (a text no migration knew)
// is shown as it is.
import { z } from "zod";
import { formatVnd } from "./format";

export const NOTE_CODES = [
  // orders
  "cancelled_by_producer",
  "cancelled_by_buyer",
  "transfer_refunded",
  "payment_expired",
  "payment_failed",
  "payment_cancelled",
  "marketplace_update",
  "refunded",
  // payments
  "cod_collected",
  "producer_refunded",
  "producer_accepted_payment",
  "gateway_refund_confirmed",
  "amount_mismatch",
  "paid_after_close",
  "transfer_matched",
  // listings
  "relist_requested",
  "moved_to_other_shop",
  "not_ready",
  "photo_unreadable",
  "hidden_on_marketplace",
  "gone_from_marketplace",
] as const;
export type NoteCode = (typeof NOTE_CODES)[number];

/** Why a producer gives money back: a short list, and free text beside it. */
export const REFUND_REASONS = ["out_of_stock", "buyer_request", "damaged", "not_delivered", "other"] as const;
export type RefundReason = (typeof REFUND_REASONS)[number];

export type NoteParams = Record<string, string | number>;
export type Note = { code: NoteCode; params: NoteParams };

const Stored = z.object({
  code: z.enum(NOTE_CODES),
  params: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
});

/** The text to store for a note. */
export function note(code: NoteCode, params: NoteParams = {}): string {
  return JSON.stringify({ code, params });
}

/** A stored note read back: a code with its parameters, the legacy text as it is, or nothing. */
export function readNote(stored: string | null | undefined): Note | { text: string } | null {
  if (!stored) return null;
  if (stored.startsWith("{")) {
    try {
      const parsed = Stored.safeParse(JSON.parse(stored));
      if (parsed.success) return parsed.data;
    } catch {
      // not JSON: a legacy text that starts with a brace
    }
  }
  return { text: stored };
}

/** The code of a stored note, null for a legacy text or none. */
export function noteCode(stored: string | null | undefined): NoteCode | null {
  const n = readNote(stored);
  return n && "code" in n ? n.code : null;
}

type NoteKey = `notes.${NoteCode}` | `refundReason.${RefundReason}`;
type Lookup = (key: NoteKey, params?: NoteParams) => string;
const MONEY = new Set(["amount", "received", "expected"]);

/** A stored note in the reader's language (`t` knows the "notes.*" and "refundReason.*" keys). */
export function renderNote(t: Lookup, stored: string | null | undefined): string {
  const n = readNote(stored);
  if (!n) return "";
  if ("text" in n) return n.text;
  const params = { ...n.params };
  for (const k of MONEY) if (typeof params[k] === "number") params[k] = formatVnd(params[k]);
  if (typeof params.reason === "string") {
    const reason = (REFUND_REASONS as readonly string[]).includes(params.reason) ? t(`refundReason.${params.reason as RefundReason}`) : params.reason;
    params.reason = params.text ? `${reason} (${params.text})` : reason;
  }
  return t(`notes.${n.code}`, params);
}
