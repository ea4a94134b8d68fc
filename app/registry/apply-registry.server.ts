// Writes a province's OCOP registry inside the caller's transaction. Per row: the producer by
// tax code (created as "unclaimed" when it has not joined: not public, claimed when it signs up
// with that tax code and is verified), its product by decision number (the producer's product
// holding an OCOP certificate with that number; never by name; a draft is created when none),
// the OCOP certificate, and the registry entry that ties them together, effective from the
// council's decision date given with the import (an entry already listed keeps its earlier date).
import { statement, type Tx } from "~/db.server";
import { slugify } from "#db/fold";
import { uniqueProductSlug } from "~/seller/seller-products.server";
import { nameKey, provinceCommittee } from "~/imports/lookups.server";
import { decisionKey } from "~/indicators/registry";
import type { RegistryRow } from "./registry-rows.server";

export type RegistryResult = { importedRows: number; createdProducers: number; createdProducts: number; certificates: number };

export function applyRegistryRows(_tx: Tx, provinceId: number, importId: number, rows: RegistryRow[], effectiveFrom: string): RegistryResult {
  const producerByTax = statement(`SELECT id, province_id AS provinceId FROM producers WHERE tax_code = ?`);
  const insertProducer = statement(
    `INSERT INTO producers (slug, kind, name, tax_code, province_id, address, status) VALUES (?, ?, ?, ?, ?, ?, 'unclaimed')`,
  );
  // The producer's products by the decision numbers of their OCOP certificates, and which of them
  // a registry entry already stands for (two products of one decision stay two).
  const decisionsOf = statement(
    `SELECT p.id, p.name, c.number, (SELECT group_concat(e.product_key, char(31)) FROM ocop_registry_entries e WHERE e.product_id = p.id) AS keys
     FROM products p JOIN certifications c ON c.product_id = p.id AND c.kind = 'ocop'
     WHERE p.producer_id = ? AND p.status <> 'archived' ORDER BY p.id`,
  );
  const insertProduct = statement(
    `INSERT INTO products (producer_id, slug, name, description, ocop_group, unit, price, stock, status) VALUES (?, ?, ?, '', ?, '', 0, 0, 'draft')`,
  );
  const findCert = statement(`SELECT id, stars, issued_on AS issuedOn, expires_on AS expiresOn FROM certifications WHERE product_id = ? AND kind = 'ocop' AND number = ?`);
  const insertCert = statement(
    `INSERT INTO certifications (product_id, kind, stars, number, issuer, issued_on, expires_on, issue_province_id) VALUES (?, 'ocop', ?, ?, ?, ?, ?, ?)`,
  );
  const updateCert = statement(`UPDATE certifications SET stars = ?, issued_on = ?, expires_on = ?, issue_province_id = ? WHERE id = ?`);
  const upsertEntry = statement(
    `INSERT INTO ocop_registry_entries (province_id, import_id, tax_code, producer_name, product_name, product_key, stars, decision_number,
       issued_on, expires_on, producer_id, product_id, effective_from)
     VALUES (@provinceId, @importId, @taxCode, @producerName, @productName, @productKey, @stars, @decisionNumber, @issuedOn, @expiresOn, @producerId, @productId, @effectiveFrom)
     ON CONFLICT (province_id, tax_code, product_key, decision_number) DO UPDATE SET
       effective_from = min(effective_from, excluded.effective_from),
       import_id = excluded.import_id, producer_name = excluded.producer_name, product_name = excluded.product_name, stars = excluded.stars,
       issued_on = excluded.issued_on, expires_on = excluded.expires_on, producer_id = excluded.producer_id, product_id = excluded.product_id,
       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
  );

  const result: RegistryResult = { importedRows: 0, createdProducers: 0, createdProducts: 0, certificates: 0 };
  const producers = new Map<string, number>();
  type Candidate = { id: number; name: string; decision: string; keys: Set<string> };
  const productsByProducer = new Map<number, Candidate[]>();
  for (const row of rows) {
    let producerId = producers.get(row.taxCode);
    if (producerId === undefined) {
      const found = producerByTax.get(row.taxCode) as { id: number; provinceId: number } | undefined;
      if (found && found.provinceId !== provinceId) throw new Error(`registry row ${row.line}: tax code ${row.taxCode} is another province's`);
      producerId = found
        ? found.id
        : Number(insertProducer.run(uniqueProducerSlug(row.producerName), row.producerKind, row.producerName, row.taxCode, provinceId, row.address).lastInsertRowid);
      if (!found) result.createdProducers++;
      producers.set(row.taxCode, producerId);
    }
    let candidates = productsByProducer.get(producerId);
    if (!candidates) {
      candidates = (decisionsOf.all(producerId) as { id: number; name: string; number: string; keys: string | null }[]).map((c) => ({
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
      productId = Number(insertProduct.run(producerId, uniqueProductSlug(row.productName), row.productName, row.group).lastInsertRowid);
      result.createdProducts++;
    }
    for (const c of candidates) if (c.id === productId) c.keys.add(row.productKey);
    if (!same.some((c) => c.id === productId)) candidates.push({ id: productId, name: row.productKey, decision, keys: new Set([row.productKey]) });
    const cert = findCert.get(productId, row.decisionNumber) as { id: number; stars: number; issuedOn: string; expiresOn: string } | undefined;
    if (!cert) {
      insertCert.run(productId, row.stars, row.decisionNumber, provinceCommittee(row.issueProvince), row.issuedOn, row.expiresOn, row.issueProvince.id);
      result.certificates++;
    } else if (cert.stars !== row.stars || cert.issuedOn !== row.issuedOn || cert.expiresOn !== row.expiresOn) {
      updateCert.run(row.stars, row.issuedOn, row.expiresOn, row.issueProvince.id, cert.id);
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
      effectiveFrom,
    });
    result.importedRows++;
  }
  return result;
}

/** A producer slug no producer has: the name's, then "-2", "-3"… */
function uniqueProducerSlug(name: string): string {
  const base = slugify(name).slice(0, 80) || "nha-san-xuat";
  const taken = new Set(
    (statement(`SELECT slug FROM producers WHERE slug = ? OR (slug >= ? AND slug < ?)`).all(base, `${base}-`, `${base}.`) as { slug: string }[]).map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
