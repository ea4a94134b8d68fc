// For the producer's "cần đối soát" list: the orders a transfer could pay. Read only; the
// transfer is matched through bank-transfers.server.ts.
import { sql } from "drizzle-orm";
import { db } from "~/db.server";

export type Suggestion = { code: string; total: number; placedAt: string };

/**
 * The producer's orders still awaiting a VietQR transfer whose total equals each amount, newest
 * first, at most `perAmount` each: the one-click "Khớp với đơn …" choices.
 */
export function suggestionsByAmount(producerId: number, amounts: number[], perAmount = 3): Map<number, Suggestion[]> {
  const wanted = [...new Set(amounts.filter((a) => Number.isSafeInteger(a) && a > 0))];
  const out = new Map<number, Suggestion[]>(wanted.map((a) => [a, []]));
  if (wanted.length === 0) return out;
  const rows = db().all<Suggestion>(
    sql`SELECT o.code, o.total, o.placed_at AS placedAt
        FROM orders o JOIN payments pm ON pm.order_id = o.id AND pm.method = 'vietqr'
        WHERE o.producer_id = ${producerId} AND o.status = 'pending_payment'
          AND pm.status IN ('pending', 'authorized', 'flagged')
          AND o.total IN (${sql.join(wanted.map((a) => sql`${a}`), sql`, `)})
        ORDER BY o.placed_at DESC, o.id DESC`,
  );
  for (const r of rows) {
    const list = out.get(r.total)!;
    if (list.length < perAmount && !list.some((s) => s.code === r.code)) list.push(r);
  }
  return out;
}
