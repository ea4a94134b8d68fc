// An official's answer to a product awaiting reconciliation ("chờ đối chiếu": a platform product
// claiming OCOP stars that no registry entry backs), in the official's province:
// - match: the registry entry of the same producer (picked by decision number) stands for the
//   product. The entry is tied to it; when the entry stood for the registry's own copy (a draft
//   with no listing), the copy is merged into the product as a verified claim's is (claims.server.ts:
//   nothing lost). The product then holds the council's decision; its other unbacked OCOP claims
//   are marked "superseded" (kept, no stars), so the badge shows the registry's stars only.
// - reject: the claim is not recognised. Its unbacked OCOP certificates are marked "rejected" with
//   the official's reason: no stars anywhere public, the producer reads why in the seller centre.
// Each is one synchronous transaction; every row is written through its table's owner.
import { db, statement } from "~/db.server";
import { vietnamToday } from "~/i18n/format";
import { decisionKey } from "~/indicators/registry";
import { insertCertificate, reviewCertificates, unreviewedOcopCertificates } from "~/seller/certificates.server";
import { tieRegistryEntry } from "./apply-registry.server";
import { mergeInto } from "./claims.server";
import { awaitingReconciliation } from "./reconciliation.server";

export type ReconcileScope = { provinceId: number | null; userId: number };

/** A registry entry an official may match an awaiting product to. */
export type MatchCandidate = {
  id: number;
  decisionNumber: string;
  productName: string;
  stars: number;
  issuedOn: string;
  expiresOn: string;
};

type Awaited = { productId: number; producerId: number; claimsId: number | null; provinceId: number; name: string };

/** The awaiting product in the scope's province today, or null (not awaiting, or another province's). */
function awaitingProduct(scope: ReconcileScope, productId: number, today: string): Awaited | null {
  const row = awaitingReconciliation(scope.provinceId, today).find((a) => a.productId === productId);
  if (!row) return null;
  const p = statement<[number], { claimsId: number | null; provinceId: number; name: string }>(
    `SELECT pr.claims_producer_id AS claimsId, pr.province_id AS provinceId, p.name
     FROM products p JOIN producers pr ON pr.id = p.producer_id WHERE p.id = ?`,
  ).get(productId);
  if (!p || (scope.provinceId !== null && p.provinceId !== scope.provinceId)) return null;
  return { productId, producerId: row.producerId, claimsId: p.claimsId, provinceId: p.provinceId, name: p.name };
}

const candidatesSql = `SELECT e.id, e.decision_number AS decisionNumber, e.product_name AS productName, e.stars,
    e.issued_on AS issuedOn, e.expires_on AS expiresOn
  FROM ocop_registry_entries e
  WHERE e.producer_id IN (@producer, @claims) AND e.province_id = @province
    AND e.issued_on <= @today AND e.expires_on >= @today AND e.effective_from <= @today
  ORDER BY e.decision_number, e.product_name, e.id`;

/** The registry entries of the product's producer (or of the registry producer it claims) valid today. */
export function matchCandidates(producerId: number, claimsId: number | null, provinceId: number, today = vietnamToday()): MatchCandidate[] {
  return statement<unknown[], MatchCandidate>(candidatesSql).all({ producer: producerId, claims: claimsId ?? -1, province: provinceId, today });
}

/** Each awaiting product of the province with the registry entries it may be matched to. */
export function awaitingWithCandidates(provinceId: number | null, today = vietnamToday()) {
  const claims = statement<[number], { claimsId: number | null }>(`SELECT claims_producer_id AS claimsId FROM producers WHERE id = ?`);
  return awaitingReconciliation(provinceId, today).map((a) => ({
    ...a,
    candidates: matchCandidates(a.producerId, claims.get(a.producerId)?.claimsId ?? null, a.provinceId, today),
  }));
}

export type ReconcileResult = { ok: true; name: string } | { ok: false; error: "reconcile.error.notAwaiting" | "reconcile.error.entry" };

export function matchAwaitingProduct(scope: ReconcileScope, productId: number, entryId: number, now = new Date()): ReconcileResult {
  const today = vietnamToday(now);
  const product = awaitingProduct(scope, productId, today);
  if (!product) return { ok: false, error: "reconcile.error.notAwaiting" };
  const entry = matchCandidates(product.producerId, product.claimsId, product.provinceId, today).find((c) => c.id === entryId);
  if (!entry) return { ok: false, error: "reconcile.error.entry" };
  const tied = statement<[number], { productId: number; status: string; producerId: number; listings: number }>(
    `SELECT e.product_id AS productId, p.status, p.producer_id AS producerId,
       (SELECT count(*) FROM listings l WHERE l.product_id = p.id) AS listings
     FROM ocop_registry_entries e JOIN products p ON p.id = e.product_id WHERE e.id = ?`,
  ).get(entryId)!;
  const claims = unreviewedOcopCertificates(productId);
  db().transaction((tx) => {
    if (tied.productId !== productId) {
      const isCopy = tied.status === "draft" && tied.listings === 0 && [product.producerId, product.claimsId].includes(tied.producerId);
      // The registry's own copy joins the product (its entries, certificate, photos…); a product
      // of the producer's own keeps its being and only this entry moves.
      if (isCopy) mergeInto(tx, tied.productId, productId, product.producerId);
      else tieRegistryEntry(tx, entryId, productId);
    }
    const key = decisionKey(entry.decisionNumber);
    if (!unreviewedOcopCertificates(productId).some((c) => decisionKey(c.number) === key)) {
      const like = claims[0]!;
      insertCertificate({
        productId,
        kind: "ocop",
        number: entry.decisionNumber,
        issuer: like.issuer,
        stars: entry.stars,
        issuedOn: entry.issuedOn,
        expiresOn: entry.expiresOn,
        issueProvinceId: like.issueProvinceId,
      });
    }
    const superseded = claims.filter((c) => decisionKey(c.number) !== key).map((c) => c.id);
    reviewCertificates(tx, superseded, "superseded", `Đã đối chiếu với quyết định số ${entry.decisionNumber} trong sổ bộ OCOP của tỉnh.`, scope.userId, now);
  });
  return { ok: true, name: product.name };
}

export function rejectOcopClaim(scope: ReconcileScope, productId: number, reason: string, now = new Date()): ReconcileResult {
  const today = vietnamToday(now);
  const product = awaitingProduct(scope, productId, today);
  if (!product) return { ok: false, error: "reconcile.error.notAwaiting" };
  // The claims standing today are not recognised (expired ones are history, left as they are).
  const ids = unreviewedOcopCertificates(productId)
    .filter((c) => c.expiresOn >= today)
    .map((c) => c.id);
  db().transaction((tx) => reviewCertificates(tx, ids, "rejected", reason, scope.userId, now));
  return { ok: true, name: product.name };
}
