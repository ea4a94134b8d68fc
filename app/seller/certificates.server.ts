// A producer's certificates on its own products: OCOP (stars, decision number, dates) and
// VietGAP/GlobalGAP/organic (certificate number). The one place that writes certifications:
// the seller centre's form here, and the rows of a product sheet or of the province's OCOP
// registry (findCertificate / insertCertificate / updateCertificate, matched by type and number,
// inside the importer's transaction). The OCOP columns the catalogue reads are kept by triggers,
// so an expired certificate stops counting everywhere at once.
import { and, eq, inArray, isNull } from "drizzle-orm";
import { db, statement, type Tx } from "~/db.server";
import { lastDayOfValidity } from "~/i18n/parse";
import { vietnamToday } from "~/i18n/format";
import { certifications, producers, products, provinces } from "#db/schema";
import type { CertKind } from "#db/vocabulary";
import type { Certificate } from "~/catalog/product-detail.server";
import { OCOP_VALIDITY_MONTHS, type CertificateInput } from "./product-form";
import { sortVietnamese } from "~/i18n/collate";

/** The seller's view of a certificate: the official's review of an OCOP claim when there is one. */
export type SellerCertificate = Certificate & { review: "rejected" | "superseded" | null; reviewNote: string | null; reviewedAt: string | null };

export function productCertificates(producerId: number, productId: number, today = vietnamToday()): SellerCertificate[] {
  return (
    statement<[productId: number, producerId: number], Omit<SellerCertificate, "valid">>(
      `SELECT c.id, c.kind, c.stars, c.number, c.issuer, c.issued_on AS issuedOn, c.expires_on AS expiresOn,
         ip.name AS issueProvince, CASE WHEN ip.is_current = 0 THEN sp.name END AS issueProvinceNow,
         c.review, c.review_note AS reviewNote, c.reviewed_at AS reviewedAt
       FROM certifications c
       JOIN products p ON p.id = c.product_id
       LEFT JOIN provinces ip ON ip.id = c.issue_province_id
       LEFT JOIN provinces sp ON sp.id = ip.successor_id
       WHERE c.product_id = ? AND p.producer_id = ?
       ORDER BY c.kind = 'ocop' DESC, c.expires_on DESC, c.id`,
    ).all(productId, producerId)
  ).map((c) => ({ ...c, valid: c.expiresOn >= today }));
}

export type ProvinceChoice = { slug: string; name: string; current: boolean; successor: string | null };

/** All 63 units a certificate may name: the 34 current ones, then the former ones with their successor. */
export function certificateProvinces(): ProvinceChoice[] {
  const rows = statement<[], Omit<ProvinceChoice, "current"> & { current: number }>(
    `SELECT p.slug, p.name, p.is_current AS current, CASE WHEN p.is_current = 0 THEN s.name END AS successor
     FROM provinces p LEFT JOIN provinces s ON s.id = p.successor_id`,
  ).all();
  return sortVietnamese(rows, (p) => p.name)
    .sort((a, b) => b.current - a.current)
    .map((p) => ({ ...p, current: p.current === 1 }));
}

export type CertificateResult =
  | { ok: true }
  | { ok: false; field: "form"; error: "not_found" }
  | { ok: false; field: "issueProvince"; error: "cert.error.province" }
  | { ok: false; field: "number"; error: "cert.error.duplicate" };

/** Adds a certificate to one of the producer's products; the same type and number twice is refused. */
export function addCertificate(producerId: number, productId: number, input: CertificateInput): CertificateResult {
  return db().transaction((tx): CertificateResult => {
    const product = tx
      .select({ id: products.id, provinceId: producers.provinceId })
      .from(products)
      .innerJoin(producers, eq(producers.id, products.producerId))
      .where(and(eq(products.id, productId), eq(products.producerId, producerId)))
      .get();
    if (!product) return { ok: false, field: "form", error: "not_found" };
    let issueProvinceId: number | null = input.kind === "ocop" ? product.provinceId : null;
    if (input.issueProvince) {
      const id = tx.select({ id: provinces.id }).from(provinces).where(eq(provinces.slug, input.issueProvince)).get()?.id;
      if (id === undefined) return { ok: false, field: "issueProvince", error: "cert.error.province" };
      issueProvinceId = id;
    }
    const duplicate = tx
      .select({ id: certifications.id })
      .from(certifications)
      .where(and(eq(certifications.productId, productId), eq(certifications.kind, input.kind), eq(certifications.number, input.number)))
      .get();
    if (duplicate) return { ok: false, field: "number", error: "cert.error.duplicate" };
    tx.insert(certifications)
      .values({
        productId,
        kind: input.kind,
        stars: input.kind === "ocop" ? (input.stars ?? null) : null,
        number: input.number,
        issuer: input.issuer,
        issuedOn: input.issuedOn,
        expiresOn: input.expiresOn ?? lastDayOfValidity(input.issuedOn, OCOP_VALIDITY_MONTHS),
        issueProvinceId,
      })
      .run();
    return { ok: true };
  });
}

