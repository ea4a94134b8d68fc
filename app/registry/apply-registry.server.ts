// Writes a province's OCOP registry inside the caller's transaction. Per row: the producer by
// tax code (created as "unclaimed" when it has not joined: not public, claimed when it signs up
// with that tax code and is verified), its product by decision number (the producer's product
// holding an OCOP certificate with that number; never by name; a draft is created when none),
// the OCOP certificate, and the registry entry that ties them together, effective from the
// council's decision date given with the import (an entry already listed keeps its earlier date).
// The one place that writes ocop_registry_entries; producers, products and certifications are
// written through their owners in app/seller/.
import { eq } from "drizzle-orm";
import { statement, type Tx } from "~/db.server";
import { ocopRegistryEntries } from "#db/schema";
import { clearCertificateReview, findCertificate, insertCertificate, updateCertificate } from "~/seller/certificates.server";
import { createUnclaimedProducer } from "~/seller/producer-profile.server";
import { insertRegistryDraft } from "~/seller/seller-products.server";
import { nameKey, provinceCommittee } from "~/imports/lookups.server";
import { decisionKey } from "~/indicators/registry";
import type { RegistryRow } from "./registry-rows.server";

export type RegistryResult = { importedRows: number; createdProducers: number; createdProducts: number; certificates: number };

/** An entry's terms as the council published them; what a later import may change (kept in ocop_registry_changes). */
export type EntryTerms = { stars: number; issuedOn: string; expiresOn: string; producerName: string; productName: string };
const TERMS = ["stars", "issuedOn", "expiresOn", "producerName", "productName"] as const;

type RegistryEntry = {
  provinceId: number;
  importId: number;
  taxCode: string;
  producerName: string;
  productName: string;
  productKey: string;
  stars: number;
  decisionNumber: string;
  issuedOn: string;
  expiresOn: string;
  producerId: number;
  productId: number;
  effectiveFrom: string;
};

