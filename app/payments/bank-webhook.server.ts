// The HTTP side of a producer's bank-notification link (POST /api/ngan-hang/sepay/<link id>): find
// the link by the unguessable id in its URL, read the raw body with a size cap, check the
// service's authentication against the link's secret before anything else, then apply the
// transfer and answer as the service expects. A refusal is remembered on the link ("failing"), so
// the producer sees a wrong secret on the dashboard; nothing else changes.
import { readBoundedText, WEBHOOK_MAX_BYTES } from "~/http/body-limits.server";
import { CredentialsError } from "~/marketplaces/credentials.server";
import type { BankNotifierProtocol } from "./bank-notification";
import { linkByPublicId, recordLinkError, type BankLinkSecrets } from "./bank-links.server";
import { applyBankTransfer, type ApplyTransferResult } from "./bank-transfers.server";

export type NotificationOutcome = { response: Response; result: ApplyTransferResult | null };

export async function receiveBankNotification(protocol: BankNotifierProtocol, publicId: string, request: Request, now = new Date()): Promise<NotificationOutcome> {
  const refuse = (response: Response) => ({ response, result: null });
  if (request.method !== "POST") return refuse(Response.json({ success: false, message: "Method not allowed" }, { status: 405, headers: { Allow: "POST" } }));
  let link: BankLinkSecrets | null;
  try {
    link = linkByPublicId(publicId);
  } catch (error) {
    if (!(error instanceof CredentialsError)) throw error;
    // The secret cannot be read (the credentials key changed): let the service retry later.
    console.error(`bank link ${publicId}: ${error.message}`);
    return refuse(Response.json({ success: false, message: "Temporarily unavailable" }, { status: 503 }));
  }
  if (!link || link.provider !== protocol.provider) return refuse(Response.json({ success: false, message: "Unknown webhook" }, { status: 404 }));
  const body = await readBoundedText(request, WEBHOOK_MAX_BYTES);
  if (body === null) return refuse(protocol.answer("invalid", "Payload too large"));

  const auth = protocol.authenticate({ body, headers: request.headers, query: new URL(request.url).searchParams }, link, now);
  if (!auth.ok) {
    recordLinkError(link.id, `Từ chối thông báo: ${auth.reason}`, now);
    return refuse(protocol.answer("unauthorized", auth.reason));
  }
  const transfer = protocol.parse(body);
  if (!transfer) {
    recordLinkError(link.id, "Thông báo không đúng định dạng của SePay", now);
    return refuse(protocol.answer("invalid"));
  }
  const result = applyBankTransfer(link, transfer, "webhook", now);
  return { response: protocol.answer("ok"), result };
}
