import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { requireProducer } from "~/auth/scope-guards.server";
import { requireCsrf } from "~/auth/csrf.server";
import { finishConnect, saveAccount, startConnect } from "~/marketplaces/connect.server";
import { MarketplaceCodeSchema } from "~/marketplaces/forms";
import { ADAPTERS } from "~/marketplaces/registry.server";
import { readForm } from "~/http/read-form.server";

const PAGE = "/kenh-nguoi-ban/san-tmdt";

function marketplace(params: LoaderFunctionArgs["params"]) {
  const code = MarketplaceCodeSchema.safeParse(params.code);
  if (!code.success) throw data({ reason: "not_found" as const }, { status: 404 });
  return code.data;
}

// POST: start connecting. An API marketplace sends the producer to its consent page (OAuth);
// a file-only marketplace (Postmart, Voso) is simply turned on.
export async function action({ request, params }: ActionFunctionArgs) {
  const { producerId } = await requireProducer(request);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const code = marketplace(params);
  if (ADAPTERS[code].kind === "file") {
    saveAccount(producerId, code, null);
    throw redirect(`${PAGE}?da-bat=${code}`);
  }
  throw redirect(startConnect(producerId, code));
}

// GET: the marketplace sends the producer back here with a code and our state. Storing the shop is a
// change, so a suspended producer is refused here as by every other seller-centre change.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const query = new URL(request.url).searchParams;
  const { producerId } = await requireProducer(request, { changes: query.has("state") });
  const code = marketplace(params);
  if (!query.has("state")) throw redirect(PAGE);
  const result = await finishConnect(producerId, code, query);
  if (!result.ok) throw redirect(`${PAGE}?loi-ket-noi=${result.error}`);
  throw redirect(`${PAGE}?da-ket-noi=${code}&gian-hang=${encodeURIComponent(result.shopName)}`);
}
