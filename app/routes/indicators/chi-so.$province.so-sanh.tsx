import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { RankingTable } from "~/components/ranking-table";
import { formatDateTime } from "~/i18n/format";
import { useAllT } from "~/i18n/use-all-t";
import { requireIndicatorScope } from "~/indicators/access.server";
import { provinceComparison, provinceRankings } from "~/indicators/comparison.server";
import { periodFromUrl } from "~/indicators/period-param.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { province, slug } = await requireIndicatorScope(request, params.province);
  const { period } = periodFromUrl(new URL(request.url));
  return province
    ? { slug, kind: "province" as const, ...provinceRankings(province.id, period) }
    : { slug, kind: "national" as const, ...provinceComparison(period) };
}

export default function Compare() {
  const data = useLoaderData<typeof loader>();
  const t = useAllT();
  const [params] = useSearchParams();
  const q = new URLSearchParams(params);
  const download = (table: string) => {
    q.set("bang", table);
    q.set("dinh-dang", "xlsx");
    return `/chi-so/${data.slug}/xuat?${q}`;
  };
  if (data.kind === "national") {
    return (
      <section aria-labelledby="provinces-heading">
        <h2 id="provinces-heading">{t("ind.compare.provinces")}</h2>
        {data.freshness.current ? null : (
          <p className="alert info" role="status">
            {t("ind.stale", { count: data.freshness.staleProvinceIds.length, time: formatDateTime(data.freshness.computedAt) })}
          </p>
        )}
        <p className="downloads">
          <a href={download("tinh")}>{t("ind.export")}: {t("ind.exportXlsx")}</a>
        </p>
        <RankingTable
          rows={data.rows}
          caption={t("ind.compare.provinces")}
          labelHeader={t("ind.col.province")}
          linkOf={(r) => `/chi-so/${r.slug}?${params}`}
          testId="province-ranking"
        />
      </section>
    );
  }
  return (
    <>
      <section className="section" aria-labelledby="communes-heading">
        <h2 id="communes-heading">{t("ind.compare.communes")}</h2>
        <p className="downloads">
          <a href={download("xa-phuong")}>{t("ind.export")}: {t("ind.exportXlsx")}</a>
        </p>
        <RankingTable rows={data.communes} caption={t("ind.compare.communes")} labelHeader={t("ind.col.commune")} testId="commune-ranking" />
      </section>
      <section className="section" aria-labelledby="producers-heading">
        <h2 id="producers-heading">{t("ind.compare.producers")}</h2>
        <p className="downloads">
          <a href={download("chu-the")}>{t("ind.export")}: {t("ind.exportXlsx")}</a>
        </p>
        <RankingTable rows={data.producers} caption={t("ind.compare.producers")} labelHeader={t("ind.col.producer")} testId="producer-ranking" />
      </section>
    </>
  );
}
