import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveBankNotification } from "~/payments/bank-webhook.server";
import { sepay } from "~/payments/sepay";

// A producer's SePay webhook: the link id in the URL picks the producer's link and secret;
// HMAC-SHA256 (X-SePay-Timestamp, X-SePay-Signature) or "Authorization: Apikey …" is checked
// first (401 otherwise); {"success": true} once the transfer is recorded, paid or kept for
// "cần đối soát" (and for a duplicate or an outgoing transfer), so SePay stops retrying.
export async function action({ request, params }: ActionFunctionArgs) {
  return (await receiveBankNotification(sepay, params.linkId ?? "", request)).response;
}
