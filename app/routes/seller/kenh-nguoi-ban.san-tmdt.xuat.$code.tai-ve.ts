// The Postmart/Voso upload file, as a download (a resource route: an action of the page itself
// cannot answer with a file, Remix would render the page around it). A POST, because exporting
// marks the listings "exported"; with nothing to export, back to the page, which says so.
import type { ActionFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { requireCsrf } from "~/auth/csrf.server";
import { readForm } from "~/http/read-form.server";
import { requireProducer } from "~/auth/scope-guards.server";
import { exportFile } from "~/marketplaces/file-export.server";
import { MarketplaceCodeSchema } from "~/marketplaces/forms";
import { ADAPTERS } from "~/marketplaces/registry.server";

const page = (code: string) => `/kenh-nguoi-ban/san-tmdt/xuat/${code}`;

export async function loader({ request, params }: ActionFunctionArgs) {
  await requireProducer(request); // like every seller URL: strangers are sent to log in, not to the page
  const code = MarketplaceCodeSchema.safeParse(params.code);
  throw redirect(code.success ? page(code.data) : "/kenh-nguoi-ban/san-tmdt");
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { producerId } = await requireProducer(request);
  const code = MarketplaceCodeSchema.safeParse(params.code);
  if (!code.success || ADAPTERS[code.data].kind !== "file") throw data({ reason: "not_found" as const }, { status: 404 });
  await requireCsrf(request, await readForm(request));
  const file = await exportFile(producerId, code.data);
  if (!file) throw redirect(`${page(code.data)}?khong-co-gi=1`); // the page says there was nothing to export
  return new Response(new Uint8Array(file.file), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
    },
  });
}
