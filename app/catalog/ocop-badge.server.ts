// What a product's OCOP star badge says on the storefront: the stars the council's registry backs,
// or "chờ đối chiếu" (awaiting reconciliation) while no registry entry valid today backs the
// stars the producer claims, until an official matches or rejects the claim
// (app/registry/reconciliation-actions.server.ts). Backed = a registry entry valid today stands for
// the product, by the entry's own product or by decision number and producer (the same rule as the
// indicators, app/indicators/registry.ts); never by name. Registry entries move the catalogue's
// version (migration 0018), so cached pages change with a badge.
import { statement } from "~/db.server";
import { vietnamToday } from "~/i18n/format";
import { decisionKey } from "~/indicators/registry";

/** What a product's OCOP star badge may say today. */
export type OcopBadgeState = "registry" | "awaiting";

/**
 * For each product with a valid, unreviewed OCOP certificate today: "registry" when registry
 * entries valid today back its highest stars, "awaiting" when they do not. Products without one
 * are left out. One query for the whole list (a catalogue page's products).
 */
export function ocopBadgeStates(productIds: number[], today = vietnamToday()): Map<number, OcopBadgeState> {
  const out = new Map<number, OcopBadgeState>();
  if (productIds.length === 0) return out;
  const rows = statement(
    `SELECT p.id, c.number, c.stars,
       (SELECT max(e.stars) FROM ocop_registry_entries e WHERE e.product_id = p.id
         AND e.issued_on <= @today AND e.expires_on >= @today AND e.effective_from <= @today) AS own,
       (SELECT group_concat(e.decision_number, char(31)) FROM ocop_registry_entries e
         WHERE e.producer_id IN (pr.id, pr.claims_producer_id)
         AND e.issued_on <= @today AND e.expires_on >= @today AND e.effective_from <= @today) AS decisions
     FROM json_each(@ids) j JOIN products p ON p.id = j.value JOIN producers pr ON pr.id = p.producer_id
     JOIN certifications c ON c.product_id = p.id AND c.kind = 'ocop' AND c.review IS NULL AND c.stars >= 3
       AND c.issued_on <= @today AND c.expires_on >= @today`,
  ).all({ ids: JSON.stringify(productIds), today }) as { id: number; number: string; stars: number; own: number | null; decisions: string | null }[];
  const stars = new Map<number, { claimed: number; backed: number }>();
  for (const r of rows) {
    const byDecision = (r.decisions ?? "").split("\u001f").some((d) => d && decisionKey(d) === decisionKey(r.number));
    const s = stars.get(r.id) ?? { claimed: 0, backed: 0 };
    s.claimed = Math.max(s.claimed, r.stars);
    s.backed = Math.max(s.backed, r.own ?? 0, byDecision ? r.stars : 0);
    stars.set(r.id, s);
  }
  for (const [id, s] of stars) out.set(id, s.backed >= s.claimed ? "registry" : "awaiting");
  return out;
}
