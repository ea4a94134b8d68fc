import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { CsrfInput } from "~/components/csrf-input";
import { MissingToGoLive } from "~/components/seller-badges";
import { requireProducer } from "~/auth/scope-guards.server";
import { idParam, notFound } from "~/http/route-params.server";
import { getSellerProduct } from "~/seller/product-queries.server";
import { StatusBadge } from "~/components/seller-badges";
import { useAllT } from "~/i18n/use-all-t";
import { labelForProduct } from "~/traceability/certificate.server";
import { pageTitle } from "~/i18n/titles";

// One product in the seller centre: a header and its sections (details, photos, certificates,
// marketplace readiness). Each child loader checks the producer again: none trusts this one.
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [pageTitle(matches, { text: data?.product.name ?? "" }, "seller")];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { producerId } = await requireProducer(request);
  const product = getSellerProduct(producerId, idParam(params.id));
  if (!product) throw notFound();
  return {
    product: { id: product.id, name: product.name, slug: product.slug, status: product.status, visible: product.visible, missing: product.missing },
    hasLabel: labelForProduct(product.id) !== null,
  };
}

export default function SellerProductLayout() {
  const { product, hasLabel } = useLoaderData<typeof loader>();
  const t = useAllT();
  const base = `/kenh-nguoi-ban/san-pham/${product.id}`;
  return (
    <>
      <p>
        <Link to="/kenh-nguoi-ban/san-pham">← {t("seller.products")}</Link>
      </p>
      <h1>{product.name}</h1>
      <p className="badges">
        <StatusBadge status={product.status} visible={product.visible} />
        {product.visible ? <Link to={`/san-pham/${product.slug}`}>{t("seller.viewPublic")}</Link> : null}
        {hasLabel ? (
          <span className="label-links">
            {product.visible ? "· " : null}
            <a href={`/nhan-qr/${product.slug}?dinh-dang=pdf`} title={t("trace.labelHint")}>
              {t("trace.labelPrint")}
            </a>{" "}
            (<a href={`/nhan-qr/${product.slug}?dinh-dang=pdf`}>{t("trace.labelPdf")}</a>,{" "}
            <a href={`/nhan-qr/${product.slug}?dinh-dang=svg`}>{t("trace.labelSvg")}</a>)
          </span>
        ) : null}
      </p>
      {product.status === "draft" ? (
        <div className="go-live" data-testid="go-live">
          {product.missing.length > 0 ? (
            <MissingToGoLive missing={product.missing} />
          ) : (
            <Form method="post" action={`${base}?index`}>
              <CsrfInput />
              <span>{t("seller.goLive.ready")} </span>
              <button type="submit" name="intent" value="activate" className="button">
                {t("seller.goLive.publish")}
              </button>
            </Form>
          )}
        </div>
      ) : null}
      <nav className="tabs" aria-label={t("seller.productSections")}>
        <NavLink to={base} end>
          {t("seller.tab.details")}
        </NavLink>
        <NavLink to={`${base}/anh`}>{t("seller.tab.photos")}</NavLink>
        <NavLink to={`${base}/chung-nhan`}>{t("seller.tab.certificates")}</NavLink>
        <NavLink to={`${base}/san-sang`}>{t("seller.tab.readiness")}</NavLink>
      </nav>
      <Outlet />
    </>
  );
}
