import { statement } from "~/db.server";
import { vietnamToday } from "~/i18n/format";
import type { CertKind, OcopGroup } from "#db/schema";
import { toImageRef, type ImageRef, type ImageRow } from "~/photos/media";
import { ocopBadgeStates } from "./ocop-badge.server";

export type Certificate = {
  id: number;
  kind: CertKind;
  stars: number | null;
  number: string;
  issuer: string;
  issuedOn: string;
  expiresOn: string;
  valid: boolean;
  issueProvince: string | null;
  /** Set when the certificate names a province merged away in 2025: the unit it belongs to now. */
  issueProvinceNow: string | null;
};

export type ProductDetail = {
  id: number;
  slug: string;
  name: string;
  description: string;
  ocopGroup: OcopGroup;
  unit: string;
  weightGrams: number | null;
  price: number;
  stock: number;
  categoryName: string | null;
  categoryNameEn: string | null;
  producer: { id: number; slug: string; name: string; kind: string };
  province: { slug: string; name: string };
  stars: number | null;
  /** No registry entry backs these stars yet: the badge says "chờ đối chiếu". */
  starsAwaiting: boolean;
  images: ImageRef[];
  certificates: Certificate[];
};

/** A public product by slug, or null (unknown, draft, archived, or producer not verified). */
type DetailRow = Omit<ProductDetail, "producer" | "province" | "stars" | "starsAwaiting" | "images" | "certificates"> & {
  producerId: number;
  producerSlug: string;
  producerName: string;
  producerKind: string;
  provinceSlug: string;
  provinceName: string;
};

export function getPublicProduct(slug: string, today = vietnamToday()): ProductDetail | null {
  const row = statement<[slug: string], DetailRow>(
    `SELECT p.id, p.slug, p.name, p.description, p.ocop_group AS ocopGroup, p.unit, p.weight_grams AS weightGrams,
       p.price, p.stock, c.name AS categoryName, c.name_en AS categoryNameEn,
       pr.id AS producerId, pr.slug AS producerSlug, pr.name AS producerName, pr.kind AS producerKind,
       pv.slug AS provinceSlug, pv.name AS provinceName
     FROM products p
     JOIN producers pr ON pr.id = p.producer_id
     JOIN provinces pv ON pv.id = p.province_id
     LEFT JOIN categories c ON c.id = p.category_id
     WHERE p.slug = ? AND p.visible = 1`,
  ).get(slug);
  if (!row) return null;

  const images = (
    statement<[productId: number], ImageRow>(
      `SELECT storage_key AS storageKey, widths, avif_ready AS avifReady, alt, width, height
       FROM product_images WHERE product_id = ? ORDER BY position, id`,
    ).all(row.id)
  ).map(toImageRef);

  const certificates = (
    statement<[productId: number], Omit<Certificate, "valid">>(
      `SELECT c.id, c.kind, c.stars, c.number, c.issuer, c.issued_on AS issuedOn, c.expires_on AS expiresOn,
         ip.name AS issueProvince, CASE WHEN ip.is_current = 0 THEN sp.name END AS issueProvinceNow
       FROM certifications c
       LEFT JOIN provinces ip ON ip.id = c.issue_province_id
       LEFT JOIN provinces sp ON sp.id = ip.successor_id
       WHERE c.product_id = ? AND c.review IS NULL
       ORDER BY c.kind = 'ocop' DESC, c.expires_on DESC`,
    ).all(row.id)
  ).map((c) => ({ ...c, valid: c.expiresOn >= today }));

  const validOcop = certificates.filter((c) => c.kind === "ocop" && c.valid).map((c) => c.stars ?? 0);
  const { producerId, producerSlug, producerName, producerKind, provinceSlug, provinceName, ...product } = row;
  return {
    ...product,
    producer: { id: producerId, slug: producerSlug, name: producerName, kind: producerKind },
    province: { slug: provinceSlug, name: provinceName },
    stars: validOcop.length ? Math.max(...validOcop) : null,
    starsAwaiting: ocopBadgeStates([row.id], today).get(row.id) === "awaiting",
    images,
    certificates,
  };
}
