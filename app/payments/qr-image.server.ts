// Draws a VietQR payload as an SVG data URL (the `qrcode` package), server-side: the order
// page shows it without JavaScript.
import QRCode from "qrcode";

export async function qrDataUrl(payload: string): Promise<string> {
  const svg = await QRCode.toString(payload, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}
