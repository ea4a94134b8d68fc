// Platform products claiming OCOP stars that the council's registry does not back ("chờ đối
// chiếu", awaiting reconciliation): the official's list (the storefront's badge for them is
// app/catalog/ocop-badge.server.ts; the official's answers, reconciliation-actions.server.ts). Backed = a registry entry valid that day stands for the product, by the entry's own
// product or by decision number and producer (registry.ts, `prepareRegistry`); never by name.
import { statement } from "~/db.server";
import { vietnamToday } from "~/i18n/format";
import type { AwaitingRow } from "~/indicators/registry";
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
