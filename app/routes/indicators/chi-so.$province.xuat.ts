import type { LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { z } from "zod";
import { translator } from "~/i18n/messages";
import { requireIndicatorScope } from "~/indicators/access.server";
import { provinceComparison, provinceRankings } from "~/indicators/comparison.server";
import { toCsv, toXlsx } from "~/indicators/export.server";
import { marketplaceNames, paymentMethodNames } from "~/indicators/labels.server";
import { overview } from "~/indicators/overview.server";
import { periodFromUrl } from "~/indicators/period-param.server";
import { overviewTables, rankingTable, unlistedTable, type Table } from "~/indicators/tables";
import { unlistedProducts } from "~/indicators/unlisted.server";
import { asOfDay, periodLabel } from "~/indicators/periods";
import { formatDay, vietnamToday } from "~/i18n/format";
import { OCOP_GROUPS } from "#db/vocabulary";

const Query = z.object({
  bang: z.enum(["tong-quan", "xa-phuong", "chu-the", "tinh", "chua-len-san"]),
  "dinh-dang": z.enum(["xlsx", "csv"]),
});

/** GET /chi-so/:province/xuat?bang=…&dinh-dang=xlsx|csv — the page's table as a file. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { province, slug } = await requireIndicatorScope(request, params.province);
  const url = new URL(request.url);
  const query = Query.safeParse(Object.fromEntries(url.searchParams));
  if (!query.success) throw data({ reason: "bad_request" as const }, { status: 400 });
  const { period } = periodFromUrl(url);
  const vi = translator("vi");
  const table = query.data.bang;
  let tables: Table[];
  if (table === "tong-quan") {
    const groups = Object.fromEntries(OCOP_GROUPS.map((g) => [g, vi(`group.${g}`)]));
    tables = overviewTables(overview(province?.id ?? null, period), {
      methods: paymentMethodNames("vi"),
      marketplaces: marketplaceNames(),
      groups,
    });
  } else if (table === "tinh") {
    tables = [rankingTable("Tỉnh", "Các tỉnh xếp theo khoảng cách tới mục tiêu", "Tỉnh, thành phố", provinceComparison(period).rows)];
  } else if (!province) {
    throw data({ reason: "bad_request" as const }, { status: 400 });
  } else if (table === "chua-len-san") {
    tables = [unlistedTable(unlistedProducts(province.id, period), vi, marketplaceNames())];
  } else {
    const ranks = provinceRankings(province.id, period);
    tables =
      table === "xa-phuong"
        ? [rankingTable("Xã phường", "Xã, phường xếp theo khoảng cách tới mục tiêu", "Xã, phường", ranks.communes)]
        : [rankingTable("Chủ thể", "Chủ thể xếp theo khoảng cách tới mục tiêu", "Chủ thể", ranks.producers)];
  }
  const name = `chi-so-${slug}-${table}-${period.key.replace("..", "_")}`;
  if (query.data["dinh-dang"] === "csv") {
    return new Response(toCsv(tables[0]!), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}.csv"`,
        "Cache-Control": "private, no-store",
      },
    });
  }
  const today = vietnamToday();
  const heading = {
    scope: province?.name ?? vi("ind.national"),
    period: periodLabel(period),
    asOf: formatDay(asOfDay(period, today)),
    generated: formatDay(today),
  };
  return new Response(new Uint8Array(await toXlsx(tables, heading)), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${name}.xlsx"`,
      "Cache-Control": "private, no-store",
    },
  });
}
