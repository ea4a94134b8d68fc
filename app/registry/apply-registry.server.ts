// Writes a province's OCOP registry inside the caller's transaction. Per row: the producer by
// tax code (created as "unclaimed" when it has not joined: not public, claimed when it signs up
// with that tax code and is verified), its product by name (created as a draft when missing),
// the OCOP certificate by decision number, and the registry entry that ties them together.
// The one place that writes ocop_registry_entries; producers, products and certifications are
// written through their owners in app/seller/.
import { eq } from "drizzle-orm";
import { statement, type Tx } from "~/db.server";
import { ocopRegistryEntries } from "#db/schema";
import { findCertificate, insertCertificate, updateCertificate } from "~/seller/certificates.server";
import { createUnclaimedProducer } from "~/seller/producer-profile.server";
import { insertRegistryDraft } from "~/seller/seller-products.server";
import { nameKey, provinceCommittee } from "~/imports/lookups.server";
import type { RegistryRow } from "./registry-rows.server";

export type RegistryResult = { importedRows: number; createdProducers: number; createdProducts: number; certificates: number };

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
};

/** `_tx` marks that this runs inside the caller's synchronous transaction (same connection). */
export function applyRegistryRows(_tx: Tx, provinceId: number, importId: number, rows: RegistryRow[]): RegistryResult {
  const producerByTax = statement<[taxCode: string], { id: number; provinceId: number }>(`SELECT id, province_id AS provinceId FROM producers WHERE tax_code = ?`);
  const productsOf = statement<[producerId: number], { id: number; name: string }>(`SELECT id, name FROM products WHERE producer_id = ?`);
  const upsertEntry = statement<[RegistryEntry]>(
    `INSERT INTO ocop_registry_entries (province_id, import_id, tax_code, producer_name, product_name, product_key, stars, decision_number,
       issued_on, expires_on, producer_id, product_id)
     VALUES (@provinceId, @importId, @taxCode, @producerName, @productName, @productKey, @stars, @decisionNumber, @issuedOn, @expiresOn, @producerId, @productId)
     ON CONFLICT (province_id, tax_code, product_key, decision_number) DO UPDATE SET
       import_id = excluded.import_id, producer_name = excluded.producer_name, product_name = excluded.product_name, stars = excluded.stars,
       issued_on = excluded.issued_on, expires_on = excluded.expires_on, producer_id = excluded.producer_id, product_id = excluded.product_id,
       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
  );

  const result: RegistryResult = { importedRows: 0, createdProducers: 0, createdProducts: 0, certificates: 0 };
  const producers = new Map<string, number>();
  const productsByProducer = new Map<number, Map<string, number>>();
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
    let byName = productsByProducer.get(producerId);
    if (!byName) {
      byName = new Map(productsOf.all(producerId).map((p) => [nameKey(p.name), p.id]));
      productsByProducer.set(producerId, byName);
    }
    let productId = byName.get(row.productKey);
    if (productId === undefined) {
      productId = insertRegistryDraft(producerId, row.productName, row.group);
      byName.set(row.productKey, productId);
      result.createdProducts++;
    }
    const cert = findCertificate(productId, "ocop", row.decisionNumber);
    const terms = { stars: row.stars, issuedOn: row.issuedOn, expiresOn: row.expiresOn, issueProvinceId: row.issueProvince.id };
    if (!cert) {
      insertCertificate({ ...terms, productId, kind: "ocop", number: row.decisionNumber, issuer: provinceCommittee(row.issueProvince) });
      result.certificates++;
    } else if (cert.stars !== row.stars || cert.issuedOn !== row.issuedOn || cert.expiresOn !== row.expiresOn) {
      updateCertificate(cert.id, terms);
      result.certificates++;
    }
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
    });
    result.importedRows++;
  }
  return result;
}

/** Verification of a claim: the unclaimed producer's registry entries become the claimant's. */
export function reassignRegistryEntries(tx: Tx, fromProducerId: number, toProducerId: number): void {
  tx.update(ocopRegistryEntries).set({ producerId: toProducerId }).where(eq(ocopRegistryEntries.producerId, fromProducerId)).run();
}
