// "Lưu mã QR": an order's VietQR as a PNG file (OC….png), for a banking app's "scan from image". A plain
// link with Content-Disposition, so it works without JavaScript. Only the buyer, only while the transfer
// is awaited; anything else is a 404.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { requireUser } from "~/auth/guards.server";
import { transferQrImage } from "~/checkout/checkout-view.server";

const CHECKOUT = /^CK\d{6,20}$/;
/** An order code as the page links it (the lookup decides; this keeps the file name plain). */
const ORDER = /^[A-Za-z0-9_-]{2,40}$/;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const code = params.code ?? "";
  const order = params.order ?? "";
  const png = CHECKOUT.test(code) && ORDER.test(order) ? await transferQrImage(user.id, code, order) : null;
  if (!png) throw data({ reason: "not_found" as const }, { status: 404 });
  return new Response(new Uint8Array(png), {
    headers: {
      "Content-Type": "image/png",
      "Content-Disposition": `attachment; filename="${order}.png"`,
      "Content-Length": String(png.length),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
