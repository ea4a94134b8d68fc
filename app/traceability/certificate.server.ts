// Traceability: what an OCOP decision certified, read from the two places that hold it: the
// province's registry (what the council decided, imported by officials: the authority) and the
// certificate a producer entered on the platform (what the seller claims). A public page per
// decision number shows both side by side and where each product is sold, so a shopper or an
// official can check a star claim with one scan of the label on the packaging.
import { statement } from "~/db.server";
import { vietnamToday } from "~/i18n/format";
import { normaliseDecision, validityOn, type Validity } from "./decision";

/** One product a decision number certified, as the registry lists it and as the platform holds it. */
export type CertifiedProduct = {
  productId: number;
  /** The platform product: its page when the shopper may see it. */
  product: { name: string; slug: string; visible: boolean; unit: string };
  producer: { name: string; slug: string; visible: boolean };
  /** The council's entry in the province's registry; null when only the seller declares it ("chờ đối chiếu"). */
  registry: {
    productName: string;
    producerName: string;
    stars: number;
    issuedOn: string;
    expiresOn: string;
    province: string;
  } | null;
  /** The certificate the producer entered on the platform; null for a registry entry nobody has claimed. */
  certificate: {
    stars: number;
    issuer: string;
    issuedOn: string;
    expiresOn: string;
    /** The province named on the certificate (may be one merged away in 2025) and the unit it belongs to now. */
    provinceAtIssue: string | null;
    provinceAtIssueNow: string | null;
  } | null;
  /** Stars, dates and validity as the authority says: the registry's when listed, else the seller's claim. */
  stars: number;
  issuedOn: string;
  expiresOn: string;
  validity: Validity;
  /** The registry and the seller's certificate disagree on the stars or the dates. */
  mismatch: boolean;
  /** The product's current province (the producer's). */
  provinceNow: string;
  /** Live marketplace listings, and the storefront page when the product is public. */
  sold: { storefront: string | null; listings: { marketplace: string; url: string | null; since: string | null }[] };
};

type RegistryRow = {
  productId: number;
  productName: string;
  producerName: string;
  stars: number;
  issuedOn: string;
  expiresOn: string;
  province: string;
};
type CertRow = {
  productId: number;
  stars: number;
  issuer: string;
  issuedOn: string;
  expiresOn: string;
  provinceAtIssue: string | null;
  provinceAtIssueNow: string | null;
};
type ProductRow = {
  id: number;
  name: string;
  slug: string;
  visible: number;
  unit: string;
  producerName: string;
  producerSlug: string;
  producerVerified: number;
  provinceNow: string;
};

/**
 * Every product a decision number certified, registry entries first. A platform certificate that
 * no registry entry backs shows only when its product is public (a draft stays private); a
 * registry entry always shows (the council's decision is public). Empty when nothing matches.
 */
