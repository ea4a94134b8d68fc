import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireProducer } from "~/auth/scope-guards.server";
import { requireCsrf } from "~/auth/csrf.server";
import { CsrfInput } from "~/components/csrf-input";
import { invalid, type FieldErrors } from "~/form-errors";
import { formatNumber, formatVnd } from "~/i18n/format";
import { useAllT } from "~/i18n/use-all-t";
import { producerAccounts } from "~/marketplaces/accounts.server";
import { confirmFileListing, fileListings } from "~/marketplaces/file-export.server";
import { ConfirmSchema, MarketplaceCodeSchema } from "~/marketplaces/forms";
import { ADAPTERS } from "~/marketplaces/registry.server";
import { readForm } from "~/http/read-form.server";
import { pageTitle } from "~/i18n/titles";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "marketplaceFile", "seller")];

async function context(request: Request, params: LoaderFunctionArgs["params"]) {
  const { producerId } = await requireProducer(request);
  const code = MarketplaceCodeSchema.safeParse(params.code);
  if (!code.success || ADAPTERS[code.data].kind !== "file") throw data({ reason: "not_found" as const }, { status: 404 });
  const account = producerAccounts(producerId).find((a) => a.code === code.data)!;
  return { producerId, code: code.data, name: account.name };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { producerId, code, name } = await context(request, params);
  return { code, name, listings: fileListings(producerId, code) };
}

// What the marketplace did with an exported listing. The upload file itself is downloaded from
// ./tai-ve (kenh-nguoi-ban.san-tmdt.xuat.$code.tai-ve.ts).
export async function action({ request, params }: ActionFunctionArgs) {
  const { producerId, code } = await context(request, params);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const parsed = ConfirmSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalid(parsed.error, { listingId: Number(form.get("listingId")) || null });
  const reason = parsed.data.outcome === "rejected" ? parsed.data.reason : null;
  if (!confirmFileListing(producerId, code, parsed.data.listingId, parsed.data.outcome, reason)) throw data({ reason: "not_found" as const }, { status: 404 });
  return { listingId: parsed.data.listingId, errors: {} as FieldErrors };
}

export default function ExportPage() {
  const { code, name, listings } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const nothing = useSearchParams()[0].has("khong-co-gi"); // set by ./tai-ve when there was nothing to export
  const t = useAllT();
  return (
    <>
      <p>
        <Link to="/kenh-nguoi-ban/san-tmdt">{t("connector.back")}</Link>
      </p>
      <h1>{t("connector.export.title", { marketplace: name })}</h1>
      <p className="muted">{t("connector.fileNote")}</p>
      <p>{t("connector.export.howto", { marketplace: name })}</p>
      {nothing ? <p className="alert info">{t("connector.export.nothing")}</p> : null}
      {listings.length === 0 ? (
        <p>{t("connector.export.none")}</p>
      ) : (
        <Form method="post" action={`/kenh-nguoi-ban/san-tmdt/xuat/${code}/tai-ve`} reloadDocument>
          <CsrfInput />
          <button className="button" type="submit">
            {t("connector.export.download")}
          </button>
        </Form>
      )}
      <ul className="file-listings">
        {listings.map((l) => {
          const e = result && "listingId" in result && result.listingId === l.id ? result.errors : {};
          return (
            <li key={l.id} className="card file-listing">
              <h2 className="price-stock-name">{l.name}</h2>
              <p>
                <span className={`listing-status status-${l.status}`}>{t(`connector.status.${l.status}`)}</span>{" "}
                <span className="muted">{t("connector.product.priceStock", { price: formatVnd(l.price), stock: formatNumber(l.stock) })}</span>
              </p>
              {l.lastError ? <p className="listing-problem">{l.lastError}</p> : null}
              {l.status === "exported" || l.status === "rejected" ? (
                <div className="confirm-forms">
                  <Form method="post">
                    <CsrfInput />
                    <input type="hidden" name="listingId" value={l.id} />
                    <button className="button secondary" type="submit" name="outcome" value="live">
                      {t("connector.export.confirmLive")}
                    </button>
                  </Form>
                  <Form method="post" className="reject-form" noValidate>
                    <CsrfInput />
                    <input type="hidden" name="listingId" value={l.id} />
                    <div className="field">
                      <label htmlFor={`reason-${l.id}`}>{t("connector.export.reason")}</label>
                      <input id={`reason-${l.id}`} name="reason" maxLength={300} aria-invalid={e.reason ? true : undefined} aria-describedby={e.reason ? `reason-${l.id}-error` : undefined} />
                      {e.reason ? (
                        <p className="field-error" id={`reason-${l.id}-error`}>
                          {t(e.reason)}
                        </p>
                      ) : null}
                    </div>
                    <button className="button secondary" type="submit" name="outcome" value="rejected">
                      {t("connector.export.reject")}
                    </button>
                  </Form>
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}
