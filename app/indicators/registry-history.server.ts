// Loads, in four queries, everything the listing and onboarding indicators need about a
// province (or the whole country): products with their producers, their certificates, and the
// status history of their marketplace listings. `registry.ts` then answers "as of day D" for as
// many days as needed in memory, so a twelve-month trend costs one load, not twelve scans.
import { statement } from "~/db.server";
import type { CertKind, ListingStatus, MarketplaceCode, OcopGroup, ProducerKind, ProductStatus } from "#db/vocabulary";
import type { RegistryHistory } from "./registry";

type ProductRow = {
  id: number;
  status: ProductStatus;
  visible: number;
  ocopGroup: OcopGroup;
  createdAt: string;
  producerId: number;
  provinceId: number;
};
type ProducerRow = {
  id: number;
  name: string;
  kind: ProducerKind;
  phone: string;
  status: string;
  verifiedAt: string | null;
  communeName: string | null;
};
type CertRow = { productId: number; kind: CertKind; stars: number | null; issuedOn: string; expiresOn: string };
type EventRow = { productId: number; listingId: number; marketplace: MarketplaceCode; status: ListingStatus; at: string };

/** One statement per scope, so the province's is a plain indexed equality. */
const scoped = (sql: string, provinceId: number | null) =>
  statement(sql.replaceAll("@scope", provinceId === null ? "1 = 1" : "p.province_id = @province"));

export function loadRegistryHistory(provinceId: number | null): RegistryHistory {
  const params = { province: provinceId };
  const products = scoped(
    `SELECT p.id, p.status, p.visible, p.ocop_group AS ocopGroup, p.created_at AS createdAt,
       p.producer_id AS producerId, p.province_id AS provinceId
     FROM products p INDEXED BY products_registry_idx WHERE @scope`,
    provinceId,
  ).all(params) as ProductRow[];
  // The producers of those products (a producer's products share its province).
  const producers = scoped(
    `SELECT pr.id, pr.name, pr.kind, pr.phone, pr.status, pr.verified_at AS verifiedAt, cm.name AS communeName
     FROM producers pr LEFT JOIN communes cm ON cm.id = pr.commune_id
     WHERE ${provinceId === null ? "1 = 1" : "pr.province_id = @province"}`,
    provinceId,
  ).all(params) as ProducerRow[];
  const certs = scoped(
    `SELECT c.product_id AS productId, c.kind, c.stars, c.issued_on AS issuedOn, c.expires_on AS expiresOn
     FROM products p JOIN certifications c ON c.product_id = p.id
     WHERE @scope AND c.kind IN ('ocop', 'vietgap', 'globalgap')`,
    provinceId,
  ).all(params) as CertRow[];
  const events = scoped(
    `SELECT l.product_id AS productId, l.id AS listingId, m.code AS marketplace, e.status, e.at
     FROM products p
     JOIN listings l ON l.product_id = p.id
     JOIN marketplaces m ON m.id = l.marketplace_id
     JOIN listing_events e ON e.listing_id = l.id
     WHERE @scope
     ORDER BY l.id, e.at, e.id`,
    provinceId,
  ).all(params) as EventRow[];
  return { products, producers, certs, events };
}
