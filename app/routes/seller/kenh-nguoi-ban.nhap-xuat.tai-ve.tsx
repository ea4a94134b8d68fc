import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireProducer } from "~/auth/scope-guards.server";
import { productCsv, productXlsx, templateCsv, templateXlsx } from "~/imports/export.server";
import { vietnamToday } from "~/i18n/format";

// Downloads: the producer's products in the import format, or the empty template.
const Query = z.object({ "noi-dung": z.enum(["san-pham", "mau"]), "dinh-dang": z.enum(["csv", "xlsx"]) });
const TYPES = { csv: "text/csv; charset=utf-8", xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" };

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, producerId } = await requireProducer(request);
  const parsed = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new Response("Bad request", { status: 400 });
  const format = parsed.data["dinh-dang"];
  const products = parsed.data["noi-dung"] === "san-pham";
  const body = products
    ? format === "csv"
      ? productCsv(producerId)
      : await productXlsx(producerId)
    : format === "csv"
      ? templateCsv("products")
      : await templateXlsx("products");
  const name = products ? `san-pham-${user.producerSlug ?? producerId}-${vietnamToday()}.${format}` : `mau-nhap-san-pham.${format}`;
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": TYPES[format],
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
