import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireVerifier } from "~/auth/scope-guards.server";
import { templateCsv, templateXlsx } from "~/imports/export.server";

// The registry template, in the columns officials keep (CSV or XLSX).
export async function loader({ request }: LoaderFunctionArgs) {
  await requireVerifier(request);
  const format = new URL(request.url).searchParams.get("dinh-dang") === "csv" ? "csv" : "xlsx";
  const body = format === "csv" ? templateCsv("registry") : await templateXlsx("registry");
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="mau-so-bo-ocop.${format}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
