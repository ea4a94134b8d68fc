// Checks every row of a product sheet and says, per cell, what is wrong, in Vietnamese. Nothing
// is written here: the preview shows the result and the import applies the good rows.
import { parseDay, parseGrams, parseVnd, parseWholeNumber } from "~/i18n/parse";
import type { CertKind, ProductStatus } from "#db/vocabulary";
import type { CertificateInput } from "../product-form";
import { SKU_PATTERN } from "../product-form";
import { isExampleRow, PRODUCT_COLUMNS, type ProductColumnKey } from "~/imports/columns";
import type { PlanRow } from "~/imports/imports.server";
import { categoryLookup, nameKey, provinceCommittee, provinceLookup, type ProvinceRef } from "~/imports/lookups.server";
import type { ReadSheet } from "~/imports/read-file.server";
import { shown, type RowError } from "~/imports/row-errors";

export type ImportProduct = {
  sku?: string;
  name: string;
  category: string;
  unit: string;
  weightGrams?: number;
  price: number;
  stock: number;
  status: ProductStatus;
  description: string;
};

/** The producer's products by code (ids, and what they hold now), and the producer's province. */
export type CheckContext = { existingSkus: Map<string, number>; existing: Map<string, ImportProduct>; producerProvince: ProvinceRef };

/** A good row: the product it describes (or continues, by code) and at most one certificate. */
export type GoodRow = { line: number; group: string; product: ImportProduct | null; certificate: CertificateInput | null };

export type CheckedProducts = {
  rows: GoodRow[];
  errors: RowError[];
  badLines: number[];
  totalRows: number;
  newProducts: number;
  updatedProducts: number;
  /** Rows naming one of the producer's products with exactly its current values. */
  unchangedProducts: number;
  /** The template's sample rows, skipped. */
  sampleRows: number;
  /** Row by row, what the import will do. */
  plan: PlanRow[];
  certificates: number;
};

const STATUS_BY_NAME: Record<string, ProductStatus> = {
  "dang ban": "active",
  ban: "active",
  active: "active",
  "ban nhap": "draft",
  nhap: "draft",
  draft: "draft",
  "luu tru": "archived",
  "ngung ban": "archived",
  archived: "archived",
};
const CERT_BY_NAME: Record<string, CertKind> = {
  ocop: "ocop",
  vietgap: "vietgap",
  "viet gap": "vietgap",
  globalgap: "globalgap",
  "global gap": "globalgap",
  "huu co": "organic",
  organic: "organic",
};
const PRODUCT_KEYS: ProductColumnKey[] = ["name", "category", "unit", "weightGrams", "price", "stock", "status", "description"];

