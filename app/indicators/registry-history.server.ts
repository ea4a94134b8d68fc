// Loads, in four queries, everything the listing and onboarding indicators need about a province
// (or the whole country): the council's registry entries, the producers, the certificates the
// platform holds (to match registry entries by decision number and to find products awaiting
// reconciliation) and the status history of every marketplace listing. `registry.ts` then answers
// "as of day D" for as many days as needed in memory, so a twelve-month trend costs one load.
import { statement } from "~/db.server";
import type { RegistryHistory } from "./registry";

/** One statement per scope, so the province's is a plain indexed equality. */
const scoped = (sql: string, provinceId: number | null, column: string) =>
  statement(sql.replaceAll("@scope", provinceId === null ? "1 = 1" : `${column} = @province`));

export function loadRegistryHistory(provinceId: number | null): RegistryHistory {
  const params = { province: provinceId };
  const entries = scoped(
    `SELECT e.id, e.province_id AS provinceId, e.producer_id AS producerId, e.product_id AS productId,
       e.decision_number AS decisionNumber, e.stars, e.issued_on AS issuedOn, e.expires_on AS expiresOn,
       e.effective_from AS effectiveFrom, p.visible, p.ocop_group AS ocopGroup
     FROM ocop_registry_entries e JOIN products p ON p.id = e.product_id WHERE @scope`,
    provinceId,
    "e.province_id",
  ).all(params) as RegistryHistory["entries"];
  const producers = scoped(
    `SELECT pr.id, pr.name, pr.kind, pr.phone, pr.status, pr.verified_at AS verifiedAt, cm.name AS communeName,
       pr.province_id AS provinceId, pr.claims_producer_id AS claimsProducerId
     FROM producers pr LEFT JOIN communes cm ON cm.id = pr.commune_id WHERE @scope`,
    provinceId,
    "pr.province_id",
  ).all(params) as RegistryHistory["producers"];
  const certs = scoped(
    `SELECT c.product_id AS productId, c.kind, c.stars, c.number, c.issued_on AS issuedOn, c.expires_on AS expiresOn,
       p.producer_id AS producerId, p.province_id AS provinceId, p.status, p.visible, p.ocop_group AS ocopGroup,
       p.created_at AS createdAt
     FROM products p JOIN certifications c ON c.product_id = p.id
     WHERE @scope AND c.kind IN ('ocop', 'vietgap', 'globalgap')`,
    provinceId,
    "p.province_id",
  ).all(params) as RegistryHistory["certs"];
  const events = scoped(
    `SELECT l.product_id AS productId, p.producer_id AS producerId, l.id AS listingId, m.code AS marketplace, e.status, e.at
     FROM products p
     JOIN listings l ON l.product_id = p.id
     JOIN marketplaces m ON m.id = l.marketplace_id
     JOIN listing_events e ON e.listing_id = l.id
     WHERE @scope
     ORDER BY l.id, e.at, e.id`,
    provinceId,
    "p.province_id",
  ).all(params) as RegistryHistory["events"];
  return { entries, producers, certs, events };
}
