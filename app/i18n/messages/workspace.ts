// The producer's workspace ("Kênh người bán").
export const vi = {
  "workspace.title": "Kênh người bán",
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
} as const;

export const en: Record<keyof typeof vi, string> = {
  "workspace.title": "Seller centre",
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
};
