// A sign-up claiming a registry producer (same tax code), at verification: the registry's copies
// of its products join the claimant. Where the claimant already has the same product (an OCOP
// certificate with the same decision number), the registry's copy is merged into it: its registry
// entries, listings, order lines, cart lines, photos and sync jobs move over, its
// certificate goes when the claimant's product holds the same one, and the copy is deleted, so one
// council-certified product counts once. Runs inside the verification's transaction.
//
// Writes products, certifications, listings, order_items, cart_items, product_images, sync_jobs and ocop_registry_entries (listed as a writer of each in
// tests/unit/table-ownership.test.ts): a merge must move every row that names the copy in one
// transaction, which no owner's single-row operation does.
import { statement, type Tx } from "~/db.server";
import { nameKey } from "~/imports/lookups.server";
import { decisionKey } from "~/indicators/registry";

export type ClaimResult = { movedProducts: number; mergedProducts: number };

type Row = { id: number; name: string; numbers: string | null };

const productsOf = (producerId: number) =>
  statement(
    `SELECT p.id, p.name, (SELECT group_concat(c.number, char(31)) FROM certifications c WHERE c.product_id = p.id AND c.kind = 'ocop') AS numbers
     FROM products p WHERE p.producer_id = ? AND p.status <> 'archived' ORDER BY p.id`,
  ).all(producerId) as Row[];

const decisions = (r: Row) => (r.numbers ? [...new Set(r.numbers.split("\u001f").map(decisionKey))] : []);

export function mergeClaimedProducts(_tx: Tx, claimantId: number, registryProducerId: number): ClaimResult {
  const own = productsOf(claimantId);
  const copies = productsOf(registryProducerId);
  const byDecision = (rows: Row[]) => {
    const map = new Map<string, Row[]>();
    for (const r of rows) for (const d of decisions(r)) map.set(d, [...(map.get(d) ?? []), r]);
    return map;
  };
  const ownBy = byDecision(own);
  const copiesBy = byDecision(copies);
  const taken = new Set<number>();
  // The claimant's product a copy is: the only one of its decision on both sides; when one decision
  // certified several products, the one of the same name among them; otherwise none (moved as is).
  const targetOf = (copy: Row): number | undefined => {
    for (const d of decisions(copy)) {
      const mine = (ownBy.get(d) ?? []).filter((r) => !taken.has(r.id));
      const theirs = copiesBy.get(d) ?? [];
      if (mine.length === 1 && theirs.length === 1) return mine[0]!.id;
      const named = mine.find((r) => nameKey(r.name) === nameKey(copy.name));
      if (named) return named.id;
    }
    return undefined;
  };
  const result: ClaimResult = { movedProducts: 0, mergedProducts: 0 };
  const move = statement(`UPDATE products SET producer_id = ? WHERE producer_id = ? AND id = ?`);
  for (const copy of copies) {
    const target = targetOf(copy);
    if (target === undefined) {
      move.run(claimantId, registryProducerId, copy.id);
      result.movedProducts++;
      continue;
    }
    taken.add(target);
    mergeInto(copy.id, target, claimantId);
    result.mergedProducts++;
  }
  // Archived copies (never counted) follow their producer too.
  statement(`UPDATE products SET producer_id = ? WHERE producer_id = ?`).run(claimantId, registryProducerId);
  statement(`UPDATE ocop_registry_entries SET producer_id = ? WHERE producer_id = ?`).run(claimantId, registryProducerId);
  return result;
}

/** Moves every row naming product `from` to product `to`, then deletes `from`. */
function mergeInto(from: number, to: number, claimantId: number): void {
  statement(`UPDATE ocop_registry_entries SET product_id = ? WHERE product_id = ?`).run(to, from);
  // The same decision on both: the claimant's certificate stays; other certificates move.
  statement(
    `DELETE FROM certifications WHERE product_id = @from AND EXISTS (
       SELECT 1 FROM certifications c WHERE c.product_id = @to AND c.kind = certifications.kind AND c.number = certifications.number)`,
  ).run({ from, to });
  statement(`UPDATE certifications SET product_id = ? WHERE product_id = ?`).run(to, from);
  // One listing per marketplace: the claimant's stays, the copy's moves where the claimant has none.
  statement(
    `UPDATE listings SET product_id = @to WHERE product_id = @from
       AND marketplace_id NOT IN (SELECT marketplace_id FROM listings WHERE product_id = @to)`,
  ).run({ from, to });
  statement(`UPDATE order_items SET product_id = ? WHERE product_id = ?`).run(to, from);
  statement(`UPDATE OR IGNORE cart_items SET product_id = ? WHERE product_id = ?`).run(to, from);
  statement(`DELETE FROM cart_items WHERE product_id = ?`).run(from);
  statement(`UPDATE product_images SET product_id = ? WHERE product_id = ?`).run(to, from);
  statement(`UPDATE sync_jobs SET product_id = ? WHERE product_id = ?`).run(to, from);
  const left = statement(`SELECT count(*) AS n FROM listings WHERE product_id = ?`).get(from) as { n: number };
  if (left.n > 0) {
    // Both were listed on the same marketplace: keep the copy's listing (and its history), archived.
    statement(`UPDATE products SET status = 'archived', producer_id = ? WHERE id = ?`).run(claimantId, from);
    return;
  }
  statement(`DELETE FROM products WHERE id = ?`).run(from);
}
