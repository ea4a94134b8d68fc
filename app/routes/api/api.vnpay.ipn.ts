import type { LoaderFunctionArgs } from "@remix-run/node";
import { providerFor } from "~/payments/registry.server";
import { VNPAY_IPN_REPLIES } from "~/payments/vnpay";
import { receive } from "~/payments/webhook-http.server";

// VNPay's IPN (a GET from VNPay's servers, the source of truth). Replies in the documented
// order: 97 bad signature, 01 order not found, 04 wrong amount, 02 already confirmed, 00 done.
export async function loader({ request }: LoaderFunctionArgs) {
  const result = await receive(providerFor("vnpay"), request);
  const reply =
    result === null
      ? VNPAY_IPN_REPLIES.badSignature
      : result.kind === "unknown_target"
        ? VNPAY_IPN_REPLIES.orderNotFound
        : result.kind === "amount_mismatch"
          ? VNPAY_IPN_REPLIES.invalidAmount
          : result.kind === "already_settled"
            ? VNPAY_IPN_REPLIES.alreadyConfirmed
            : VNPAY_IPN_REPLIES.success;
  return Response.json(reply);
}
