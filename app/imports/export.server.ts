// The producer's products in the import format (one row per certificate, product columns
// repeated; one row for a product without any), as CSV or XLSX, and the template file. The
// order is fixed (product id, then certificates), so exporting twice gives the same file.
import ExcelJS from "exceljs";
import { statement } from "~/db.server";
import { formatDay } from "~/i18n/format";
import { CERT_LABELS, EXAMPLE_NAME_PREFIX, EXAMPLE_SKU, PRODUCT_COLUMNS, REGISTRY_COLUMNS, STATUS_LABELS, type Column, type ProductColumnKey } from "./columns";
import { safeCell } from "~/formula-safe";
import { toCsv } from "./csv";

type Cell = string | number | null;
const NUMERIC: ProductColumnKey[] = ["weightGrams", "price", "stock", "stars"];

type ExportRow = {
  id: number;
  sku: string;
  name: string;
  category: string | null;
  unit: string;
  weightGrams: number | null;
  price: number;
  stock: number;
  status: keyof typeof STATUS_LABELS;
  description: string;
  kind: keyof typeof CERT_LABELS | null;
  stars: number | null;
  number: string | null;
  issuer: string | null;
  issuedOn: string | null;
  expiresOn: string | null;
  province: string | null;
};

export function exportProductRows(producerId: number): Cell[][] {
  const rows = statement<[producerId: number], ExportRow>(
    `SELECT p.id, p.sku, p.name, c.name AS category, p.unit, p.weight_grams AS weightGrams, p.price, p.stock, p.status, p.description,
       ce.kind, ce.stars, ce.number, ce.issuer, ce.issued_on AS issuedOn, ce.expires_on AS expiresOn, pv.name AS province
     FROM products p
     LEFT JOIN categories c ON c.id = p.category_id
     LEFT JOIN certifications ce ON ce.product_id = p.id
     LEFT JOIN provinces pv ON pv.id = ce.issue_province_id
     WHERE p.producer_id = ?
     ORDER BY p.id, CASE ce.kind WHEN 'ocop' THEN 0 WHEN 'vietgap' THEN 1 WHEN 'globalgap' THEN 2 ELSE 3 END, ce.issued_on, ce.number`,
  ).all(producerId);
  const body = rows.map((r): Cell[] => {
    const values: Record<ProductColumnKey, Cell> = {
      sku: r.sku,
      name: r.name,
      category: r.category ?? "",
      unit: r.unit,
      weightGrams: r.weightGrams,
      price: r.price,
      stock: r.stock,
      status: STATUS_LABELS[r.status],
      description: r.description,
      certKind: r.kind ? CERT_LABELS[r.kind] : "",
      stars: r.stars,
      certNumber: r.number ?? "",
      issuer: r.issuer ?? "",
      issuedOn: r.issuedOn ? formatDay(r.issuedOn) : "",
      expiresOn: r.expiresOn ? formatDay(r.expiresOn) : "",
      issueProvince: r.province ?? "",
    };
    return PRODUCT_COLUMNS.map((c) => values[c.key]);
  });
  return [PRODUCT_COLUMNS.map((c) => c.header), ...body];
}

export const productCsv = (producerId: number) => toCsv(exportProductRows(producerId));

export async function productXlsx(producerId: number): Promise<Buffer> {
  return workbook("Sản phẩm", exportProductRows(producerId), PRODUCT_COLUMNS, NUMERIC);
}

/**
 * Two sample rows, marked as such (code EXAMPLE_SKU, name "Ví dụ: …"): a product with its OCOP
 * certificate, and a second certificate for it. The import skips them.
 */
const PRODUCT_EXAMPLE: Cell[][] = [
  [EXAMPLE_SKU, `${EXAMPLE_NAME_PREFIX} Mật ong hoa nhãn 500 ml (dòng mẫu, không được nhập)`, "Mật ong", "chai 500 ml", 750, 185000, 40, "Đang bán", "Mật ong nguyên chất thu hoạch vụ hoa nhãn tháng 3.", "OCOP", 4, "1234/QĐ-UBND", "UBND tỉnh Đồng Tháp", "15/03/2025", "14/03/2028", "Đồng Tháp"],
  [EXAMPLE_SKU, "", "", "", null, null, null, "", "", "VietGAP", null, "VG-2024-0117", "Trung tâm Chứng nhận Phù hợp", "02/08/2024", "01/08/2026", ""],
];

const REGISTRY_EXAMPLE: Cell[][] = [
  ["HTX Nông nghiệp Tân Thuận", "1400123456", "HTX", "Ấp Tân Thuận, Xã Lai Vung", "Quýt hồng Lai Vung", "Thực phẩm", 4, "1234/QĐ-UBND", "15/03/2025", "", "Đồng Tháp"],
];

export function templateCsv(kind: "products" | "registry"): Buffer {
  const columns = kind === "products" ? PRODUCT_COLUMNS : REGISTRY_COLUMNS;
  return toCsv([columns.map((c) => c.header), ...(kind === "products" ? PRODUCT_EXAMPLE : REGISTRY_EXAMPLE)]);
}

export async function templateXlsx(kind: "products" | "registry"): Promise<Buffer> {
  return kind === "products"
    ? workbook("Sản phẩm", [PRODUCT_COLUMNS.map((c) => c.header), ...PRODUCT_EXAMPLE], PRODUCT_COLUMNS, NUMERIC)
    : workbook("Sổ bộ OCOP", [REGISTRY_COLUMNS.map((c) => c.header), ...REGISTRY_EXAMPLE], REGISTRY_COLUMNS, ["stars"]);
}

/** A workbook with the data sheet first (what the importer reads) and a "Hướng dẫn" sheet explaining each column. */
async function workbook<K extends string>(title: string, rows: Cell[][], columns: readonly Column<K>[], numeric: string[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "OCOP Connect";
  // Fixed dates: the same data gives the same workbook.
  book.created = book.modified = new Date(Date.UTC(2025, 6, 1));
  const sheet = book.addWorksheet(title, { views: [{ state: "frozen", ySplit: 1 }] });
  const numericAt = new Set(columns.flatMap((c, i) => (numeric.includes(c.key) ? [i] : [])));
  rows.forEach((row, r) => {
    // Text stays text (a code like "0123" keeps its zero); numbers are numbers.
    sheet.addRow(row.map((c, i) => (c === null ? null : r > 0 && numericAt.has(i) ? c : typeof c === "number" ? c : safeCell(String(c)))));
  });
  sheet.getRow(1).font = { bold: true };
  columns.forEach((c, i) => {
    const col = sheet.getColumn(i + 1);
    col.width = Math.min(40, Math.max(12, c.header.length + 4));
    if (!numericAt.has(i)) col.numFmt = "@";
  });
  const help = book.addWorksheet("Hướng dẫn");
  help.addRow(["Cột", "Bắt buộc", "Cách ghi"]).font = { bold: true };
  for (const c of columns) help.addRow([c.header, c.required ? "Có" : "", c.hint]);
  help.getColumn(1).width = 28;
  help.getColumn(3).width = 90;
  if (columns === (PRODUCT_COLUMNS as readonly Column<string>[])) {
    help.addRow([]);
    help.addRow(["Danh mục"]).font = { bold: true };
    for (const c of statement<[], { name: string }>(`SELECT name FROM categories ORDER BY id`).all()) help.addRow([c.name]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
