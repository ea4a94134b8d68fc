// Checks a province's OCOP registry sheet (the council's list of certified products) row by
// row. The file is the official's, in the shape they already keep; each cell's problem is named.
import { taxCodeSchema } from "~/seller/profile-form";
import { parseDay, lastDayOfValidity } from "~/i18n/parse";
import type { OcopGroup, ProducerKind } from "#db/vocabulary";
import { OCOP_VALIDITY_MONTHS } from "~/seller/product-form";
import { REGISTRY_COLUMNS, type RegistryColumnKey } from "~/imports/columns";
import { groupByName, nameKey, provinceLookup, type ProvinceRef } from "~/imports/lookups.server";
import type { ReadSheet } from "~/imports/read-file.server";
import { shown, type RowError } from "~/imports/row-errors";

export type RegistryRow = {
  line: number;
  taxCode: string;
  producerName: string;
  producerKind: ProducerKind;
  address: string;
  productName: string;
  productKey: string;
  group: OcopGroup;
  stars: number;
  decisionNumber: string;
  issuedOn: string;
  expiresOn: string;
  issueProvince: ProvinceRef;
};

export type CheckedRegistry = {
  rows: RegistryRow[];
  errors: RowError[];
  badLines: number[];
  totalRows: number;
  newProducers: number;
  knownProducers: number;
};

/** Producers already on the platform, by tax code: where they are. */
export type KnownProducer = { id: number; provinceId: number; provinceName: string };

const KIND_BY_NAME: Record<string, ProducerKind> = {
  htx: "cooperative",
  "hop tac xa": "cooperative",
  "doanh nghiep": "company",
  "cong ty": "company",
  dn: "company",
  "ho kinh doanh": "household",
  hkd: "household",
  "ho gia dinh": "household",
  "co so": "household",
};

function guessKind(name: string): ProducerKind {
  const key = nameKey(name);
  if (key.startsWith("htx") || key.startsWith("hop tac xa")) return "cooperative";
  if (key.startsWith("cong ty") || key.startsWith("doanh nghiep")) return "company";
  return "household";
}

