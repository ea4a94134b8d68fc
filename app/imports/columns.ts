// The spreadsheet formats: the product sheet (import, export and template share it, so a round
// trip changes nothing) and the province OCOP registry. Headers are Vietnamese; a header is
// recognised without diacritics, case or extra spaces, and by a few other names people use.
import { foldVietnamese } from "#db/fold";

export type Column<K extends string> = { key: K; header: string; aliases?: string[]; required?: boolean; hint: string };

export const PRODUCT_COLUMNS = [
  { key: "sku", header: "Mã sản phẩm", aliases: ["ma sp", "sku", "ma hang"], hint: "Để trống khi thêm sản phẩm mới; giữ nguyên để cập nhật. Nhiều dòng cùng mã: mỗi dòng thêm một chứng nhận." },
  { key: "name", header: "Tên sản phẩm", aliases: ["ten sp", "san pham"], required: true, hint: "3-200 ký tự." },
  { key: "category", header: "Danh mục", aliases: ["loai san pham", "nganh hang"], required: true, hint: "Một danh mục trong sheet Hướng dẫn, ví dụ Mật ong." },
  { key: "unit", header: "Đơn vị tính", aliases: ["don vi", "dvt"], required: true, hint: "kg, hộp 200 g, chai 500 ml…" },
  { key: "weightGrams", header: "Khối lượng (g)", aliases: ["khoi luong", "trong luong", "khoi luong (gam)"], hint: "Gam, gồm bao bì; ghi 1,2 kg cũng được." },
  { key: "price", header: "Giá bán (đồng)", aliases: ["gia", "gia ban", "don gia"], required: true, hint: "150000, 150.000 hoặc 150k." },
  { key: "stock", header: "Tồn kho", aliases: ["so luong", "ton"], hint: "Số nguyên; để trống là 0." },
  { key: "status", header: "Trạng thái", hint: "Đang bán, Bản nháp hoặc Lưu trữ; để trống là Đang bán." },
  { key: "description", header: "Mô tả", aliases: ["mo ta san pham"], hint: "Tối đa 5.000 ký tự." },
  { key: "certKind", header: "Loại chứng nhận", aliases: ["chung nhan"], hint: "OCOP, VietGAP, GlobalGAP hoặc Hữu cơ; để trống nếu không có." },
  { key: "stars", header: "Hạng sao OCOP", aliases: ["hang sao", "so sao"], hint: "3, 4 hoặc 5 (chỉ với OCOP)." },
  { key: "certNumber", header: "Số quyết định / chứng nhận", aliases: ["so quyet dinh", "so chung nhan", "so qd"], hint: "Ví dụ 1234/QĐ-UBND." },
  { key: "issuer", header: "Cơ quan cấp", aliases: ["noi cap", "don vi cap"], hint: "OCOP: để trống là UBND tỉnh cấp." },
  { key: "issuedOn", header: "Ngày cấp", aliases: ["ngay quyet dinh"], hint: "dd/MM/yyyy, ví dụ 15/03/2025." },
  { key: "expiresOn", header: "Ngày hết hạn", aliases: ["han", "hieu luc den"], hint: "dd/MM/yyyy; OCOP để trống là 36 tháng từ ngày cấp." },
  { key: "issueProvince", header: "Tỉnh cấp", aliases: ["tinh"], hint: "Tên tỉnh ghi trên chứng nhận (có thể là tỉnh cũ trước 01/07/2025)." },
] as const satisfies readonly Column<string>[];

export type ProductColumnKey = (typeof PRODUCT_COLUMNS)[number]["key"];

export const REGISTRY_COLUMNS = [
  { key: "producerName", header: "Tên chủ thể", aliases: ["ten chu the", "chu the", "ten don vi", "co so san xuat", "ten co so"], required: true, hint: "Tên hợp tác xã, doanh nghiệp, hộ kinh doanh." },
  { key: "taxCode", header: "Mã số thuế", aliases: ["mst", "ma so doanh nghiep"], required: true, hint: "10 chữ số (13 với chi nhánh)." },
  { key: "producerKind", header: "Loại hình", aliases: ["loai hinh chu the"], hint: "HTX, Doanh nghiệp hoặc Hộ kinh doanh; để trống thì đoán theo tên." },
  { key: "address", header: "Địa chỉ", aliases: ["dia chi chu the"], hint: "Không bắt buộc." },
  { key: "productName", header: "Tên sản phẩm", aliases: ["san pham", "ten san pham ocop"], required: true, hint: "Như trong quyết định công nhận." },
  { key: "group", header: "Nhóm sản phẩm", aliases: ["nhom", "bo san pham", "nganh"], required: true, hint: "Thực phẩm, Đồ uống, Thảo dược, Vải và may mặc, Lưu niệm - nội thất - trang trí, Du lịch." },
  { key: "stars", header: "Hạng sao", aliases: ["so sao", "hang"], required: true, hint: "3, 4 hoặc 5." },
  { key: "decisionNumber", header: "Số quyết định", aliases: ["so qd", "quyet dinh"], required: true, hint: "Ví dụ 1234/QĐ-UBND." },
  { key: "issuedOn", header: "Ngày quyết định", aliases: ["ngay cap", "ngay cong nhan"], required: true, hint: "dd/MM/yyyy." },
  { key: "expiresOn", header: "Ngày hết hạn", aliases: ["hieu luc den"], hint: "dd/MM/yyyy; để trống là 36 tháng." },
  { key: "issueProvince", header: "Tỉnh", aliases: ["tinh cap", "tinh thanh"], hint: "Tỉnh ghi trên quyết định (có thể là tỉnh cũ); để trống là tỉnh của bạn." },
] as const satisfies readonly Column<string>[];

export type RegistryColumnKey = (typeof REGISTRY_COLUMNS)[number]["key"];

/** Header text reduced to what people mean: no diacritics, case, punctuation or extra spaces. */
const headerKey = (text: string) =>
  foldVietnamese(text)
    .replace(/[^a-z0-9()]+/g, " ")
    .trim();

/** column index → key, for the columns recognised in a header row. */
export function matchHeaders<K extends string>(columns: readonly Column<K>[], headers: string[]): Map<number, K> {
  const lookup = new Map<string, K>();
  for (const c of columns) for (const name of [c.header, ...(c.aliases ?? [])]) lookup.set(headerKey(name), c.key);
  const found = new Map<number, K>();
  const seen = new Set<K>();
  headers.forEach((h, i) => {
    const key = lookup.get(headerKey(h));
    if (key && !seen.has(key)) {
      found.set(i, key);
      seen.add(key);
    }
  });
  return found;
}

export const STATUS_LABELS = { active: "Đang bán", draft: "Bản nháp", archived: "Lưu trữ" } as const;
export const CERT_LABELS = { ocop: "OCOP", vietgap: "VietGAP", globalgap: "GlobalGAP", organic: "Hữu cơ" } as const;

/**
 * The template's sample rows carry this code (and a name starting "Ví dụ:"): the preview marks them
 * as samples and the import skips them, so uploading the template unedited creates nothing.
 */
export const EXAMPLE_SKU = "VÍ-DỤ";
export const EXAMPLE_NAME_PREFIX = "Ví dụ:";

/** A template sample row, recognised whatever the case or diacritics ("vi-du", "VÍ DỤ 2", "Ví dụ: …"). */
export function isExampleRow(code: string, name: string): boolean {
  const folded = (s: string) => foldVietnamese(s).replace(/[^a-z0-9:]+/g, "");
  return folded(code).startsWith("vidu") || folded(name).startsWith("vidu:");
}
