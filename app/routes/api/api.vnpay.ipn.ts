import type { LoaderFunctionArgs } from "@remix-run/node";
import { providerFor } from "~/payments/registry.server";
import { VNPAY_IPN_REPLIES } from "~/payments/vnpay";
import { receive } from "~/payments/webhook-http.server";

// VNPay's IPN (a GET from VNPay's servers, the source of truth). Replies in the documented
// order: 97 bad signature, 01 order not found, 04 wrong amount, 02 already confirmed, 00 done,
// and 99 for anything unexpected (VNPay retries on 99; it must never see a 500).
export async function loader({ request }: LoaderFunctionArgs) {
  let reply: (typeof VNPAY_IPN_REPLIES)[keyof typeof VNPAY_IPN_REPLIES];
  try {
    const result = await receive(providerFor("vnpay"), request);
    reply =
      result === null
        ? VNPAY_IPN_REPLIES.badSignature
        : result.kind === "unknown_target"
          ? VNPAY_IPN_REPLIES.orderNotFound
          : result.kind === "amount_mismatch"
            ? VNPAY_IPN_REPLIES.invalidAmount
            : result.kind === "already_settled"
              ? VNPAY_IPN_REPLIES.alreadyConfirmed
              : VNPAY_IPN_REPLIES.success;
  } catch (error) {
    console.warn("VNPay IPN failed:", error instanceof Error ? error.message : error);
    reply = VNPAY_IPN_REPLIES.unknownError;
  }
  return Response.json(reply);
}
