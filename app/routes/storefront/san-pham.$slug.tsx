import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { catalogueCacheHeaders, catalogueHeaders } from "~/http/public-cache";
import { Link, useLoaderData } from "@remix-run/react";
import { largestWidth, variantUrl } from "~/photos/media";
import { getPublicProduct } from "~/catalog/product-detail.server";
import { productJsonLd } from "~/catalog/structured-data";
import { env } from "~/env.server";
import { latestProducts } from "~/catalog/products.server";
import { AddToCart } from "~/components/add-to-cart";
import { CertificateTable } from "~/components/certificate-table";
import { Picture } from "~/components/picture";
import { ProductGrid } from "~/components/product-card";
import { Stars } from "~/components/stars";
import { formatNumber, formatVnd } from "~/i18n/format";
import { useLocale, useT } from "~/i18n/use-t";
import { labelForProduct } from "~/traceability/certificate.server";

export async function loader({ params, request }: LoaderFunctionArgs) {
  const slug = params.slug ?? "";
  const product = /^[a-z0-9-]{1,200}$/.test(slug) ? getPublicProduct(slug) : null;
  if (!product) throw data({ reason: "not_found" as const }, { status: 404 });
  const more = latestProducts({ limit: 4, producerId: product.producer.id, excludeId: product.id });
  const label = labelForProduct(product.id);
  const jsonLd = productJsonLd(product, new URL(env().PUBLIC_URL).origin);
  return data({ product, more, jsonLd, label: label && { decision: label.decision } }, { headers: catalogueCacheHeaders(request) });
}

export const headers = catalogueHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.product.name} · ${data.product.producer.name} · OCOP Connect` },
        { name: "description", content: (data.product.description || `${data.product.name} · ${data.product.producer.name}`).slice(0, 160) },
      ]
    : [{ title: "OCOP Connect" }];

export default function ProductPage() {
  const { product, more, jsonLd, label } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const [main, ...rest] = product.images;
  return (
    <>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd }} />
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <ol>
          <li>
            <Link to="/san-pham">{t("nav.products")}</Link>
          </li>
          <li>
            <Link to={`/san-pham?group=${product.ocopGroup}`}>{t(`group.${product.ocopGroup}`)}</Link>
          </li>
          <li aria-current="page">{product.name}</li>
        </ol>
      </nav>
      <div className="product-detail">
        <div className="gallery">
          {main ? (
            <Picture
              image={main}
              className="main-photo"
              sizes="(min-width: 860px) 600px, 100vw"
              alt={main.alt || t("product.photoOf", { n: 1, name: product.name })}
              eager
            />
          ) : (
            <div className="no-photo">{t("product.noPhoto")}</div>
          )}
          {rest.length > 0 ? (
            <ul>
              {rest.map((img, i) => (
                <li key={img.storageKey + i}>
                  <a href={variantUrl(img.storageKey, largestWidth(img))}>
                    <Picture image={img} sizes="150px" alt={img.alt || t("product.photoOf", { n: i + 2, name: product.name })} />
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        <div className="buy-box">
          <h1>{product.name}</h1>
          <Stars stars={product.stars} awaiting={product.starsAwaiting} />
          {product.starsAwaiting ? <p className="field-hint">{t("stars.awaitingNote")}</p> : null}
          <p className="price">{formatVnd(product.price)}</p>
          <p>{product.stock > 0 ? t("product.stock", { count: formatNumber(product.stock) }) : <strong className="out-of-stock">{t("product.outOfStock")}</strong>}</p>
          {product.stock > 0 ? <AddToCart productId={product.id} stock={product.stock} /> : null}
          <dl className="facts">
            <dt>{t("product.producer")}</dt>
            <dd>
              <Link to={`/nha-san-xuat/${product.producer.slug}`}>{product.producer.name}</Link>
            </dd>
            <dt>{t("product.province")}</dt>
            <dd>
              <Link to={`/san-pham?province=${product.province.slug}`}>{product.province.name}</Link>
            </dd>
            <dt>{t("product.unit")}</dt>
            <dd>{product.unit}</dd>
            {product.weightGrams ? (
              <>
                <dt>{t("product.weight")}</dt>
                <dd>{formatNumber(product.weightGrams)} g</dd>
              </>
            ) : null}
            <dt>{t("product.group")}</dt>
            <dd>{t(`group.${product.ocopGroup}`)}</dd>
            {product.categoryName ? (
              <>
                <dt>{t("product.category")}</dt>
                <dd>{locale === "en" ? product.categoryNameEn : product.categoryName}</dd>
              </>
            ) : null}
          </dl>
        </div>
      </div>

      <section className="section" aria-labelledby="desc-heading">
        <h2 id="desc-heading">{t("product.description")}</h2>
        <p className="description">{product.description}</p>
      </section>

      <section className="section" aria-labelledby="cert-heading">
        <h2 id="cert-heading">{t("product.certificates")}</h2>
        <CertificateTable
          certificates={product.certificates}
          checkLink={(c) => (c.kind === "ocop" ? `/chung-nhan/${encodeURIComponent(c.number)}?sp=${product.slug}` : null)}
        />
        {label ? (
          <p className="label-links" data-testid="label-links">
            <Link to={`/chung-nhan/${encodeURIComponent(label.decision)}?sp=${product.slug}`}>{t("trace.check")}</Link>
            {" · "}
            {t("trace.label")}: <a href={`/nhan-qr/${product.slug}?dinh-dang=svg`}>{t("trace.labelSvg")}</a>,{" "}
            <a href={`/nhan-qr/${product.slug}?dinh-dang=pdf`}>{t("trace.labelPdf")}</a>
          </p>
        ) : null}
      </section>

      {more.length > 0 ? (
        <section className="section" aria-labelledby="more-heading">
          <h2 id="more-heading">{t("product.moreFrom", { producer: product.producer.name })}</h2>
          <ProductGrid products={more} />
        </section>
      ) : null}
    </>
  );
}
