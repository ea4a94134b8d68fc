import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireProducer } from "~/auth/scope-guards.server";
import { requireCsrf } from "~/auth/csrf.server";
import { CsrfInput } from "~/components/csrf-input";
import { invalid, submitted, type FieldErrors } from "~/form-errors";
import { formatNumber, formatVnd } from "~/i18n/format";
import { useAllT } from "~/i18n/use-all-t";
import { PriceStockSchema } from "~/marketplaces/forms";
import { priceStockRows, setPriceStock } from "~/marketplaces/price-stock.server";
import { readForm } from "~/http/read-form.server";
import { pageTitle } from "~/i18n/titles";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "priceStock", "seller")];

export async function loader({ request }: LoaderFunctionArgs) {
  const { producerId } = await requireProducer(request);
  return { rows: priceStockRows(producerId) };
}

// One product per submission; the products trigger carries the change to every marketplace.
export async function action({ request }: ActionFunctionArgs) {
  const { producerId } = await requireProducer(request);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const values = submitted(form, ["productId", "price", "stock"], 200);
  const parsed = PriceStockSchema.safeParse(values);
  const productId = Number(values.productId) || 0;
  if (!parsed.success) return invalid(parsed.error, { productId, values, saved: null });
  if (!setPriceStock(producerId, parsed.data.productId, parsed.data.price, parsed.data.stock)) {
    return invalid({ form: "connector.priceStock.notFound" }, { productId, values, saved: null }, 404);
  }
  return { productId, errors: {} as FieldErrors, values: null, saved: parsed.data.productId };
}

export default function PriceStockPage() {
  const { rows } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useAllT();
  const savedName = result?.saved ? rows.find((r) => r.id === result.saved)?.name : null;
  return (
    <>
      <p>
        <Link to="/kenh-nguoi-ban/san-tmdt">{t("connector.back")}</Link>
      </p>
      <h1>{t("connector.priceStock.title")}</h1>
      <p className="muted">{t("connector.priceStock.intro")}</p>
      {savedName ? (
        <p className="alert info" role="status">
          {t("connector.priceStock.saved", { name: savedName })}
        </p>
      ) : null}
      {result?.errors.form ? (
        <p className="alert error" role="alert">
          {t(result.errors.form)}
        </p>
      ) : null}
      <ul className="price-stock-rows">
        {rows.map((r) => {
          const mine = result?.productId === r.id && !result.saved ? result : null;
          const e = mine?.errors ?? {};
          const id = `ps-${r.id}`;
          return (
            <li key={r.id} className="card price-stock-row">
              <Form key={`${r.price}-${r.stock}`} method="post" noValidate aria-labelledby={`${id}-name`}>
                <CsrfInput />
                <input type="hidden" name="productId" value={r.id} />
                <h2 className="price-stock-name" id={`${id}-name`}>
                  {r.name}{" "}
                  <span className="muted">
                    ({r.unit}) · {formatVnd(r.price)}
                  </span>
                </h2>
                <div className="price-stock-fields">
                  <div className="field">
                    <label htmlFor={`${id}-price`}>{t("connector.priceStock.price")}</label>
                    <input
                      id={`${id}-price`}
                      name="price"
                      inputMode="numeric"
                      defaultValue={mine?.values?.price ?? formatNumber(r.price)}
                      aria-invalid={e.price ? true : undefined}
                      aria-describedby={e.price ? `${id}-price-error` : undefined}
                    />
                    {e.price ? (
                      <p className="field-error" id={`${id}-price-error`}>
                        {t(e.price)}
                      </p>
                    ) : null}
                  </div>
                  <div className="field">
                    <label htmlFor={`${id}-stock`}>{t("connector.priceStock.stock")}</label>
                    <input
                      id={`${id}-stock`}
                      name="stock"
                      inputMode="numeric"
                      defaultValue={mine?.values?.stock ?? formatNumber(r.stock)}
                      aria-invalid={e.stock ? true : undefined}
                      aria-describedby={e.stock ? `${id}-stock-error` : undefined}
                    />
                    {e.stock ? (
                      <p className="field-error" id={`${id}-stock-error`}>
                        {t(e.stock)}
                      </p>
                    ) : null}
                  </div>
                  <button className="button" type="submit">
                    {t("connector.priceStock.save")}
                  </button>
                </div>
              </Form>
            </li>
          );
        })}
      </ul>
    </>
  );
}
