// Draws a VietQR payload (the `qrcode` package), server-side: as an SVG data URL the order page
// shows without JavaScript, and as a PNG the shopper saves ("Lưu mã QR") for a banking app to read.
import QRCode from "qrcode";

export async function qrDataUrl(payload: string): Promise<string> {
  const svg = await QRCode.toString(payload, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

/** A PNG a banking app's "scan from image" reads: 8 px modules, a 4-module quiet zone. */
export function qrPng(payload: string): Promise<Buffer> {
  return QRCode.toBuffer(payload, { type: "png", errorCorrectionLevel: "M", margin: 4, scale: 8 });
}
