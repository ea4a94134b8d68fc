// The producer's workspace ("Kênh người bán").
export const vi = {
  "workspace.nav": "Điều hướng kênh người bán",
  "workspace.overview": "Tổng quan",
  "workspace.status.unclaimed": "Chưa có tài khoản quản lý",
  "workspace.status.pending": "Đang chờ xác minh",
  "workspace.status.verified": "Đã xác minh",
  "workspace.status.suspended": "Tạm ngừng",
  "workspace.products.draft": "Bản nháp",
  "workspace.products.active": "Đang bán",
  "workspace.products.archived": "Đã lưu trữ",
  "workspace.visible": "{count} sản phẩm đang hiển thị trên cửa hàng",
  "workspace.publicPage": "Xem trang công khai",
  "workspace.figures": "Chỉ số của bạn",
  "workspace.figures.listing": "sản phẩm OCOP còn hiệu lực đang bán trên sàn ({num}/{den})",
  "workspace.figures.cashless": "đơn đã giao trong tháng thanh toán không dùng tiền mặt ({num}/{den})",
} as const;

export const en: Record<keyof typeof vi, string> = {
  "workspace.nav": "Seller centre navigation",
  "workspace.overview": "Overview",
  "workspace.status.unclaimed": "No managing account yet",
  "workspace.status.pending": "Waiting for verification",
  "workspace.status.verified": "Verified",
  "workspace.status.suspended": "Suspended",
  "workspace.products.draft": "Drafts",
  "workspace.products.active": "On sale",
  "workspace.products.archived": "Archived",
  "workspace.visible": "{count} products visible in the store",
  "workspace.publicPage": "See the public page",
  "workspace.figures": "Your figures",
  "workspace.figures.listing": "of valid OCOP products live on a marketplace ({num}/{den})",
  "workspace.figures.cashless": "of orders delivered this month paid without cash ({num}/{den})",
};
