// Bank notifications in the payment room's vocabulary: a bank-statement service (SePay) tells us
// of a transfer into a producer's account. Each service is one BankNotifierProtocol: how it proves
// a notification is its own, how its body reads as a BankTransfer, what answer it expects, and how
// its transactions API lists transfers for reconciliation. One file per service (sepay.ts).
import type { BankLinkAuth, BankNotifier } from "#db/schema";
import type { RawRequest } from "./provider";

/** One transfer as the bank booked it. */
export type BankTransfer = {
  provider: BankNotifier;
  /** The service's transaction id: a retried or duplicated notification, and the same transfer listed by the API, carry the same one. */
  transferId: string;
  /** The bank's own reference (FT…, MBVCB.…). */
  reference: string | null;
  /** Whole đồng. */
  amount: number;
  /** The account that received (or sent) it. */
  accountNumber: string;
  /** The memo as the bank delivered it. */
  memo: string;
  /** The payment code the service recognised in the memo, if it does that. */
  code: string | null;
  /** When the bank booked it, UTC ISO-8601. */
  at: string;
  direction: "in" | "out";
};

/** A link's credentials, as the protocol needs them to check a notification. */
export type LinkCredentials = { authMode: BankLinkAuth; secret: string };

export type AuthCheck = { ok: true } | { ok: false; reason: string };

export type ListTransfersQuery = {
  apiUrl: string;
  apiToken: string;
  accountNumber: string;
  /** From this instant (inclusive). */
  since: Date;
  fetch?: typeof fetch;
  timeoutMs?: number;
};

export type ListTransfersResult = { ok: true; transfers: BankTransfer[] } | { ok: false; status: number | null; message: string };

export type BankNotifierProtocol = {
  provider: BankNotifier;
  /** Checks the request's authentication against the link's secret, before anything is parsed. */
  authenticate(request: RawRequest, link: LinkCredentials, now: Date): AuthCheck;
  /** The body as a transfer; null when it is not a well-formed notification. */
  parse(body: string): BankTransfer | null;
  /** The HTTP answer the service expects: success stops its retries; refusals say why. */
  answer(kind: "ok" | "unauthorized" | "invalid", message?: string): Response;
  /** The service's transactions API: the incoming transfers into one account since an instant. */
  listTransfers(query: ListTransfersQuery): Promise<ListTransfersResult>;
};
