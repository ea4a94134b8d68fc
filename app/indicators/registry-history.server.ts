// Loads, in four queries, everything the listing and onboarding indicators need about a province
// (or the whole country): the council's registry entries, the producers, the certificates the
// platform holds (to match registry entries by decision number and to find products awaiting
// reconciliation) and the status history of every marketplace listing. `registry.ts` then answers
// "as of day D" for as many days as needed in memory, so a twelve-month trend costs one load.
import { statement } from "~/db.server";
import type { CertKind, OcopGroup, ProductStatus } from "#db/vocabulary";
import type { RegistryHistory } from "./registry";

type ProductRow = { id: number; status: ProductStatus; visible: number; ocopGroup: OcopGroup; createdAt: string; producerId: number; provinceId: number };

/** One statement per scope, so the province's is a plain indexed equality. */
const scoped = <Row>(sql: string, provinceId: number | null) =>
  statement<unknown[], Row>(sql.replaceAll("@scope", provinceId === null ? "1 = 1" : "province_id = @province"));

// Products are read once, from the covering products_registry_idx (a product row holds its long
// description: reading 20,000 of them costs ten times more), and joined here in memory. A
// province's certificates and listings are reached from its products through that index.
const fromScoped = (provinceId: number | null, table: string, alias: string) =>
  provinceId === null
    ? `${table} ${alias}`
    : `products sp INDEXED BY products_registry_idx JOIN ${table} ${alias} ON ${alias}.product_id = sp.id AND sp.province_id = @province`;

export function loadRegistryHistory(provinceId: number | null): RegistryHistory {
  const params = { province: provinceId };
  const products = new Map(
    (
      scoped<ProductRow>(
        `SELECT id, status, visible, ocop_group AS ocopGroup, created_at AS createdAt, producer_id AS producerId, province_id AS provinceId
         FROM products INDEXED BY products_registry_idx WHERE @scope`,
        provinceId,
      ).all(params)
    ).map((p) => [p.id, p]),
  );
  const entryRows = scoped<Omit<RegistryHistory["entries"][number], "visible" | "ocopGroup">>(
    `SELECT id, province_id AS provinceId, producer_id AS producerId, product_id AS productId, decision_number AS decisionNumber,
       stars, issued_on AS issuedOn, expires_on AS expiresOn, effective_from AS effectiveFrom
     FROM ocop_registry_entries WHERE @scope`,
    provinceId,
  ).all(params);
  // Rows are completed in place (no copies: a country holds some 90,000 of them).
  const entries = entryRows as RegistryHistory["entries"];
  for (const e of entries) {
    const p = products.get(e.productId);
    e.visible = p?.visible ?? 0;
    e.ocopGroup = p?.ocopGroup ?? "food";
  }
  entries.push(...earlierVersions(entries, provinceId, params));
  const producers = statement<unknown[], RegistryHistory["producers"][number]>(
    `SELECT pr.id, pr.name, pr.kind, pr.phone, pr.status, pr.verified_at AS verifiedAt, cm.name AS communeName,
       pr.province_id AS provinceId, pr.claims_producer_id AS claimsProducerId
     FROM producers pr LEFT JOIN communes cm ON cm.id = pr.commune_id WHERE ${provinceId === null ? "1 = 1" : "pr.province_id = @province"}`,
  ).all(params);
  const certRows = statement<unknown[], { productId: number; kind: CertKind; stars: number | null; number: string; issuedOn: string; expiresOn: string }>(
    `SELECT c.product_id AS productId, c.kind, c.stars, c.number, c.issued_on AS issuedOn, c.expires_on AS expiresOn
     FROM ${fromScoped(provinceId, "certifications", "c")} WHERE c.kind IN ('ocop', 'vietgap', 'globalgap') AND c.review IS NULL`,
  ).all(params);
  const certs: RegistryHistory["certs"] = [];
  for (const row of certRows) {
    const p = products.get(row.productId);
    if (!p) continue;
    const c = row as RegistryHistory["certs"][number];
    c.producerId = p.producerId;
    c.provinceId = p.provinceId;
    c.status = p.status;
    c.visible = p.visible;
    c.ocopGroup = p.ocopGroup;
    c.createdAt = p.createdAt;
    certs.push(c);
  }
  const eventRows = statement<unknown[], Omit<RegistryHistory["events"][number], "producerId">>(
    `SELECT l.product_id AS productId, l.id AS listingId, m.code AS marketplace, e.status, e.at
     FROM ${fromScoped(provinceId, "listings", "l")}
     JOIN marketplaces m ON m.id = l.marketplace_id
     JOIN listing_events e ON e.listing_id = l.id
     ORDER BY l.id, e.at, e.id`,
  ).all(params);
  const events: RegistryHistory["events"] = [];
  for (const row of eventRows) {
    const p = products.get(row.productId);
    if (!p) continue;
    const e = row as RegistryHistory["events"][number];
    e.producerId = p.producerId;
    events.push(e);
  }
  return { entries, producers, certs, events };
}

type Change = { entryId: number; effectiveFrom: string; before: string };

/**
 * A later import that changed an entry's terms (stars, dates) changed them from its effective date
 * only: before it, the entry counts with the terms it had (ocop_registry_changes.before). The
 * entry's row becomes its latest version (from the last change's date) and each earlier version
 * is added as a row of its own, valid until the next change's date.
 */
function earlierVersions(entries: RegistryHistory["entries"], provinceId: number | null, params: object): RegistryHistory["entries"] {
  const changes = scoped<Change>(
    `SELECT c.entry_id AS entryId, c.effective_from AS effectiveFrom, c.before
     FROM ocop_registry_changes c JOIN ocop_registry_entries e ON e.id = c.entry_id
     WHERE @scope AND c.change = 'changed' ORDER BY c.entry_id, c.effective_from DESC, c.id DESC`,
    provinceId,
  ).all(params);
  if (changes.length === 0) return [];
  const byEntry = new Map<number, Change[]>();
  for (const c of changes) byEntry.set(c.entryId, [...(byEntry.get(c.entryId) ?? []), c]);
  const out: RegistryHistory["entries"] = [];
  for (const e of entries) {
    const list = byEntry.get(e.id);
    if (!list) continue;
    const earliest = e.effectiveFrom;
    list.forEach((c, i) => {
      const before = JSON.parse(c.before) as { stars: number; issuedOn: string; expiresOn: string };
      const lower = list[i + 1]?.effectiveFrom ?? earliest;
      out.push({ ...e, stars: before.stars, issuedOn: before.issuedOn, expiresOn: before.expiresOn, effectiveFrom: lower < earliest ? earliest : lower, until: c.effectiveFrom });
    });
    if (list[0]!.effectiveFrom > e.effectiveFrom) e.effectiveFrom = list[0]!.effectiveFrom;
  }
  return out;
}
