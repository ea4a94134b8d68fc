import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { filtersToSearch, SORTS } from "~/catalog/list-filters";
import { parseListFilters } from "~/catalog/list-filters.server";
import { keptListPage } from "~/catalog/products.server";
import { currentProvinceBySlug, currentProvinces } from "~/places/provinces.server";
import { ProductGrid } from "~/components/product-card";
import { formatNumber } from "~/i18n/format";
import { catalogueCacheHeaders, catalogueHeaders } from "~/http/public-cache";
import { getLocale } from "~/i18n/locale.server";
import { translator } from "~/i18n/messages";
import { useLocale, useT } from "~/i18n/use-t";
import { CERT_KINDS, OCOP_GROUPS } from "#db/vocabulary";

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const { filters, invalid } = parseListFilters(url.searchParams);
  let provinceId: number | null = null;
  if (filters.province) {
    const province = currentProvinceBySlug(filters.province);
    if (province) provinceId = province.id;
    else {
      invalid.push("province");
      delete filters.province;
    }
  }
  const result = keptListPage(filters, provinceId);
  const t = translator(await getLocale(request));
  const list = {
    ...result,
    filters: { ...filters, page: result.page },
    invalid,
    provinces: currentProvinces(),
    title: filters.q ? t("catalog.searchTitle", { q: filters.q }) : t("catalog.title"),
    description: t("catalog.description"),
  };
  return data(list, { headers: catalogueCacheHeaders(request) });
}

export const headers = catalogueHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.title ?? ""} · OCOP Connect` },
  { name: "description", content: data?.description ?? "" },
  { name: "robots", content: data?.filters.q ? "noindex" : "index" },
];

export default function ProductList() {
  const { items, total, page, pages, filters, invalid, provinces, title } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const { search } = useLocation();
  const active = (["province", "stars", "group", "cert", "min", "max"] as const).filter((k) => filters[k] !== undefined).length;
  const hasFilters = active > 0;
  return (
    <>
      <h1>{title}</h1>
      {invalid.length > 0 ? (
        <p className="alert info" role="status">
          {t("catalog.badQuery", { fields: invalid.join(", ") })}
        </p>
      ) : null}
      <div className="catalog-layout">
        {/* Keyed by the query: after "Áp dụng" the panel starts closed again (on a phone the results come first). */}
        <details className="filters" key={search}>
          <summary>
            {t("catalog.filters")}
            {hasFilters ? ` (${active})` : ""}
          </summary>
          <Form method="get" action="/san-pham">
            {filters.q ? <input type="hidden" name="q" value={filters.q} /> : null}
            <div className="field">
              <label htmlFor="f-province">{t("catalog.province")}</label>
              <select id="f-province" name="province" defaultValue={filters.province ?? ""}>
                <option value="">{t("catalog.anyProvince")}</option>
                {provinces.map((p) => (
                  <option key={p.slug} value={p.slug}>
                    {locale === "en" ? p.nameEn : p.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="f-stars">{t("catalog.stars")}</label>
              <select id="f-stars" name="stars" defaultValue={filters.stars ?? ""}>
                <option value="">{t("catalog.anyStars")}</option>
                {[3, 4, 5].map((s) => (
                  <option key={s} value={s}>
                    {t("catalog.starsAtLeast", { stars: s })}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="f-group">{t("catalog.group")}</label>
              <select id="f-group" name="group" defaultValue={filters.group ?? ""}>
                <option value="">{t("catalog.anyGroup")}</option>
                {OCOP_GROUPS.map((g) => (
                  <option key={g} value={g}>
                    {t(`group.${g}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="f-cert">{t("catalog.cert")}</label>
              <select id="f-cert" name="cert" defaultValue={filters.cert ?? ""}>
                <option value="">{t("catalog.anyCert")}</option>
                {CERT_KINDS.map((c) => (
                  <option key={c} value={c}>
                    {t(`cert.${c}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="price-range">
              <div className="field">
                <label htmlFor="f-min">{t("catalog.priceMin")}</label>
                <input id="f-min" name="min" type="number" min={0} step={1000} inputMode="numeric" defaultValue={filters.min ?? ""} />
              </div>
              <div className="field">
                <label htmlFor="f-max">{t("catalog.priceMax")}</label>
                <input id="f-max" name="max" type="number" min={0} step={1000} inputMode="numeric" defaultValue={filters.max ?? ""} />
              </div>
            </div>
            <div className="field">
              <label htmlFor="f-sort">{t("catalog.sort")}</label>
              <select id="f-sort" name="sort" defaultValue={filters.sort ?? (filters.q ? "relevance" : "newest")}>
                {SORTS.filter((s) => s !== "relevance" || filters.q).map((s) => (
                  <option key={s} value={s}>
                    {t(`catalog.sort.${s}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="filters-actions">
              <button type="submit" className="button">
                {t("catalog.apply")}
              </button>
              {hasFilters ? <Link to={`/san-pham${filtersToSearch({ page: 1, q: filters.q })}`}>{t("catalog.clear")}</Link> : null}
            </div>
          </Form>
        </details>

        <section aria-labelledby="results-count">
          <div className="results-bar">
            <p id="results-count" role="status">
              {t("catalog.results", { count: formatNumber(total) })}
            </p>
          </div>
          {items.length === 0 ? <p className="card">{t("catalog.empty")}</p> : <ProductGrid products={items} label={title} heading="h2" />}
          {pages > 1 ? (
            <nav className="pagination" aria-label={t("catalog.page", { page, pages })}>
              {page > 1 ? (
                <Link to={`/san-pham${filtersToSearch(filters, { page: page - 1 })}`} rel="prev">
                  {t("catalog.prev")}
                </Link>
              ) : (
                <span className="disabled">{t("catalog.prev")}</span>
              )}
              <span>{t("catalog.page", { page, pages })}</span>
              {page < pages ? (
                <Link to={`/san-pham${filtersToSearch(filters, { page: page + 1 })}`} rel="next">
                  {t("catalog.next")}
                </Link>
              ) : (
                <span className="disabled">{t("catalog.next")}</span>
              )}
            </nav>
          ) : null}
        </section>
      </div>
    </>
  );
}