/** Checks row after row, yielding how many are done every few hundred (see progress.server.ts `drive`). */
export function* checkProductRows(
  sheet: ReadSheet<ProductColumnKey>,
  context: CheckContext,
): Generator<number, CheckedProducts> {
  const categories = categoryLookup();
  const provinces = provinceLookup();
  const headerOf = new Map<ProductColumnKey, string>();
  for (const [i, key] of sheet.columns) headerOf.set(key, sheet.headers[i]!.trim() || PRODUCT_COLUMNS.find((c) => c.key === key)!.header);
  const column = (key: ProductColumnKey) => headerOf.get(key) ?? PRODUCT_COLUMNS.find((c) => c.key === key)!.header;

  const columnOrder = (header: string) => {
    const at = sheet.headers.findIndex((h) => h.trim() === header);
    return at < 0 ? Number.MAX_SAFE_INTEGER : at;
  };
  const errors: RowError[] = [];
  const good: GoodRow[] = [];
  const badLines = new Set<number>();
  /** code → the first row that uses it: whether it was good, and the product it described (if any). */
  const firstBySku = new Map<string, { line: number; ok: boolean; product: ImportProduct | null }>();
  const certKeys = new Set<string>();
  let newProducts = 0;
  let updatedProducts = 0;
  let unchangedProducts = 0;
  let sampleRows = 0;
  const plan: PlanRow[] = [];

  for (const [index, row] of sheet.rows.entries()) {
    if (index % 500 === 499) yield index + 1;
    const cell = (key: ProductColumnKey) => {
      for (const [i, k] of sheet.columns) if (k === key) return (row.cells[i] ?? "").trim();
      return "";
    };
    const rowErrors: RowError[] = [];
    const fail = (key: ProductColumnKey, message: RowError["message"], params?: RowError["params"]) =>
      rowErrors.push({ line: row.line, column: column(key), message, params });

    const sku = cell("sku");
    // The template's sample rows: shown as such, never imported.
    if (isExampleRow(sku, cell("name"))) {
      sampleRows++;
      plan.push({ line: row.line, action: "sample", sku, name: cell("name") });
      continue;
    }
    if (sku && !SKU_PATTERN.test(sku)) fail("sku", "import.row.sku", { value: shown(sku) });
    else if (sku && /^SP-\d+$/i.test(sku) && !context.existingSkus.has(sku)) fail("sku", "import.row.skuReserved", { value: sku });

    // A code seen on an earlier row, or one of the producer's existing products: with the
    // product columns left empty, the row only adds a certificate to that product.
    const first = sku ? firstBySku.get(sku) : undefined;
    const productBlank = PRODUCT_KEYS.every((k) => cell(k) === "");
    const continues = !!first || (sku !== "" && context.existingSkus.has(sku) && productBlank);
    let product: ImportProduct | null = null;
    if (continues && productBlank) {
      if (first && !first.ok) fail("sku", "import.row.groupBad", { first: first.line });
    } else {
      product = checkProduct(cell, fail, categories);
      if (first && !first.ok) fail("sku", "import.row.groupBad", { first: first.line });
      else if (first?.product && product && !sameProduct(product, first.product)) fail("sku", "import.row.conflict", { first: first.line });
      if (product && sku) product.sku = sku;
    }

    const certificate = checkCertificate(cell, fail, provinces, context.producerProvince);
    const group = sku || `#${row.line}`;
    if (certificate) {
      const key = `${group}|${certificate.kind}|${certificate.number}`;
      if (certKeys.has(key)) fail("certNumber", "import.row.duplicateCert", { value: certificate.number });
      certKeys.add(key);
    }

    if (rowErrors.length > 0) {
      // In the order of the file's columns, as the user reads the row.
      rowErrors.sort((x, y) => columnOrder(x.column) - columnOrder(y.column));
      errors.push(...rowErrors);
      badLines.add(row.line);
      if (sku && !first) firstBySku.set(sku, { line: row.line, ok: false, product: null });
      continue;
    }
    if (!first) {
      if (sku) firstBySku.set(sku, { line: row.line, ok: true, product });
      const current = sku ? context.existing.get(sku) : undefined;
      if (sku && context.existingSkus.has(sku)) {
        const same = !product || (current !== undefined && sameProduct({ ...product, sku }, current));
        if (same) unchangedProducts++;
        else updatedProducts++;
        plan.push({ line: row.line, action: same ? "unchanged" : "update", sku, name: product?.name ?? current?.name ?? "" });
      } else {
        newProducts++;
        plan.push({ line: row.line, action: "create", sku, name: product?.name ?? "" });
      }
    }
    good.push({ line: row.line, group, product: first ? null : product, certificate });
  }
  return {
    rows: good,
    errors,
    badLines: [...badLines],
    totalRows: sheet.rows.length,
    newProducts,
    updatedProducts,
    unchangedProducts,
    sampleRows,
    plan,
    certificates: good.filter((r) => r.certificate).length,
  };
}

const sameProduct = (a: ImportProduct, b: ImportProduct) =>
  a.name === b.name &&
  a.category === b.category &&
  a.unit === b.unit &&
  a.weightGrams === b.weightGrams &&
  a.price === b.price &&
  a.stock === b.stock &&
  a.status === b.status &&
  a.description === b.description;

type Fail = (key: ProductColumnKey, message: RowError["message"], params?: RowError["params"]) => void;

