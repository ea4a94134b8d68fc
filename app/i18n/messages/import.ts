// Bulk import and export of products, and the province OCOP registry import.
export const vi = {
  "registry.nav": "Sổ bộ OCOP",
  "import.nav": "Nhập, xuất Excel",
} as const;

export const en: Record<keyof typeof vi, string> = {
  "registry.nav": "OCOP registry",
  "import.nav": "Import, export",
};
