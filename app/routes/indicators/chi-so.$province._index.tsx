import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { IndicatorCard } from "~/components/indicator-card";
import { LineChart } from "~/components/charts/line-chart";
import { RatioTable } from "~/components/ratio-table";
import { formatDateTime, formatNumber, formatPercent, formatVnd } from "~/i18n/format";
import { useAllT } from "~/i18n/use-all-t";
import { requireIndicatorScope } from "~/indicators/access.server";
import { overview } from "~/indicators/overview.server";
import { periodFromUrl } from "~/indicators/period-param.server";
import { marketplaceNames, paymentMethodNames } from "~/indicators/labels.server";
import { getLocale } from "~/i18n/locale.server";
import { TableWrap } from "~/components/table-wrap";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { province, slug } = await requireIndicatorScope(request, params.province);
  const { period } = periodFromUrl(new URL(request.url));
  const locale = await getLocale(request);
  // The per-province figures are the API's; the page reads the totals.
  const { provinces: _, ...o } = overview(province?.id ?? null, period);
  return {
    slug,
    overview: o,
    methods: paymentMethodNames(locale),
    marketplaces: marketplaceNames(),
  };
}

export default function IndicatorOverview() {
  const { slug, overview: o, methods, marketplaces } = useLoaderData<typeof loader>();
  const t = useAllT();
  const [params] = useSearchParams();
  const months = o.trend.map((p) => `${p.month.slice(5)}/${p.month.slice(2, 4)}`);
  const listingTarget = o.cards.find((c) => c.id === "ocop_listing_share")?.target;
  const cashlessTarget = o.cards.find((c) => c.id === "cashless_rate_count")?.target;
  const exportLink = (table: string, format: "xlsx" | "csv") => {
    const q = new URLSearchParams(params);
    q.set("bang", table);
    q.set("dinh-dang", format);
    return `/chi-so/${slug}/xuat?${q}`;
  };
  return (
    <>
      {o.freshness.current ? null : (
        <p className="alert info" role="status">
          {t("ind.stale", { count: o.freshness.staleProvinceIds.length, time: formatDateTime(o.freshness.computedAt) })}
        </p>
      )}
      <div className="ind-cards">
        {o.cards.map((c) => (
          <IndicatorCard
            key={c.id}
            card={c}
            extra={
              c.id === "intermediary_share"
                ? t("ind.intermediary_with_vietqr", { value: formatPercent(o.cashless.intermediaryShareWithVietqr.value) })
                : undefined
            }
          />
        ))}
      </div>
      <p className="downloads">
        {t("ind.export")}: <a href={exportLink("tong-quan", "xlsx")}>{t("ind.exportXlsx")}</a>
        <a href={exportLink("tong-quan", "csv")}>{t("ind.exportCsv")}</a>
        <a href={`/api/chi-so/${slug}?${params}`}>{t("ind.api")}</a>
      </p>

      <section className="section" aria-labelledby="trend-heading">
        <h2 id="trend-heading">{t("ind.trend")}</h2>
        <div className="chart-pair">
          <div>
            <h3>{t("ind.trend.listing")}</h3>
            <LineChart
              title={t("ind.trend.listing")}
              labels={months}
              series={[{ name: t("ind.ocop_listing_share"), values: o.trend.map((p) => p.ocopListing.value), className: "s1" }]}
              target={listingTarget ? { value: listingTarget.bp / 10_000, label: formatPercent(listingTarget.bp / 10_000) } : null}
            />
            <h3>{t("ind.trend.cashless")}</h3>
            <p className="legend">
              <span className="k1">{t("ind.cashless_rate_count")}</span>
              <span className="k2">{t("ind.cashless_rate_value")}</span>
            </p>
            <LineChart
              title={t("ind.trend.cashless")}
              labels={months}
              series={[
                { name: t("ind.cashless_rate_count"), values: o.trend.map((p) => p.cashlessCount.value), className: "s1" },
                { name: t("ind.cashless_rate_value"), values: o.trend.map((p) => p.cashlessValue.value), className: "s2" },
              ]}
              target={cashlessTarget ? { value: cashlessTarget.bp / 10_000, label: formatPercent(cashlessTarget.bp / 10_000) } : null}
            />
          </div>
          <TableWrap label={t("ind.trend")}>
            <table className="data stack-on-phone" data-testid="trend-table">
              <caption className="visually-hidden">{t("ind.trend")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("ind.month")}</th>
                  <th scope="col" className="num">{t("ind.short.listing")}</th>
                  <th scope="col" className="num">{t("ind.short.cashlessCount")}</th>
                  <th scope="col" className="num">{t("ind.short.cashlessValue")}</th>
                </tr>
              </thead>
              <tbody>
                {o.trend.map((p) => (
                  <tr key={p.month}>
                    <th scope="row">{`${p.month.slice(5)}/${p.month.slice(0, 4)}`}</th>
                    <td className="num" data-label={t("ind.short.listing")}>{formatPercent(p.ocopListing.value)}</td>
                    <td className="num" data-label={t("ind.short.cashlessCount")}>{formatPercent(p.cashlessCount.value)}</td>
                    <td className="num" data-label={t("ind.short.cashlessValue")}>{formatPercent(p.cashlessValue.value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="muted">{t("ind.short.note")}</p>
          </TableWrap>
        </div>
      </section>

      <section className="section" aria-labelledby="by-marketplace">
        <h2 id="by-marketplace">{t("ind.byMarketplace")}</h2>
        <RatioTable
          caption={t("ind.byMarketplace")}
          labelHeader={t("ind.byMarketplace")}
          rows={o.listing.byMarketplace.map((m) => ({ key: m.key, label: marketplaces[m.key] ?? m.key, ratio: m.listed }))}
        />
      </section>
      <div className="chart-pair">
        <section className="section" aria-labelledby="by-stars">
          <h2 id="by-stars">{t("ind.byStars")}</h2>
          <RatioTable
            caption={t("ind.byStars")}
            labelHeader={t("ind.col.stars")}
            extraHeader={t("ind.col.claimed")}
            rows={o.listing.byStars.map((s) => ({ key: s.key, label: s.label, ratio: s.listed, extra: s.claimed }))}
          />
        </section>
        <section className="section" aria-labelledby="by-group">
          <h2 id="by-group">{t("ind.byGroup")}</h2>
          <RatioTable
            caption={t("ind.byGroup")}
            labelHeader={t("ind.byGroup")}
            extraHeader={t("ind.col.claimed")}
            rows={o.listing.byGroup.map((g) => ({ key: g.key, label: t(`group.${g.key}`), ratio: g.listed, extra: g.claimed }))}
          />
        </section>
      </div>
      <section className="section" aria-labelledby="by-method">
        <h2 id="by-method">{t("ind.byMethod")}</h2>
        <TableWrap label={t("ind.byMethod")}>
          <table className="data stack-on-phone" data-testid="method-table">
            <thead>
              <tr>
                <th scope="col">{t("ind.byMethod")}</th>
                <th scope="col" className="num">{t("ind.col.orders")}</th>
                <th scope="col" className="num">{t("ind.col.value")}</th>
              </tr>
            </thead>
            <tbody>
              {o.cashless.byMethod.map((m) => (
                <tr key={m.method}>
                  <th scope="row">{methods[m.method] ?? (m.method || "—")}</th>
                  <td className="num" data-label={t("ind.col.orders")}>{formatNumber(m.orders)}</td>
                  <td className="num" data-label={t("ind.col.value")}>{formatVnd(m.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </section>
    </>
  );
}
