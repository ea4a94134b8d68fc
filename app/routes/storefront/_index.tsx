import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { homeFacts } from "~/catalog/home.server";
import { ProductGrid } from "~/components/product-card";
import { catalogueCacheHeaders, catalogueHeaders } from "~/http/public-cache";
import { getLocale } from "~/i18n/locale.server";
import { formatNumber } from "~/i18n/format";
import { translator } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";
import { OCOP_GROUPS } from "#db/vocabulary";

export async function loader({ request }: LoaderFunctionArgs) {
  const t = translator(await getLocale(request));
  const facts = homeFacts();
  const counts = { products: formatNumber(facts.stats.products), producers: formatNumber(facts.stats.producers) };
  const home = { ...facts, title: t("app.tagline"), description: `${t("app.tagline")}. ${t("home.heroText", counts)}` };
  return data(home, { headers: catalogueCacheHeaders(request) });
}

export const headers = catalogueHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `OCOP Connect · ${data?.title ?? ""}` },
  { name: "description", content: data?.description ?? "" },
];

export default function Home() {
  const { stats, fiveStar, latest, provinces } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <section className="hero">
        <h1>{t("home.heroTitle")}</h1>
        <p>
          {t("home.heroText", {
            products: formatNumber(stats.products),
            producers: formatNumber(stats.producers),
          })}
        </p>
        <Link className="button" to="/san-pham">
          {t("home.browse")}
        </Link>
      </section>

      <section className="section" aria-labelledby="groups-heading">
        <h2 id="groups-heading">{t("home.groups")}</h2>
        <ul className="group-tiles">
          {OCOP_GROUPS.map((g) => (
            <li key={g}>
              <Link to={`/san-pham?group=${g}`}>
                <strong>{t(`group.${g}`)}</strong>
                <span className="muted">{t("home.productCount", { count: formatNumber(stats.groups[g]) })}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      {fiveStar.length > 0 ? (
        <section className="section" aria-labelledby="five-heading">
          <div className="section-head">
            <h2 id="five-heading">{t("home.fiveStar")}</h2>
            <Link to="/san-pham?stars=5">{t("home.browse")}</Link>
          </div>
          <ProductGrid products={fiveStar} />
        </section>
      ) : null}

      <section className="section" aria-labelledby="latest-heading">
        <h2 id="latest-heading">{t("home.latest")}</h2>
        <ProductGrid products={latest} />
      </section>

      <section className="section" aria-labelledby="provinces-heading">
        <h2 id="provinces-heading">{t("home.provinces")}</h2>
        <ul className="province-list">
          {provinces.map((p) => (
            <li key={p.id}>
              <Link to={`/san-pham?province=${p.slug}`}>
                <strong>{locale === "en" ? p.nameEn : p.name}</strong>
                <span className="muted">{t("home.productCount", { count: formatNumber(p.products) })}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
