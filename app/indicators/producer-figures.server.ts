// A producer's own figures, for its seller centre: the share of its valid OCOP products that are
// live on a marketplace, and the cashless share of its orders delivered this month.
import { statement } from "~/db.server";
import { vietnamToday } from "~/i18n/format";
import { COMPLETED } from "./cashless.server";
import { currentMonth } from "./periods";
import { ratio, type Ratio } from "./ratios";
import { registrySnapshots } from "./registry-cache.server";

export type ProducerFigures = { month: string; listing: Ratio; cashlessCount: Ratio; cashlessValue: Ratio };

export function producerFigures(producerId: number, provinceId: number, today = vietnamToday()): ProducerFigures {
  const [snapshot] = registrySnapshots(provinceId, [today]);
  const own = snapshot!.rows.filter((r) => r.producerId === producerId && r.stars !== null);
  const month = currentMonth(today);
  // One producer's orders of one month, through orders_producer_idx: no scan of the table.
  const sales = statement(
    `SELECT count(*) AS orders, coalesce(sum(o.total), 0) AS value,
       coalesce(sum(p.channel IN ('cashless_direct', 'cashless_intermediary')), 0) AS cashless,
       coalesce(sum(CASE WHEN p.channel IN ('cashless_direct', 'cashless_intermediary') THEN o.total END), 0) AS cashlessValue
     FROM orders o LEFT JOIN payments p ON p.id = (SELECT max(id) FROM payments WHERE order_id = o.id)
     WHERE o.producer_id = @producer AND o.placed_at >= @start AND o.placed_day BETWEEN @from AND @to AND o.status IN ${COMPLETED}`,
  ).get({
    producer: producerId,
    start: new Date(Date.parse(`${month.from}T00:00:00+07:00`)).toISOString(),
    from: month.from,
    to: today,
  }) as { orders: number; value: number; cashless: number; cashlessValue: number };
  return {
    month: month.key,
    listing: ratio(own.filter((r) => r.liveOn.length > 0).length, own.length),
    cashlessCount: ratio(sales.cashless, sales.orders),
    cashlessValue: ratio(sales.cashlessValue, sales.value),
  };
}