function checkProduct(cell: (k: ProductColumnKey) => string, fail: Fail, categories: ReturnType<typeof categoryLookup>): ImportProduct | null {
  let ok = true;
  const bad: Fail = (...a) => {
    ok = false;
    fail(...a);
  };
  const name = cell("name").replace(/\s+/g, " ");
  if (!name) bad("name", "import.row.nameMissing");
  else if (name.length < 3 || name.length > 200) bad("name", "import.row.nameLength", { value: shown(name) });
  const categoryText = cell("category");
  const category = categoryText ? categories.get(nameKey(categoryText)) : undefined;
  if (!categoryText) bad("category", "import.row.categoryMissing");
  else if (!category) bad("category", "import.row.category", { value: shown(categoryText) });
  const unit = cell("unit");
  if (!unit) bad("unit", "import.row.unitMissing");
  else if (unit.length > 40) bad("unit", "import.row.unitLength", { value: shown(unit) });
  const weightText = cell("weightGrams");
  const weightGrams = weightText ? parseGrams(weightText) : null;
  if (weightText && (weightGrams === null || weightGrams < 1 || weightGrams > 100_000)) bad("weightGrams", "import.row.weight", { value: shown(weightText) });
  const priceText = cell("price");
  const price = parseVnd(priceText);
  if (!priceText) bad("price", "import.row.priceMissing");
  else if (price === null) bad("price", "import.row.price", { value: shown(priceText) });
  const stockText = cell("stock");
  const stock = stockText ? parseWholeNumber(stockText) : 0;
  if (stock === null || stock > 10_000_000) bad("stock", "import.row.stock", { value: shown(stockText) });
  const statusText = cell("status");
  const status = statusText ? STATUS_BY_NAME[nameKey(statusText)] : "active";
  if (!status) bad("status", "import.row.status", { value: shown(statusText) });
  const description = cell("description");
  if (description.length > 5000) bad("description", "import.row.description");
  if (!ok) return null;
  return {
    name,
    category: category!.slug,
    unit,
    ...(weightGrams !== null ? { weightGrams } : {}),
    price: price!,
    stock: stock!,
    status: status!,
    description,
  };
}

function checkCertificate(
  cell: (k: ProductColumnKey) => string,
  fail: Fail,
  provinces: Map<string, ProvinceRef>,
  producerProvince: ProvinceRef,
): CertificateInput | null {
  const keys: ProductColumnKey[] = ["stars", "certNumber", "issuer", "issuedOn", "expiresOn", "issueProvince"];
  const kindText = cell("certKind");
  if (!kindText) {
    if (keys.some((k) => cell(k) !== "")) fail("certKind", "import.row.certKindMissing");
    return null;
  }
  let ok = true;
  const bad: Fail = (...a) => {
    ok = false;
    fail(...a);
  };
  const kind = CERT_BY_NAME[nameKey(kindText)];
  if (!kind) bad("certKind", "import.row.certKind", { value: shown(kindText) });
  const starsText = cell("stars");
  let stars: number | undefined;
  if (kind === "ocop") {
    stars = /^\s*[345]\s*(★|sao)?\s*$/i.test(starsText) ? Number(starsText.trim()[0]) : undefined;
    if (!starsText) bad("stars", "import.row.starsMissing");
    else if (stars === undefined) bad("stars", "import.row.stars", { value: shown(starsText) });
  } else if (kind && starsText) bad("stars", "import.row.starsNotOcop");
  const number = cell("certNumber");
  if (number.length < 2 || number.length > 80) bad("certNumber", number ? "import.row.certNumberLength" : "import.row.certNumberMissing", { value: shown(number) });
  const provinceText = cell("issueProvince");
  const province = provinceText ? provinces.get(nameKey(provinceText)) : undefined;
  if (provinceText && !province) bad("issueProvince", "import.row.province", { value: shown(provinceText) });
  let issuer = cell("issuer");
  if (!issuer && kind === "ocop") issuer = provinceCommittee(province ?? producerProvince);
  if (!issuer && kind) bad("issuer", "import.row.issuerMissing");
  else if (issuer.length > 150) bad("issuer", "import.row.issuerLength");
  const issuedText = cell("issuedOn");
  const issuedOn = parseDay(issuedText);
  if (!issuedText) bad("issuedOn", "import.row.dateMissing");
  else if (!issuedOn) bad("issuedOn", "import.row.date", { value: shown(issuedText) });
  const expiresText = cell("expiresOn");
  const expiresOn = expiresText ? parseDay(expiresText) : null;
  if (expiresText && !expiresOn) bad("expiresOn", "import.row.date", { value: shown(expiresText) });
  else if (!expiresText && kind && kind !== "ocop") bad("expiresOn", "import.row.dateMissing");
  else if (expiresOn && issuedOn && expiresOn < issuedOn) bad("expiresOn", "import.row.expiresBeforeIssued");
  if (!ok) return null;
  return {
    kind: kind!,
    ...(stars !== undefined ? { stars } : {}),
    number,
    issuer,
    issuedOn: issuedOn!,
    ...(expiresOn ? { expiresOn } : {}),
    ...(province ? { issueProvince: province.slug } : {}),
  };
}
