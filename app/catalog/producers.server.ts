import { statement } from "~/db.server";
import type { ProducerKind } from "#db/schema";

export type PublicProducer = {
  id: number;
  slug: string;
  name: string;
  kind: ProducerKind;
  description: string;
  address: string;
  phone: string;
  taxCode: string | null;
  provinceName: string;
  provinceSlug: string;
  communeName: string | null;
  verifiedAt: string | null;
};

/** A verified producer by slug, or null. */
export function getPublicProducer(slug: string): PublicProducer | null {
  const row = statement<unknown[], PublicProducer>(
    `SELECT pr.id, pr.slug, pr.name, pr.kind, pr.description, pr.address, pr.phone, pr.tax_code AS taxCode,
       pv.name AS provinceName, pv.slug AS provinceSlug, cm.name AS communeName, pr.verified_at AS verifiedAt
     FROM producers pr
     JOIN provinces pv ON pv.id = pr.province_id
     LEFT JOIN communes cm ON cm.id = pr.commune_id
     WHERE pr.slug = ? AND pr.status = 'verified'`,
  ).get(slug);
  return row ?? null;
}
