// Writes the good rows of a product sheet inside the caller's transaction: a code already in
// the producer's catalogue updates that product (only when something differs, so importing an
// export changes nothing, not even the history), anything else creates one; certificates are
// matched by type and number. The writes are the owners' (seller-products.server.ts for
// products, certificates.server.ts for certifications), as prepared statements.
import { statement, type Tx } from "~/db.server";
import type { OcopGroup } from "#db/vocabulary";
import { lastDayOfValidity } from "~/i18n/parse";
import { findCertificate, insertCertificate, updateCertificate } from "../certificates.server";
import type { CertificateInput } from "../product-form";
import { OCOP_VALIDITY_MONTHS } from "../product-form";
import { insertImportedProduct, updateImportedProduct, type OcopValidity } from "../seller-products.server";
import type { GoodRow, ImportProduct } from "./product-rows.server";

export type ApplyResult = { importedRows: number; createdProducts: number; updatedProducts: number; certificates: number };

type ProductRow = {
  id: number;
  sku: string;
  name: string;
  categoryId: number | null;
  unit: string;
  weightGrams: number | null;
  price: number;
  stock: number;
  status: string;
  description: string;
};

/** `_tx` marks that this runs inside the caller's synchronous transaction (same connection). */
export function applyProductRows(_tx: Tx, producerId: number, rows: GoodRow[]): ApplyResult {
  const existing = new Map(
    statement<[producerId: number], ProductRow>(
      `SELECT id, sku, name, category_id AS categoryId, unit, weight_grams AS weightGrams, price, stock, status, description
       FROM products WHERE producer_id = ?`,
    )
      .all(producerId)
      .map((p) => [p.sku, p]),
  );
  const categories = new Map(
    statement<[], { slug: string; id: number; ocopGroup: OcopGroup }>(`SELECT slug, id, ocop_group AS ocopGroup FROM categories`)
      .all()
      .map((c) => [c.slug, c]),
  );
  const provinceIds = new Map(statement<[], { slug: string; id: number }>(`SELECT slug, id FROM provinces`).all().map((p) => [p.slug, p.id]));
  const producerProvinceId = statement<[producerId: number], { id: number }>(`SELECT province_id AS id FROM producers WHERE id = ?`).get(producerId)!.id;

  const now = new Date().toISOString();
  const idByGroup = new Map<string, number>();
  const result: ApplyResult = { importedRows: 0, createdProducts: 0, updatedProducts: 0, certificates: 0 };
  const values = (p: ImportProduct) => {
    const category = categories.get(p.category);
    if (!category) throw new Error(`unknown category ${p.category}`);
    return {
      producerId,
      name: p.name,
      description: p.description,
      ocopGroup: category.ocopGroup,
      categoryId: category.id,
      unit: p.unit,
      weightGrams: p.weightGrams ?? null,
      price: p.price,
      stock: p.stock,
      status: p.status,
    };
  };

  const terms = rows.map((row) => (row.certificate ? certValues(row.certificate, provinceIds, producerProvinceId) : null));
  const ocopByGroup = ocopValidityByGroup(rows, terms);
  for (const [i, row] of rows.entries()) {
    let productId = idByGroup.get(row.group);
    if (productId === undefined) {
      const current = existing.get(row.product?.sku ?? row.group);
      if (row.product && current) {
        const next = values(row.product);
        if (differs(current, next)) {
          updateImportedProduct({ ...next, id: current.id, now });
          result.updatedProducts++;
        }
        productId = current.id;
      } else if (row.product) {
        productId = insertImportedProduct({ ...values(row.product), ...ocopByGroup.get(row.group)!, sku: row.product.sku ?? null });
        result.createdProducts++;
      } else {
        if (!current) throw new Error(`import row ${row.line}: no product with code ${row.group}`);
        productId = current.id;
      }
      idByGroup.set(row.group, productId);
    }
    if (row.certificate) {
      const cert = terms[i]!;
      const found = findCertificate(productId, row.certificate.kind, row.certificate.number);
      if (!found) {
        insertCertificate({ ...cert, productId });
        result.certificates++;
      } else if (
        found.stars !== cert.stars ||
        found.issuer !== cert.issuer ||
        found.issuedOn !== cert.issuedOn ||
        found.expiresOn !== cert.expiresOn ||
        found.issueProvinceId !== cert.issueProvinceId
      ) {
        updateCertificate(found.id, cert);
        result.certificates++;
      }
    }
    result.importedRows++;
  }
  return result;
}

/**
 * Per group of rows, the OCOP columns its certificates give a product created with them: the last
 * day of validity of its (unreviewed) OCOP certificates of at least 3, 4, 5 stars, a certificate
 * named twice counting with its last values, as certifications_derive_ai computes them once all
 * are written.
 */
function ocopValidityByGroup(rows: GoodRow[], terms: (ReturnType<typeof certValues> | null)[]): Map<string, OcopValidity> {
  const certs = new Map<string, Map<string, { stars: number; expiresOn: string }>>();
  for (const [i, row] of rows.entries()) {
    if (!certs.has(row.group)) certs.set(row.group, new Map());
    const cert = terms[i];
    if (cert?.kind !== "ocop") continue;
    certs.get(row.group)!.set(cert.number, { stars: cert.stars ?? 0, expiresOn: cert.expiresOn });
  }
  const last = (list: { stars: number; expiresOn: string }[], min: number) =>
    list.reduce<string | null>((max, c) => (c.stars >= min && (max === null || c.expiresOn > max) ? c.expiresOn : max), null);
  return new Map(
    [...certs].map(([group, byNumber]) => {
      const list = [...byNumber.values()];
      return [group, { ocop3ValidUntil: last(list, 3), ocop4ValidUntil: last(list, 4), ocop5ValidUntil: last(list, 5) }];
    }),
  );
}

function certValues(c: CertificateInput, provinceIds: Map<string, number>, producerProvinceId: number) {
  return {
    kind: c.kind,
    stars: c.kind === "ocop" ? (c.stars ?? null) : null,
    number: c.number,
    issuer: c.issuer,
    issuedOn: c.issuedOn,
    expiresOn: c.expiresOn ?? lastDayOfValidity(c.issuedOn, OCOP_VALIDITY_MONTHS),
    issueProvinceId: c.issueProvince ? (provinceIds.get(c.issueProvince) ?? null) : c.kind === "ocop" ? producerProvinceId : null,
  };
}

function differs(current: ProductRow, next: Omit<ProductRow, "id" | "sku"> & { ocopGroup: string }): boolean {
  return (
    current.name !== next.name ||
    current.categoryId !== next.categoryId ||
    current.unit !== next.unit ||
    current.weightGrams !== next.weightGrams ||
    current.price !== next.price ||
    current.stock !== next.stock ||
    current.status !== next.status ||
    current.description !== next.description
  );
}
