// The label's QR code as plain geometry: the modules of the symbol the `qrcode` package encodes,
// merged into horizontal runs, so the SVG (a path) and the PDF (filled rectangles) draw the same
// vector squares and stay sharp at any print size.
import QRCode from "qrcode";

/** A horizontal run of dark modules: row y, columns x .. x + w - 1. */
export type Run = { x: number; y: number; w: number };
export type QrSymbol = { size: number; runs: Run[] };

/** Quiet zone around the symbol, in modules (the standard asks for 4). */
export const QUIET = 4;

export function qrSymbol(text: string): QrSymbol {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const runs: Run[] = [];
  for (let y = 0; y < modules.size; y++) {
    let x = 0;
    while (x < modules.size) {
      if (!modules.get(y, x)) {
        x++;
        continue;
      }
      const start = x;
      while (x < modules.size && modules.get(y, x)) x++;
      runs.push({ x: start, y, w: x - start });
    }
  }
  return { size: modules.size, runs };
}

/** The public page a product's label points at (the certificate page, that product picked out). */
export function certificateUrl(publicUrl: string, decision: string, productSlug?: string): string {
  const base = `${publicUrl.replace(/\/$/, "")}/chung-nhan/${encodeURIComponent(decision)}`;
  return productSlug ? `${base}?sp=${encodeURIComponent(productSlug)}` : base;
}
