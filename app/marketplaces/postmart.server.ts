// Postmart.vn (Vietnam Post): no public seller API. Listings are exported to the seller-centre
// upload file and stay "exported, awaiting confirmation" until the producer confirms them live.
import { readiness } from "~/catalog/readiness";
import { sellerCentreWorkbook } from "./seller-centre-file.server";
import type { FileAdapter } from "./types";

export const postmart: FileAdapter = {
  kind: "file",
  code: "postmart",
  readiness: (product) => readiness(product, "postmart"),
  exportFile: (listings) => sellerCentreWorkbook("Postmart", listings),
  fileName: (day) => `postmart-san-pham-${day}.xlsx`,
};