export function deleteCertificate(producerId: number, productId: number, certificateId: number): boolean {
  return db().transaction((tx) => {
    const owned = tx
      .select({ id: certifications.id })
      .from(certifications)
      .innerJoin(products, eq(products.id, certifications.productId))
      .where(and(eq(certifications.id, certificateId), eq(certifications.productId, productId), eq(products.producerId, producerId)))
      .get();
    if (!owned) return false;
    tx.delete(certifications).where(eq(certifications.id, certificateId)).run();
    return true;
  });
}

// ── Certificates from a product sheet or the OCOP registry (inside the importer's transaction) ──

export type CertificateTerms = { stars: number | null; issuedOn: string; expiresOn: string; issueProvinceId: number | null };
export type StoredCertificate = CertificateTerms & { id: number; issuer: string; review: string | null };
export type NewCertificate = CertificateTerms & { productId: number; kind: CertKind; number: string; issuer: string };

/** The product's certificate of this type and number, if it has one. */
export function findCertificate(productId: number, kind: CertKind, number: string): StoredCertificate | undefined {
  return statement<[productId: number, kind: CertKind, number: string], StoredCertificate>(
    `SELECT id, stars, issuer, issued_on AS issuedOn, expires_on AS expiresOn, issue_province_id AS issueProvinceId, review
     FROM certifications WHERE product_id = ? AND kind = ? AND number = ?`,
  ).get(productId, kind, number);
}

export function insertCertificate(values: NewCertificate): void {
  statement<[NewCertificate]>(
    `INSERT INTO certifications (product_id, kind, stars, number, issuer, issued_on, expires_on, issue_province_id)
     VALUES (@productId, @kind, @stars, @number, @issuer, @issuedOn, @expiresOn, @issueProvinceId)`,
  ).run(values);
}

/** New terms for a certificate; its issuer too when given (the registry leaves the issuer as it is). */
export function updateCertificate(id: number, terms: CertificateTerms & { issuer?: string }): void {
  if (terms.issuer === undefined) {
    statement<[CertificateTerms & { id: number }]>(
      `UPDATE certifications SET stars = @stars, issued_on = @issuedOn, expires_on = @expiresOn, issue_province_id = @issueProvinceId WHERE id = @id`,
    ).run({ stars: terms.stars, issuedOn: terms.issuedOn, expiresOn: terms.expiresOn, issueProvinceId: terms.issueProvinceId, id });
    return;
  }
  statement<[CertificateTerms & { issuer: string; id: number }]>(
    `UPDATE certifications SET stars = @stars, issuer = @issuer, issued_on = @issuedOn, expires_on = @expiresOn, issue_province_id = @issueProvinceId
     WHERE id = @id`,
  ).run({ stars: terms.stars, issuer: terms.issuer, issuedOn: terms.issuedOn, expiresOn: terms.expiresOn, issueProvinceId: terms.issueProvinceId, id });
}

/**
 * A claimed registry copy merged into the claimant's product: a certificate both hold (same kind
 * and number) stays the claimant's and the copy's goes; the copy's other certificates move over.
 */
export function reassignProductCertificates(_tx: Tx, fromProductId: number, toProductId: number): void {
  statement<{ from: number; to: number }>(
    `DELETE FROM certifications WHERE product_id = @from AND EXISTS (
       SELECT 1 FROM certifications c WHERE c.product_id = @to AND c.kind = certifications.kind AND c.number = certifications.number)`,
  ).run({ from: fromProductId, to: toProductId });
  statement<[number, number]>(`UPDATE certifications SET product_id = ? WHERE product_id = ?`).run(toProductId, fromProductId);
}

// ── An official's review of OCOP claims no registry entry backs (app/registry/reconciliation-actions.server.ts) ──

export type OcopClaim = { id: number; number: string; stars: number; issuer: string; issuedOn: string; expiresOn: string; issueProvinceId: number | null };

/** The product's OCOP certificates no official has reviewed yet. */
export function unreviewedOcopCertificates(productId: number): OcopClaim[] {
  return statement<[productId: number], OcopClaim>(
    `SELECT id, number, stars, issuer, issued_on AS issuedOn, expires_on AS expiresOn, issue_province_id AS issueProvinceId
     FROM certifications WHERE product_id = ? AND kind = 'ocop' AND review IS NULL ORDER BY id`,
  ).all(productId);
}

/**
 * An official's word on OCOP claims: "rejected" (not recognised) or "superseded" (a registry
 * decision stands instead), with the note the producer reads. The triggers then drop their stars.
 */
export function reviewCertificates(tx: Tx, ids: number[], review: "rejected" | "superseded", note: string, userId: number, at: Date): void {
  if (ids.length === 0) return;
  tx.update(certifications)
    .set({ review, reviewNote: note, reviewedAt: at.toISOString(), reviewedBy: userId })
    .where(and(inArray(certifications.id, ids), isNull(certifications.review)))
    .run();
}

/** The registry now backs a certificate an official had reviewed: the council's word stands, the review goes. */
export function clearCertificateReview(id: number): void {
  statement<[number]>(`UPDATE certifications SET review = NULL, review_note = NULL, reviewed_at = NULL, reviewed_by = NULL WHERE id = ?`).run(id);
}
