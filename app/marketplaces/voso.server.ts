// Voso.vn (Viettel Post): no public seller API. Listings are exported to the seller-centre
// upload file and stay "exported, awaiting confirmation" until the producer confirms them live.
import { sellerCentreWorkbook } from "./seller-centre-file.server";
import type { FileAdapter } from "./types";

export const voso: FileAdapter = {
  kind: "file",
  code: "voso",
  exportFile: (listings) => sellerCentreWorkbook("Voso", listings),
  fileName: (day) => `voso-san-pham-${day}.xlsx`,
};
