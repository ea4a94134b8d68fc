// The code a shopper puts in a VietQR transfer's memo, and how we find it again in what the bank
// delivers. The order code (OC + yyMMdd + the id on 7 digits, 15 characters) is long to type and
// banks cut memos short, so the memo carries a payment code: "OC", the order id, and one Luhn
// check digit ("OC12347" for order 1234). It has no letter after the prefix (no O/0 or I/1 to
// confuse), the check digit catches any single mistyped digit and most swapped pairs, and it
// survives what banks do to memos: upper-casing, their own words before and after
// ("MBVCB.3278907687.OC12347.CT tu 0071000 toi …"), the payer's phone number after a space, a
// space or dot between "OC" and the digits, and a code split by spaces.
//
// SePay: set "Cấu hình Công ty → Cấu hình chung → Cấu trúc mã thanh toán" to prefix OC, suffix
// of 2 to 13 characters, numbers only (NumberOnly): SePay then fills the webhook's `code` with
// "OC12347" (or an old long order code), which is read first.

/** Luhn check digit of a string of digits. */
export function luhnDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** The payment code of an order: "OC" + its id + a check digit. */
export function paymentCodeFor(orderId: number): string {
  if (!Number.isSafeInteger(orderId) || orderId <= 0) throw new RangeError("order id must be a positive integer");
  return `OC${orderId}${luhnDigit(String(orderId))}`;
}

/** Which order a memo names: by id (a payment code) or by its full order code (OC + 13 digits, as before). */
export type OrderRef = { kind: "id"; orderId: number } | { kind: "code"; code: string };

const sameRef = (a: OrderRef, b: OrderRef) => (a.kind === "id" && b.kind === "id" ? a.orderId === b.orderId : a.kind === "code" && b.kind === "code" && a.code === b.code);

/** The order a run of digits after "OC" names, if it is a well-formed code. */
function refOf(digits: string): OrderRef | null {
  if (digits.length >= 13 && digits.length <= 20) return { kind: "code", code: `OC${digits}` };
  if (digits.length < 2 || digits.length > 12 || digits.startsWith("0")) return null;
  const id = digits.slice(0, -1);
  if (luhnDigit(id) !== Number(digits.at(-1))) return null;
  return { kind: "id", orderId: Number(id) };
}

function unique(refs: (OrderRef | null)[]): OrderRef | null | "several" {
  const found: OrderRef[] = [];
  for (const r of refs) if (r && !found.some((f) => sameRef(f, r))) found.push(r);
  return found.length === 1 ? found[0]! : found.length === 0 ? null : "several";
}

/**
 * The order a transfer's memo names, or null when it names none or several (a person decides).
 * "OC" must not follow another letter (the name NGOC is no code); one space, dot, dash or
 * underscore may sit between "OC" and the digits; the digits must not run on into others. When
 * nothing is found, the memo is read again with its spaces taken out ("OC 123 47"): a code glued to
 * other digits then fails its check digit (or its length) and is left for a person.
 */
export function orderRefInMemo(memo: string): OrderRef | null {
  const text = memo.slice(0, 1000).toUpperCase();
  const first = unique([...text.matchAll(/(?<![A-Z])OC[\s._-]?(\d+)(?!\d)/g)].map((m) => refOf(m[1]!)));
  if (first === "several") return null;
  if (first) return first;
  const glued = unique([...text.replace(/\s+/g, "").matchAll(/(?<![A-Z])OC(\d+)(?!\d)/g)].map((m) => refOf(m[1]!)));
  return glued === "several" ? null : glued;
}

/** SePay's `code` first (the payment code it recognised), then the memo. */
export function orderRefInTransfer(transfer: { code: string | null; memo: string }): OrderRef | null {
  return (transfer.code ? orderRefInMemo(transfer.code) : null) ?? orderRefInMemo(transfer.memo);
}
