// The readiness checklist: what a marketplace still needs from a product (app/catalog/readiness.ts).
export const vi = {
  "readiness.photo_missing": "Chưa có ảnh sản phẩm.",
  "readiness.photo_too_small": "Ảnh quá nhỏ: cần ít nhất một ảnh có cạnh ngắn từ {min} px.",
  "readiness.weight_missing": "Chưa nhập khối lượng (sàn cần để tính phí vận chuyển).",
  "readiness.description_short": "Mô tả quá ngắn: cần ít nhất {min} ký tự.",
  "readiness.name_length": "Tên sản phẩm cần từ {min} đến {max} ký tự.",
  "readiness.category_missing": "Chưa chọn danh mục sản phẩm.",
  "readiness.price_missing": "Chưa có giá bán.",
  "readiness.out_of_stock": "Đang hết hàng: sản phẩm sẽ hiện là hết hàng trên sàn.",
  "readiness.certificate_missing": "Sàn này chỉ nhận sản phẩm có chứng nhận OCOP còn hiệu lực.",
  "readiness.certificate_expired": "Chứng nhận OCOP đã hết hạn: sản phẩm không được gắn nhãn OCOP.",
  "readiness.ready": "Sẵn sàng đăng lên {marketplace}.",
} as const;

export const en: Record<keyof typeof vi, string> = {
  "readiness.photo_missing": "No product photo yet.",
  "readiness.photo_too_small": "Photos too small: at least one needs a shorter side of {min} px or more.",
  "readiness.weight_missing": "No weight yet (the marketplace needs it for shipping fees).",
  "readiness.description_short": "Description too short: at least {min} characters.",
  "readiness.name_length": "The product name needs {min} to {max} characters.",
  "readiness.category_missing": "No category chosen.",
  "readiness.price_missing": "No price yet.",
  "readiness.out_of_stock": "Out of stock: it will show as sold out on the marketplace.",
  "readiness.certificate_missing": "This marketplace only takes products with a valid OCOP certificate.",
  "readiness.certificate_expired": "The OCOP certificate has expired: the product cannot carry the OCOP label.",
  "readiness.ready": "Ready to publish on {marketplace}.",
};
