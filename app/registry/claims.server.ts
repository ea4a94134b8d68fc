// A sign-up claiming a registry producer (same tax code), at verification: the registry's copies
// of its products join the claimant. Where the claimant already has the same product (an OCOP
// certificate with the same decision number), the registry's copy is merged into it: its registry
// entries, listings, order lines, cart lines, photos and sync jobs move over, its
// certificate goes when the claimant's product holds the same one, and the copy is deleted, so one
// council-certified product counts once. Runs inside the verification's transaction.
//
// Writes nothing itself: every row moves through its table's owner (tests/unit/table-ownership.test.ts),
// all inside the verification's one synchronous transaction.
import { statement, type Tx } from "~/db.server";
import { reassignCartItems } from "~/checkout/cart.server";
import { nameKey } from "~/imports/lookups.server";
import { decisionKey } from "~/indicators/registry";
import { reassignProductListings } from "~/marketplaces/listing-state.server";
import { reassignSyncJobs } from "~/marketplaces/queue.server";
import { reassignOrderItems } from "~/orders/state.server";
import { reassignProductImages } from "~/photos/product-images.server";
import { reassignProductCertificates } from "~/seller/certificates.server";
import { moveProduct, moveProducts, retireMergedCopy } from "~/seller/seller-products.server";
import { reassignRegistryEntries, reassignRegistryProduct } from "./apply-registry.server";

export type ClaimResult = { movedProducts: number; mergedProducts: number };

type Row = { id: number; name: string; numbers: string | null };

const productsOf = (producerId: number) =>
  statement<unknown[], Row>(
    `SELECT p.id, p.name, (SELECT group_concat(c.number, char(31)) FROM certifications c WHERE c.product_id = p.id AND c.kind = 'ocop' AND c.review IS NULL) AS numbers
     FROM products p WHERE p.producer_id = ? AND p.status <> 'archived' ORDER BY p.id`,
  ).all(producerId);

const decisions = (r: Row) => (r.numbers ? [...new Set(r.numbers.split("\u001f").map(decisionKey))] : []);

export function mergeClaimedProducts(tx: Tx, claimantId: number, registryProducerId: number): ClaimResult {
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
  for (const copy of copies) {
    const target = targetOf(copy);
    if (target === undefined) {
      moveProduct(tx, copy.id, registryProducerId, claimantId);
      result.movedProducts++;
      continue;
    }
    taken.add(target);
    mergeInto(tx, copy.id, target, claimantId);
    result.mergedProducts++;
  }
  // Archived copies (never counted) follow their producer too, and so do its registry entries.
  moveProducts(tx, registryProducerId, claimantId);
  reassignRegistryEntries(tx, registryProducerId, claimantId);
  return result;
}

/**
 * Moves every row naming product `from` to product `to` (each through its owner), then retires `from`.
 * Also an official's match of an awaiting product to the registry's copy (reconciliation-actions.server.ts).
 */
export function mergeInto(tx: Tx, from: number, to: number, claimantId: number): void {
  reassignRegistryProduct(tx, from, to);
  reassignProductCertificates(tx, from, to);
  const listingsLeft = reassignProductListings(tx, from, to);
  reassignOrderItems(tx, from, to);
  reassignCartItems(tx, from, to);
  reassignProductImages(tx, from, to);
  reassignSyncJobs(tx, from, to);
  // Both were listed on the same marketplace: the copy's listing (and its history) stays, archived.
  retireMergedCopy(tx, from, claimantId, listingsLeft > 0);
}
