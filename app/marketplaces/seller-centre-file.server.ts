// Postmart.vn and Voso.vn publish no seller API: a seller lists products by uploading a
// spreadsheet in the seller centre. This writes that spreadsheet (XLSX, one row per product)
// from the producer's listings. The column set follows the marketplaces' bulk-upload
// templates as sellers describe them (unverified: no published specification); headers are
// data here, so a changed template is an edit of COLUMNS.
import ExcelJS from "exceljs";
import { safeCell } from "~/formula-safe";
import type { ListingSnapshot } from "./types";

type Column = { header: string; width: number; value: (l: ListingSnapshot) => string | number };

export const COLUMNS: Column[] = [
  { header: "Mã SKU", width: 16, value: (l) => l.sellerSku },
  { header: "Tên sản phẩm", width: 40, value: (l) => l.name },
  { header: "Danh mục", width: 22, value: (l) => l.category?.name ?? "" },
  { header: "Giá bán (VNĐ)", width: 14, value: (l) => l.price },
  { header: "Số lượng tồn kho", width: 14, value: (l) => l.stock },
  { header: "Khối lượng (gram)", width: 14, value: (l) => l.weightGrams ?? "" },
  { header: "Hạng OCOP (sao)", width: 12, value: (l) => l.ocopStars ?? "" },
  { header: "Nhà sản xuất", width: 30, value: (l) => l.producerName },
  { header: "Mô tả sản phẩm", width: 60, value: (l) => l.description },
  ...[0, 1, 2, 3, 4].map((i) => ({ header: `Ảnh ${i + 1} (URL)`, width: 40, value: (l: ListingSnapshot) => l.images[i]?.url ?? "" })),
];

export async function sellerCentreWorkbook(sheetName: string, listings: ListingSnapshot[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "OCOP Connect";
  const sheet = book.addWorksheet(sheetName);
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const l of listings) sheet.addRow(COLUMNS.map((c) => safeCell(c.value(l))));
  return Buffer.from(await book.xlsx.writeBuffer());
}