/** `_tx` marks that this runs inside the caller's synchronous transaction (same connection). */
export function applyRegistryRows(_tx: Tx, provinceId: number, importId: number, rows: RegistryRow[], effectiveFrom: string): RegistryResult {
  const producerByTax = statement<[taxCode: string], { id: number; provinceId: number }>(`SELECT id, province_id AS provinceId FROM producers WHERE tax_code = ?`);
  // The producer's products by the decision numbers of their OCOP certificates, and which of them
  // a registry entry already stands for (two products of one decision stay two).
  const decisionsOf = statement<[producerId: number], { id: number; name: string; number: string; keys: string | null }>(
    `SELECT p.id, p.name, c.number, (SELECT group_concat(e.product_key, char(31)) FROM ocop_registry_entries e WHERE e.product_id = p.id) AS keys
     FROM products p JOIN certifications c ON c.product_id = p.id AND c.kind = 'ocop'
     WHERE p.producer_id = ? AND p.status <> 'archived' ORDER BY p.id`,
  );
  const upsertEntry = statement<[RegistryEntry]>(
    `INSERT INTO ocop_registry_entries (province_id, import_id, tax_code, producer_name, product_name, product_key, stars, decision_number,
       issued_on, expires_on, producer_id, product_id, effective_from)
     VALUES (@provinceId, @importId, @taxCode, @producerName, @productName, @productKey, @stars, @decisionNumber, @issuedOn, @expiresOn, @producerId, @productId, @effectiveFrom)
     ON CONFLICT (province_id, tax_code, product_key, decision_number) DO UPDATE SET
       effective_from = min(effective_from, excluded.effective_from),
       import_id = excluded.import_id, producer_name = excluded.producer_name, product_name = excluded.product_name, stars = excluded.stars,
       issued_on = excluded.issued_on, expires_on = excluded.expires_on, producer_id = excluded.producer_id, product_id = excluded.product_id,
       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
  );
  // The import as a version of the registry: what each row added or changed, from its effective date.
  const existing = statement<unknown[], EntryTerms & { id: number }>(
    `SELECT id, stars, issued_on AS issuedOn, expires_on AS expiresOn, producer_name AS producerName, product_name AS productName
     FROM ocop_registry_entries WHERE province_id = ? AND tax_code = ? AND product_key = ? AND decision_number = ?`,
  );
  const recordChange = statement<unknown[]>(
    `INSERT INTO ocop_registry_changes (import_id, entry_id, change, effective_from, before) VALUES (?, ?, ?, ?, ?)`,
  );
  const version = { added: 0, changed: 0, unchanged: 0 };

  const result: RegistryResult = { importedRows: 0, createdProducers: 0, createdProducts: 0, certificates: 0 };
  const producers = new Map<string, number>();
  type Candidate = { id: number; name: string; decision: string; keys: Set<string> };
  const productsByProducer = new Map<number, Candidate[]>();
  for (const row of rows) {
    let producerId = producers.get(row.taxCode);
    if (producerId === undefined) {
      const found = producerByTax.get(row.taxCode);
      if (found && found.provinceId !== provinceId) throw new Error(`registry row ${row.line}: tax code ${row.taxCode} is another province's`);
      producerId = found
        ? found.id
        : createUnclaimedProducer({ kind: row.producerKind, name: row.producerName, taxCode: row.taxCode, provinceId, address: row.address });
      if (!found) result.createdProducers++;
      producers.set(row.taxCode, producerId);
    }
    let candidates = productsByProducer.get(producerId);
    if (!candidates) {
      candidates = decisionsOf.all(producerId).map((c) => ({
        id: c.id,
        name: nameKey(c.name),
        decision: decisionKey(c.number),
        keys: new Set(c.keys ? c.keys.split("\u001f") : []),
      }));
      productsByProducer.set(producerId, candidates);
    }
    // Same decision: the product this entry already stands for, else the one product of that
    // decision no other entry holds; when one decision certified several, the name tells them apart.
    const decision = decisionKey(row.decisionNumber);
    const same = candidates.filter((c) => c.decision === decision);
    const free = same.filter((c) => c.keys.size === 0);
    let productId = (same.find((c) => c.keys.has(row.productKey)) ?? (free.length === 1 ? free[0] : free.find((c) => c.name === row.productKey)))?.id;
    if (productId === undefined) {
      productId = insertRegistryDraft(producerId, row.productName, row.group);
      result.createdProducts++;
    }
    for (const c of candidates) if (c.id === productId) c.keys.add(row.productKey);
    if (!same.some((c) => c.id === productId)) candidates.push({ id: productId, name: row.productKey, decision, keys: new Set([row.productKey]) });
    const cert = findCertificate(productId, "ocop", row.decisionNumber);
    const terms = { stars: row.stars, issuedOn: row.issuedOn, expiresOn: row.expiresOn, issueProvinceId: row.issueProvince.id };
    if (!cert) {
      insertCertificate({ ...terms, productId, kind: "ocop", number: row.decisionNumber, issuer: provinceCommittee(row.issueProvince) });
      result.certificates++;
    } else if (cert.stars !== row.stars || cert.issuedOn !== row.issuedOn || cert.expiresOn !== row.expiresOn) {
      updateCertificate(cert.id, terms);
      result.certificates++;
    }
    if (cert?.review) clearCertificateReview(cert.id);
    const before = existing.get(provinceId, row.taxCode, row.productKey, row.decisionNumber);
    upsertEntry.run({
      provinceId,
      importId,
      taxCode: row.taxCode,
      producerName: row.producerName,
      productName: row.productName,
      productKey: row.productKey,
      stars: row.stars,
      decisionNumber: row.decisionNumber,
      issuedOn: row.issuedOn,
      expiresOn: row.expiresOn,
      producerId,
      productId,
      effectiveFrom,
    });
    const entryId = before?.id ?? existing.get(provinceId, row.taxCode, row.productKey, row.decisionNumber)!.id;
    const after: EntryTerms = { stars: row.stars, issuedOn: row.issuedOn, expiresOn: row.expiresOn, producerName: row.producerName, productName: row.productName };
    if (!before) {
      recordChange.run(importId, entryId, "added", effectiveFrom, null);
      version.added++;
    } else if (TERMS.some((k) => before[k] !== after[k])) {
      const { id: _, ...terms } = before;
      recordChange.run(importId, entryId, "changed", effectiveFrom, JSON.stringify(terms));
      version.changed++;
    } else version.unchanged++;
    result.importedRows++;
  }
  statement<unknown[]>(
    `INSERT INTO ocop_registry_versions (import_id, province_id, effective_from, added, changed, unchanged) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (import_id) DO UPDATE SET added = added + excluded.added, changed = changed + excluded.changed, unchanged = unchanged + excluded.unchanged`,
  ).run(importId, provinceId, effectiveFrom, version.added, version.changed, version.unchanged);
  return result;
}

/** Verification of a claim: the unclaimed producer's registry entries become the claimant's. */
export function reassignRegistryEntries(tx: Tx, fromProducerId: number, toProducerId: number): void {
  tx.update(ocopRegistryEntries).set({ producerId: toProducerId }).where(eq(ocopRegistryEntries.producerId, fromProducerId)).run();
}

/** A claimed registry copy merged into the claimant's product: the entries that stood for the copy stand for it. */
export function reassignRegistryProduct(tx: Tx, fromProductId: number, toProductId: number): void {
  tx.update(ocopRegistryEntries).set({ productId: toProductId }).where(eq(ocopRegistryEntries.productId, fromProductId)).run();
}

/** An official matched an awaiting product to this entry (reconciliation-actions.server.ts): the entry stands for it. */
export function tieRegistryEntry(tx: Tx, entryId: number, productId: number): void {
  tx.update(ocopRegistryEntries).set({ productId }).where(eq(ocopRegistryEntries.id, entryId)).run();
}
