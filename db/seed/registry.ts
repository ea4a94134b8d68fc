// (issue 3) Each demo province's OCOP registry: every product with an OCOP certificate, as the
// council lists it (producer, tax code, product, stars, decision), effective from its decision
// date. Written from the rows already seeded, so unclaimed producers' products are in it too: the
// onboarding share's denominator. (issue 9) One certificate in 40 of a joined producer is left
// out: a self-declared star the council never listed, shown as "chờ đối chiếu".
import type Database from "better-sqlite3";

/** Folded like the app's import key (no diacritics, "đ" → "d", lower case, single spaces). */
const key = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

export function insertRegistryEntries(client: Database.Database): number {
  const rows = client
    .prepare(
      `SELECT pr.province_id AS provinceId, pr.tax_code AS taxCode, pr.name AS producerName, p.name AS productName, c.stars,
         c.number AS decisionNumber, c.issued_on AS issuedOn, c.expires_on AS expiresOn, pr.id AS producerId, p.id AS productId
       FROM certifications c JOIN products p ON p.id = c.product_id JOIN producers pr ON pr.id = p.producer_id
       WHERE c.kind = 'ocop' AND pr.tax_code IS NOT NULL AND NOT (pr.status = 'verified' AND c.id % 40 = 7) ORDER BY c.id`,
    )
    .all() as { provinceId: number; taxCode: string; producerName: string; productName: string; stars: number; decisionNumber: string; issuedOn: string; expiresOn: string; producerId: number; productId: number }[];
  const put = client.prepare(
    `INSERT OR IGNORE INTO ocop_registry_entries (province_id, tax_code, producer_name, product_name, product_key, stars, decision_number,
       issued_on, expires_on, effective_from, producer_id, product_id, created_at, updated_at)
     VALUES (@provinceId, @taxCode, @producerName, @productName, @productKey, @stars, @decisionNumber, @issuedOn, @expiresOn, @issuedOn, @producerId, @productId, @at, @at)`,
  );
  let n = 0;
  for (const r of rows) n += put.run({ ...r, productKey: key(r.productName), at: `${r.issuedOn}T02:00:00.000Z` }).changes;
  return n;
}
