import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { formatNumber } from "~/i18n/format";
import { useAllT } from "~/i18n/use-all-t";
import { requireIndicatorScope } from "~/indicators/access.server";
import { marketplaceNames } from "~/indicators/labels.server";
import { periodFromUrl } from "~/indicators/period-param.server";
import { unlistedProducts } from "~/indicators/unlisted.server";
import { TableWrap } from "~/components/table-wrap";
import { lacksLines } from "~/indicators/tables";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { province, slug } = await requireIndicatorScope(request, params.province);
  const { period } = periodFromUrl(new URL(request.url));
  // The national view has ~10,000 such products: the drill-down is per province.
  return { slug, products: province ? unlistedProducts(province.id, period) : null, marketplaces: marketplaceNames() };
}

export default function Unlisted() {
  const { slug, products, marketplaces } = useLoaderData<typeof loader>();
  const t = useAllT();
  const [params] = useSearchParams();
  if (!products) return <p className="card">{t("ind.compare.provinces")}: <Link to={`/chi-so/${slug}/so-sanh?${params}`}>{t("ind.nav.compare")}</Link></p>;
  const q = new URLSearchParams(params);
  q.set("bang", "chua-len-san");
  return (
    <section aria-labelledby="unlisted-heading">
      <h2 id="unlisted-heading">{t("ind.unlisted.title")}</h2>
      <p>{t("ind.unlisted.intro", { count: formatNumber(products.length) })}</p>
      <p className="downloads">
        {t("ind.export")}: <a href={`/chi-so/${slug}/xuat?${q}&dinh-dang=xlsx`}>{t("ind.exportXlsx")}</a>
        <a href={`/chi-so/${slug}/xuat?${q}&dinh-dang=csv`}>{t("ind.exportCsv")}</a>
      </p>
      <TableWrap label={t("ind.unlisted.title")}>
        <table className="data stack-on-phone" data-testid="unlisted-table">
          <thead>
            <tr>
              <th scope="col">{t("ind.col.product")}</th>
              <th scope="col">{t("ind.col.stars")}</th>
              <th scope="col">{t("ind.col.producer")}</th>
              <th scope="col">{t("ind.col.phone")}</th>
              <th scope="col">{t("ind.col.lacks")}</th>
            </tr>
          </thead>
          <tbody>
            {products.map((p) => (
              <tr key={p.productId}>
                <td data-label={t("ind.col.product")}>{p.visible ? <Link to={`/san-pham/${p.slug}`}>{p.name}</Link> : p.name}</td>
                <td data-label={t("ind.col.stars")}>{"★".repeat(p.stars)}</td>
                <td data-label={t("ind.col.producer")}>
                  {p.producerName}
                  {p.communeName ? <span className="muted"> · {p.communeName}</span> : null}
                </td>
                <td data-label={t("ind.col.phone")}>{p.producerPhone ? <a href={`tel:${p.producerPhone}`}>{p.producerPhone}</a> : "—"}</td>
                <td data-label={t("ind.col.lacks")}>
                  <ul className="lacks">
                    {lacksLines(p, t, marketplaces).map((l) => (
                      <li key={l.text + (l.where ?? "")}>
                        {l.text}
                        {l.where ? <span className="muted"> ({l.where})</span> : null}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}
