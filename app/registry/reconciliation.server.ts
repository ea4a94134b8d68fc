// Platform products claiming OCOP stars that the council's registry does not back ("chờ đối
// chiếu", awaiting reconciliation): the official's list, and the state a storefront star badge
// shows. Backed = a registry entry valid that day stands for the product, by the entry's own
// product or by decision number and producer (registry.ts, `prepareRegistry`); never by name.
import { statement } from "~/db.server";
import { vietnamToday } from "~/i18n/format";
import { decisionKey, type AwaitingRow } from "~/indicators/registry";
import { registrySnapshots } from "~/indicators/registry-cache.server";

export type AwaitingProduct = AwaitingRow & { name: string; slug: string; visible: boolean; producerSlug: string };

/** The province's (or the country's) products awaiting reconciliation on `asOf`, by producer then name. */
export function awaitingReconciliation(provinceId: number | null, asOf = vietnamToday()): AwaitingProduct[] {
  const [snapshot] = registrySnapshots(provinceId, [asOf]);
  const rows = snapshot!.awaiting;
  const details = new Map(
    (
      statement(
        `SELECT p.id, p.name, p.slug, p.visible, pr.slug AS producerSlug FROM json_each(?) j
         JOIN products p ON p.id = j.value JOIN producers pr ON pr.id = p.producer_id`,
      ).all(JSON.stringify(rows.map((r) => r.productId))) as { id: number; name: string; slug: string; visible: number; producerSlug: string }[]
    ).map((d) => [d.id, d]),
  );
  return rows
    .map((r) => {
      const d = details.get(r.productId)!;
      return { ...r, name: d.name, slug: d.slug, visible: d.visible === 1, producerSlug: d.producerSlug };
    })
    .sort((a, b) => a.producerName.localeCompare(b.producerName, "vi") || a.name.localeCompare(b.name, "vi"));
}

/** What a product's OCOP star badge may say today. */
export type OcopBadgeState = "registry" | "awaiting";

/**
 * For each product with a valid OCOP certificate today: "registry" when a registry entry valid
 * today backs it, "awaiting" when none does (the badge says "chờ đối chiếu"). Products without a
 * valid OCOP certificate are left out. One query for the whole list (a catalogue page's products).
 */
export function ocopBadgeStates(productIds: number[], today = vietnamToday()): Map<number, OcopBadgeState> {
  const out = new Map<number, OcopBadgeState>();
  if (productIds.length === 0) return out;
  const rows = statement(
    `SELECT p.id, c.number, pr.id AS producerId, pr.claims_producer_id AS claimsId,
       EXISTS (SELECT 1 FROM ocop_registry_entries e WHERE e.product_id = p.id
         AND e.issued_on <= @today AND e.expires_on >= @today AND e.effective_from <= @today) AS own,
       (SELECT group_concat(e.decision_number, char(31)) FROM ocop_registry_entries e
         WHERE e.producer_id IN (pr.id, pr.claims_producer_id)
         AND e.issued_on <= @today AND e.expires_on >= @today AND e.effective_from <= @today) AS decisions
     FROM json_each(@ids) j JOIN products p ON p.id = j.value JOIN producers pr ON pr.id = p.producer_id
     JOIN certifications c ON c.product_id = p.id AND c.kind = 'ocop' AND c.stars >= 3 AND c.issued_on <= @today AND c.expires_on >= @today`,
  ).all({ ids: JSON.stringify(productIds), today }) as { id: number; number: string; own: number; decisions: string | null }[];
  for (const r of rows) {
    const backed = r.own === 1 || (r.decisions ?? "").split("\u001f").some((d) => d && decisionKey(d) === decisionKey(r.number));
    if (backed) out.set(r.id, "registry");
    else if (!out.has(r.id)) out.set(r.id, "awaiting");
  }
  return out;
}