export function* checkRegistryRows(
  sheet: ReadSheet<RegistryColumnKey>,
  context: { province: ProvinceRef; known: Map<string, KnownProducer> },
): Generator<number, CheckedRegistry> {
  const provinces = provinceLookup();
  const headerOf = new Map<RegistryColumnKey, string>();
  for (const [i, key] of sheet.columns) headerOf.set(key, sheet.headers[i]!.trim());
  const column = (key: RegistryColumnKey) => headerOf.get(key) || REGISTRY_COLUMNS.find((c) => c.key === key)!.header;
  const columnOrder = (header: string) => {
    const at = sheet.headers.findIndex((h) => h.trim() === header);
    return at < 0 ? Number.MAX_SAFE_INTEGER : at;
  };
  const errors: RowError[] = [];
  const rows: RegistryRow[] = [];
  const badLines: number[] = [];
  const seen = new Map<string, number>();
  const newTaxCodes = new Set<string>();
  const knownTaxCodes = new Set<string>();

  for (const [index, row] of sheet.rows.entries()) {
    if (index % 500 === 499) yield index + 1;
    const cell = (key: RegistryColumnKey) => {
      for (const [i, k] of sheet.columns) if (k === key) return (row.cells[i] ?? "").trim();
      return "";
    };
    const rowErrors: RowError[] = [];
    const fail = (key: RegistryColumnKey, message: RowError["message"], params?: RowError["params"]) =>
      rowErrors.push({ line: row.line, column: column(key), message, params });

    const producerName = cell("producerName").replace(/\s+/g, " ");
    if (producerName.length < 3 || producerName.length > 150) fail("producerName", producerName ? "registry.row.producerName" : "registry.row.producerNameMissing", { value: shown(producerName) });
    const taxText = cell("taxCode");
    const tax = taxCodeSchema.safeParse(taxText);
    if (!taxText) fail("taxCode", "registry.row.taxCodeMissing");
    else if (!tax.success) fail("taxCode", "registry.row.taxCode", { value: shown(taxText) });
    const known = tax.success ? context.known.get(tax.data) : undefined;
    if (known && known.provinceId !== context.province.id) fail("taxCode", "registry.row.otherProvince", { value: tax.data!, province: known.provinceName });
    const kindText = cell("producerKind");
    const producerKind = kindText ? KIND_BY_NAME[nameKey(kindText)] : guessKind(producerName);
    if (!producerKind) fail("producerKind", "registry.row.kind", { value: shown(kindText) });
    const productName = cell("productName").replace(/\s+/g, " ");
    if (productName.length < 3 || productName.length > 200) fail("productName", productName ? "import.row.nameLength" : "import.row.nameMissing", { value: shown(productName) });
    const groupText = cell("group");
    const group = groupText ? groupByName(groupText) : null;
    if (!groupText) fail("group", "registry.row.groupMissing");
    else if (!group) fail("group", "registry.row.group", { value: shown(groupText) });
    const starsText = cell("stars");
    const stars = /^\s*[345]\s*(★|sao)?\s*$/i.test(starsText) ? Number(starsText.trim()[0]) : null;
    if (!starsText) fail("stars", "import.row.starsMissing");
    else if (stars === null) fail("stars", "import.row.stars", { value: shown(starsText) });
    const decisionNumber = cell("decisionNumber");
    if (decisionNumber.length < 2 || decisionNumber.length > 80) fail("decisionNumber", decisionNumber ? "import.row.certNumberLength" : "import.row.certNumberMissing", { value: shown(decisionNumber) });
    const issuedText = cell("issuedOn");
    const issuedOn = parseDay(issuedText);
    if (!issuedText) fail("issuedOn", "import.row.dateMissing");
    else if (!issuedOn) fail("issuedOn", "import.row.date", { value: shown(issuedText) });
    const expiresText = cell("expiresOn");
    const expiresOn = expiresText ? parseDay(expiresText) : issuedOn ? lastDayOfValidity(issuedOn, OCOP_VALIDITY_MONTHS) : null;
    if (expiresText && !expiresOn) fail("expiresOn", "import.row.date", { value: shown(expiresText) });
    else if (expiresOn && issuedOn && expiresOn < issuedOn) fail("expiresOn", "import.row.expiresBeforeIssued");
    // The decision names the province as it was then: this one, or a former one merged into it.
    const provinceText = cell("issueProvince");
    const issueProvince = provinceText ? provinces.get(nameKey(provinceText)) : context.province;
    if (!issueProvince) fail("issueProvince", "import.row.province", { value: shown(provinceText) });
    else if (issueProvince.successorId !== context.province.id) fail("issueProvince", "registry.row.notYourProvince", { value: issueProvince.name, province: context.province.name });

    const productKey = nameKey(productName);
    const key = `${tax.success ? tax.data : ""}|${productKey}|${decisionNumber}`;
    if (rowErrors.length === 0 && seen.has(key)) fail("productName", "registry.row.duplicate", { first: seen.get(key)! });
    if (rowErrors.length > 0) {
      // In the order of the file's columns, as the user reads the row.
      rowErrors.sort((x, y) => columnOrder(x.column) - columnOrder(y.column));
      errors.push(...rowErrors);
      badLines.push(row.line);
      continue;
    }
    seen.set(key, row.line);
    (known ? knownTaxCodes : newTaxCodes).add(tax.data!);
    rows.push({
      line: row.line,
      taxCode: tax.data!,
      producerName,
      producerKind: producerKind!,
      address: cell("address").slice(0, 200),
      productName,
      productKey,
      group: group!,
      stars: stars!,
      decisionNumber,
      issuedOn: issuedOn!,
      expiresOn: expiresOn!,
      issueProvince: issueProvince!,
    });
  }
  return { rows, errors, badLines, totalRows: sheet.rows.length, newProducers: newTaxCodes.size, knownProducers: knownTaxCodes.size };
}
