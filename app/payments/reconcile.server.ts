// Reconciliation: for every link with an API token, read the service's transactions of the last
// hours and apply those whose webhook never arrived (the service gave up after its retries, our
// server was down). Same idempotency key as the webhook (the service's transaction id), so a
// transfer is applied once however many passes and webhooks see it. Run by scripts/worker.ts every
// SEPAY_RECONCILE_MINUTES; callable directly (tests, an operator).
import { env } from "~/env.server";
import { CredentialsError } from "~/marketplaces/credentials.server";
import type { BankNotifierProtocol } from "./bank-notification";
import { linksWithApiToken, recordLinkError, recordReconciled, type BankLinkSecrets } from "./bank-links.server";
import { applyBankTransfer } from "./bank-transfers.server";
import { sepay } from "./sepay";

export type ReconcileSummary = { links: number; read: number; paid: number; review: number; duplicates: number; errors: { linkId: number; message: string }[] };

export type ReconcileOptions = {
  /** How far back to look; default SEPAY_RECONCILE_HOURS. */
  hours?: number;
  now?: Date;
  /** The transactions API base; default SEPAY_API_URL. */
  apiUrl?: string;
  fetch?: typeof fetch;
  protocol?: BankNotifierProtocol;
  /** Pause between two API calls: SePay allows 3 requests per second per IP (429 beyond). */
  pauseMs?: number;
  /** Only this producer's links (the seller centre's "Đối chiếu sao kê ngay"). */
  producerId?: number;
};

export async function reconcileBankTransfers(opts: ReconcileOptions = {}): Promise<ReconcileSummary> {
  const config = env();
  const now = opts.now ?? new Date();
  const since = new Date(now.getTime() - (opts.hours ?? config.SEPAY_RECONCILE_HOURS) * 3600_000);
  const protocol = opts.protocol ?? sepay;
  const summary: ReconcileSummary = { links: 0, read: 0, paid: 0, review: 0, duplicates: 0, errors: [] };
  let links: BankLinkSecrets[];
  try {
    links = linksWithApiToken().filter((l) => opts.producerId === undefined || l.producerId === opts.producerId);
  } catch (error) {
    if (!(error instanceof CredentialsError)) throw error;
    summary.errors.push({ linkId: 0, message: error.message });
    return summary;
  }
  const pauseMs = opts.pauseMs ?? 400;
  let calls = 0;
  for (const link of links) {
    if (link.provider !== protocol.provider || !link.apiToken) continue;
    summary.links++;
    let failed = false;
    for (const accountNumber of link.accountNumbers) {
      if (calls++ > 0 && pauseMs > 0) await new Promise((r) => setTimeout(r, pauseMs));
      const listed = await protocol.listTransfers({ apiUrl: opts.apiUrl ?? config.SEPAY_API_URL, apiToken: link.apiToken, accountNumber, since, fetch: opts.fetch });
      if (!listed.ok) {
        failed = true;
        // A refused token is the producer's to fix (the link is failing); SePay busy or down is not.
        if (listed.status === 401 || listed.status === 403) recordLinkError(link.id, listed.message, now);
        summary.errors.push({ linkId: link.id, message: listed.message });
        continue;
      }
      // Oldest first, as they happened; only this account's money coming in.
      const incoming = listed.transfers.filter((t) => t.direction === "in" && t.accountNumber === accountNumber && t.amount > 0).sort((a, b) => a.at.localeCompare(b.at));
      for (const t of incoming) {
        summary.read++;
        const result = applyBankTransfer(link, t, "reconciliation", now);
        if (result.kind === "paid") summary.paid++;
        else if (result.kind === "review") summary.review++;
        else if (result.kind === "duplicate") summary.duplicates++;
      }
    }
    if (!failed) recordReconciled(link.id, now);
  }
  return summary;
}
