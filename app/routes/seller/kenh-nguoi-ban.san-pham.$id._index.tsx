import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { requireCsrf } from "~/auth/csrf.server";
import { requireProducer } from "~/auth/scope-guards.server";
import { categoryOptions } from "~/seller/categories.server";
import { PRODUCT_FIELDS, ProductSchema } from "~/seller/product-form";
import { idParam, notFound } from "~/http/route-params.server";
import { getSellerProduct, priceStockHistory } from "~/seller/product-queries.server";
import { duplicateProduct, setProductStatus, updateProduct } from "~/seller/seller-products.server";
import { CsrfInput } from "~/components/csrf-input";
import { ProductFormFields } from "~/components/product-form-fields";
import { invalid, submitted } from "~/form-errors";
import { formatDateTime, formatNumber, formatVnd } from "~/i18n/format";
import { translator } from "~/i18n/messages";
import { getLocale } from "~/i18n/locale.server";
import { useAllT } from "~/i18n/use-all-t";
import { readForm } from "~/http/read-form.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { producerId } = await requireProducer(request);
  const id = idParam(params.id);
  const product = getSellerProduct(producerId, id);
  if (!product) throw notFound();
  return { product, categories: categoryOptions(), history: priceStockHistory(producerId, id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { producerId } = await requireProducer(request);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const id = idParam(params.id);
  if (!getSellerProduct(producerId, id)) throw notFound();
  const intent = form.get("intent");
  const here = `/kenh-nguoi-ban/san-pham/${id}`;
  if (intent === "archive" || intent === "restore" || intent === "activate") {
    const status = intent === "archive" ? "archived" : intent === "restore" ? "draft" : "active";
    const result = setProductStatus(producerId, id, status);
    if (!result.ok && result.error === "not_found") throw notFound();
    // Not ready to go live: the product's header already lists what is missing.
    throw redirect(result.ok ? `${here}?done=${intent}` : `${here}?done=notReady`);
  }
  if (intent === "duplicate") {
    const t = translator(await getLocale(request));
    const copy = duplicateProduct(producerId, id, t("seller.copySuffix"));
    if (copy === null) throw notFound();
    throw redirect(`/kenh-nguoi-ban/san-pham/${copy}?done=duplicated`);
  }
  const values = submitted(form, PRODUCT_FIELDS, 5000);
  const parsed = ProductSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, { values });
  const result = updateProduct(producerId, id, parsed.data);
  if (!result.ok) {
    if (result.field === "form") throw notFound();
    return invalid({ [result.field]: result.error }, { values });
  }
  throw redirect(`${here}?done=saved`);
}

const DONE = {
  saved: "seller.done.saved",
  archive: "seller.done.archived",
  restore: "seller.done.restored",
  activate: "seller.done.activated",
  duplicated: "seller.done.duplicated",
  notReady: "seller.done.notReady",
} as const;

export default function ProductDetails() {
  const { product, categories, history } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useAllT();
  const busy = useNavigation().state === "submitting";
  const done = DONE[params.get("done") as keyof typeof DONE] ?? null;
  return (
    <>
      {done ? (
        <p className={`alert ${done === DONE.notReady ? "error" : "success"}`} role="status">
          {t(done)}
        </p>
      ) : null}
      {product.status === "archived" ? <p className="alert info">{t("seller.archivedHint")}</p> : null}
      <Form method="post" noValidate className="card">
        <CsrfInput />
        <ProductFormFields values={result?.values ?? product} errors={result?.errors ?? {}} categories={categories} />
        <button type="submit" name="intent" value="save" className="button" disabled={busy}>
          {t("seller.save")}
        </button>
      </Form>
      <div className="inline-actions section">
        <Form method="post">
          <CsrfInput />
          <button type="submit" name="intent" value="duplicate" className="button secondary" disabled={busy}>
            {t("seller.duplicate")}
          </button>
        </Form>
        {product.status === "archived" ? (
          <Form method="post">
            <CsrfInput />
            <button type="submit" name="intent" value="restore" className="button secondary" disabled={busy}>
              {t("seller.restore")}
            </button>
          </Form>
        ) : (
          <Form method="post">
            <CsrfInput />
            <button type="submit" name="intent" value="archive" className="button secondary danger" disabled={busy}>
              {t("seller.archive")}
            </button>
          </Form>
        )}
      </div>
      <section className="section" aria-labelledby="history-heading">
        <h2 id="history-heading">{t("seller.history")}</h2>
        <div className="table-wrap">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t("seller.history.at")}</th>
                <th scope="col">{t("product.price")}</th>
                <th scope="col">{t("seller.stock")}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((h, i) => (
                <tr key={i}>
                  <td>{formatDateTime(h.at)}</td>
                  <td>{formatVnd(h.price)}</td>
                  <td>{formatNumber(h.stock)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
