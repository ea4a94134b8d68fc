import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { getSessionUser } from "~/auth/session.server";
import { env } from "~/env.server";
import { translator } from "~/i18n/messages";
import { labelForProduct, labelProductId } from "~/traceability/certificate.server";
import { labelSvg } from "~/traceability/label";
import { labelFont } from "~/traceability/label-font.server";
import { labelPdf } from "~/traceability/label-pdf";
import { certificateUrl } from "~/traceability/qr";

const Query = z.object({
  slug: z.string().regex(/^[a-z0-9-]{1,200}$/),
  "dinh-dang": z.enum(["svg", "pdf"]).default("svg"),
});

/**
 * GET /nhan-qr/:slug?dinh-dang=svg|pdf — a product's packaging label, whose QR code opens its
 * certificate page. Anyone may print a public product's label; a producer also its own drafts'.
 * 404 without a valid OCOP decision: a label must not claim stars the page would deny.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const query = Query.safeParse({ slug: params.slug, "dinh-dang": url.searchParams.get("dinh-dang") ?? undefined });
  if (!query.success) return notFound();
  const user = await getSessionUser(request);
  const id = labelProductId(query.data.slug, user?.producerId ?? null);
  const label = id === null ? null : labelForProduct(id);
  if (!label) return notFound();
  const target = certificateUrl(env().PUBLIC_URL, label.decision, label.slug);
  const name = `nhan-ocop-${label.slug}`;
  const headers = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };
  if (query.data["dinh-dang"] === "pdf") {
    return new Response(new Uint8Array(labelPdf(label, target, labelFont())), {
      headers: { ...headers, "Content-Type": "application/pdf", "Content-Disposition": `inline; filename="${name}.pdf"` },
    });
  }
  return new Response(labelSvg(label, target), {
    headers: { ...headers, "Content-Type": "image/svg+xml; charset=utf-8", "Content-Disposition": `inline; filename="${name}.svg"` },
  });
}

/** A file URL answers in words, not a page: the label link is opened to print or save. */
const notFound = () =>
  new Response(translator("vi")("trace.labelNone"), { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