export function certifiedProducts(decision: string, today = vietnamToday()): CertifiedProduct[] {
  const number = normaliseDecision(decision);
  const registry = statement<unknown[], RegistryRow>(
    `SELECT r.product_id AS productId, r.product_name AS productName, r.producer_name AS producerName, r.stars,
       r.issued_on AS issuedOn, r.expires_on AS expiresOn, pv.name AS province
     FROM ocop_registry_entries r JOIN provinces pv ON pv.id = r.province_id
     WHERE r.decision_number = ? ORDER BY r.expires_on DESC, r.id`,
  ).all(number);
  const certificates = statement<unknown[], CertRow>(
    `SELECT c.product_id AS productId, c.stars, c.issuer, c.issued_on AS issuedOn, c.expires_on AS expiresOn,
       ip.name AS provinceAtIssue, CASE WHEN ip.is_current = 0 THEN sp.name END AS provinceAtIssueNow
     FROM certifications c
     LEFT JOIN provinces ip ON ip.id = c.issue_province_id
     LEFT JOIN provinces sp ON sp.id = ip.successor_id
     WHERE c.kind = 'ocop' AND c.review IS NULL AND c.number = ? ORDER BY c.expires_on DESC, c.id`,
  ).all(number);
  const ids = [...new Set([...registry.map((r) => r.productId), ...certificates.map((c) => c.productId)])];
  if (ids.length === 0) return [];
  const products = new Map(
    (
      statement<unknown[], ProductRow>(
        `SELECT p.id, p.name, p.slug, p.visible, p.unit, pr.name AS producerName, pr.slug AS producerSlug,
           pr.status = 'verified' AS producerVerified, pv.name AS provinceNow
         FROM json_each(?) j JOIN products p ON p.id = j.value
         JOIN producers pr ON pr.id = p.producer_id JOIN provinces pv ON pv.id = pr.province_id`,
      ).all(JSON.stringify(ids))
    ).map((p) => [p.id, p]),
  );
  const listings = statement<unknown[], { productId: number; marketplace: string; url: string | null; since: string | null }>(
    `SELECT l.product_id AS productId, m.name AS marketplace, l.external_url AS url, l.live_since AS since
     FROM json_each(?) j JOIN listings l ON l.product_id = j.value JOIN marketplaces m ON m.id = l.marketplace_id
     WHERE l.status = 'live' ORDER BY m.name`,
  ).all(JSON.stringify(ids));

  const out: CertifiedProduct[] = [];
  for (const id of ids) {
    const p = products.get(id);
    if (!p) continue;
    const r = registry.find((x) => x.productId === id) ?? null;
    const c = certificates.find((x) => x.productId === id) ?? null;
    if (!r && !p.visible) continue;
    const authority = r ?? c!;
    out.push({
      productId: id,
      product: { name: p.name, slug: p.slug, visible: p.visible === 1, unit: p.unit },
      producer: { name: p.producerName, slug: p.producerSlug, visible: p.producerVerified === 1 },
      registry: r && { productName: r.productName, producerName: r.producerName, stars: r.stars, issuedOn: r.issuedOn, expiresOn: r.expiresOn, province: r.province },
      certificate: c && {
        stars: c.stars,
        issuer: c.issuer,
        issuedOn: c.issuedOn,
        expiresOn: c.expiresOn,
        provinceAtIssue: c.provinceAtIssue,
        provinceAtIssueNow: c.provinceAtIssueNow,
      },
      stars: authority.stars,
      issuedOn: authority.issuedOn,
      expiresOn: authority.expiresOn,
      validity: validityOn(authority.issuedOn, authority.expiresOn, today),
      mismatch: !!(r && c && (r.stars !== c.stars || r.issuedOn !== c.issuedOn || r.expiresOn !== c.expiresOn)),
      provinceNow: p.provinceNow,
      sold: {
        storefront: p.visible === 1 ? `/san-pham/${p.slug}` : null,
        listings: p.visible === 1 ? listings.filter((l) => l.productId === id).map(({ productId: _, ...l }) => l) : [],
      },
    });
  }
  return out;
}

/** What a product's packaging label carries: its best OCOP decision valid today (registry first). */
export type LabelData = {
  productId: number;
  productName: string;
  producerName: string;
  stars: number;
  decision: string;
  issuedOn: string;
  expiresOn: string;
  slug: string;
};

/**
 * The decision a product's label points at: the highest-star decision valid today, from the
 * registry when listed there, else the seller's own certificate; null without one (no label for
 * an expired or missing certificate: the label would claim what the page then denies).
 */
export function labelForProduct(productId: number, today = vietnamToday()): LabelData | null {
  const row = statement<unknown[], LabelData>(
    `SELECT p.id AS productId, p.name AS productName, pr.name AS producerName, p.slug, d.stars, d.decision, d.issuedOn, d.expiresOn
     FROM products p JOIN producers pr ON pr.id = p.producer_id
     JOIN (
       SELECT r.product_id AS productId, r.stars, r.decision_number AS decision, r.issued_on AS issuedOn, r.expires_on AS expiresOn, 0 AS rank
       FROM ocop_registry_entries r WHERE r.product_id = @id AND r.issued_on <= @today AND r.expires_on >= @today
       UNION ALL
       SELECT c.product_id, c.stars, c.number, c.issued_on, c.expires_on, 1
       FROM certifications c WHERE c.product_id = @id AND c.kind = 'ocop' AND c.review IS NULL AND c.issued_on <= @today AND c.expires_on >= @today
     ) d ON d.productId = p.id
     WHERE p.id = @id
     ORDER BY d.rank, d.stars DESC, d.expiresOn DESC LIMIT 1`,
  ).get({ id: productId, today });
  return row ?? null;
}


/** The product a label may be printed for: a public one, or any of the signed-in producer's own. */
export function labelProductId(slug: string, producerId: number | null): number | null {
  return (
    (statement<unknown[], { id: number }>(`SELECT id FROM products WHERE slug = ? AND (visible = 1 OR producer_id = ?)`).get(slug, producerId ?? -1))?.id ??
    null
  );
}
