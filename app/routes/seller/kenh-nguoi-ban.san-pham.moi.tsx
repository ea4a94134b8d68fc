import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireCsrf } from "~/auth/csrf.server";
import { requireProducer } from "~/auth/scope-guards.server";
import { categoryOptions } from "~/seller/categories.server";
import { PRODUCT_FIELDS, ProductSchema } from "~/seller/product-form";
import { createProduct } from "~/seller/seller-products.server";
import { CsrfInput } from "~/components/csrf-input";
import { ProductFormFields } from "~/components/product-form-fields";
import { invalid, submitted } from "~/form-errors";
import { useAllT } from "~/i18n/use-all-t";
import { readForm } from "~/http/read-form.server";
import { pageTitle } from "~/i18n/titles";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "newProduct", "seller")];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireProducer(request);
  return { categories: categoryOptions() };
}

export async function action({ request }: ActionFunctionArgs) {
  const { producerId } = await requireProducer(request);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const values = submitted(form, PRODUCT_FIELDS, 5000);
  const parsed = ProductSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, { values });
  const result = createProduct(producerId, parsed.data);
  if (!result.ok) {
    if (result.field === "form") throw data({ reason: "not_found" as const }, { status: 404 }); // only when editing
    return invalid({ [result.field]: result.error }, { values });
  }
  // Next step of listing a product: its photos.
  throw redirect(`/kenh-nguoi-ban/san-pham/${result.id}/anh?moi=1`);
}

export default function NewProduct() {
  const { categories } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useAllT();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <p>
        <Link to="/kenh-nguoi-ban/san-pham">← {t("seller.products")}</Link>
      </p>
      <h1>{t("seller.addProduct")}</h1>
      <p className="muted">{t("seller.newSteps")}</p>
      <Form method="post" noValidate className="card">
        <CsrfInput />
        <ProductFormFields values={result?.values ?? {}} errors={result?.errors ?? {}} categories={categories} />
        <button type="submit" className="button" disabled={busy}>
          {t("seller.createAndAddPhotos")}
        </button>
      </Form>
    </>
  );
}
