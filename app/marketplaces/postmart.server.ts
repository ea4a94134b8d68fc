// Postmart.vn (Vietnam Post): no public seller API. Listings are exported to the seller-centre
// upload file and stay "exported, awaiting confirmation" until the producer confirms them live.
import { sellerCentreWorkbook } from "./seller-centre-file.server";
import type { FileAdapter } from "./types";

export const postmart: FileAdapter = {
  kind: "file",
  code: "postmart",
  exportFile: (listings) => sellerCentreWorkbook("Postmart", listings),
  fileName: (day) => `postmart-san-pham-${day}.xlsx`,
};
