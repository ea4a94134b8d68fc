import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { catalogueCacheHeaders, catalogueHeaders } from "~/http/public-cache";
import { Link, useLoaderData } from "@remix-run/react";
import { getPublicProducer } from "~/catalog/producers.server";
import { latestProducts } from "~/catalog/products.server";
import { ProductGrid } from "~/components/product-card";
import { useT } from "~/i18n/use-t";

const MAX_PRODUCTS = 120;

export async function loader({ params, request }: LoaderFunctionArgs) {
  const slug = params.slug ?? "";
  const producer = /^[a-z0-9-]{1,200}$/.test(slug) ? getPublicProducer(slug) : null;
  if (!producer) throw data({ reason: "not_found" as const }, { status: 404 });
  return data(
    { producer, products: latestProducts({ limit: MAX_PRODUCTS, producerId: producer.id }) },
    { headers: catalogueCacheHeaders(request) },
  );
}

export const headers = catalogueHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.producer.name} · OCOP Connect` : "OCOP Connect" },
  { name: "description", content: data?.producer.description.slice(0, 160) ?? "" },
];

export default function ProducerPage() {
  const { producer, products } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <header className="section">
        <p className="muted">
          {t(`producer.kind.${producer.kind}`)} · <span className="badge ok">{t("producer.verified")}</span>
        </p>
        <h1>{producer.name}</h1>
        {producer.description ? <p className="description">{producer.description}</p> : null}
        <dl className="facts">
          <dt>{t("product.province")}</dt>
          <dd>
            <Link to={`/san-pham?province=${producer.provinceSlug}`}>{producer.provinceName}</Link>
          </dd>
          <dt>{t("producer.address")}</dt>
          <dd>{[producer.address, producer.communeName, producer.provinceName].filter(Boolean).join(", ")}</dd>
          {producer.phone ? (
            <>
              <dt>{t("producer.phone")}</dt>
              <dd>
                <a href={`tel:${producer.phone}`}>{producer.phone}</a>
              </dd>
            </>
          ) : null}
          {producer.taxCode ? (
            <>
              <dt>{t("producer.taxCode")}</dt>
              <dd>{producer.taxCode}</dd>
            </>
          ) : null}
        </dl>
      </header>
      <section aria-labelledby="producer-products">
        <h2 id="producer-products">{t("producer.products", { name: producer.name })}</h2>
        <ProductGrid products={products} />
      </section>
    </>
  );
}
