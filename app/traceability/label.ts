// The packaging label: a 70 × 40 mm sticker with the QR code that opens the certificate page, the
// stars, the product, the producer, the decision and its validity. One layout (in millimetres)
// drawn twice: as SVG (Vietnamese text, any browser prints it) and as PDF (./label-pdf.ts).
import { formatDay } from "~/i18n/format";
import type { LabelData } from "./certificate.server";
import { QUIET, qrSymbol, type Run } from "./qr";

export const LABEL_W = 70;
export const LABEL_H = 40;
const PAD = 2;
const QR_BOX = LABEL_H - 2 * PAD;
const TEXT_X = PAD + QR_BOX + 1.5;
const TEXT_W = LABEL_W - TEXT_X - PAD;

export type TextLine = { text: string; x: number; y: number; size: number; bold?: boolean; italic?: boolean; color?: string; stars?: number };
export type LabelLayout = { qr: { x: number; y: number; module: number; runs: Run[] }; lines: TextLine[]; url: string };

/** Greedy word wrap to about `chars` characters a line, at most `max` lines (the last one cut with "…"). */
export function wrap(text: string, chars: number, max: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && (line + " " + word).length > chars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  kept[max - 1] = `${kept[max - 1]!.slice(0, Math.max(1, chars - 1))}…`;
  return kept;
}

/** Characters that fit a line of the text column at a font size (mm), for a wide sans-serif (DejaVu) bold. */
const fit = (size: number) => Math.floor(TEXT_W / (size * 0.62));

/** A line's width estimated for a wide sans-serif; a line estimated wider than the column is squeezed to fit. */
export const estimatedWidth = (t: TextLine) => [...t.text].length * t.size * (t.bold ? 0.66 : 0.58);
export const TEXT_COLUMN = TEXT_W;

export function labelLayout(label: LabelData, url: string): LabelLayout {
  const symbol = qrSymbol(url);
  const module = QR_BOX / (symbol.size + 2 * QUIET);
  const lines: TextLine[] = [];
  let y = PAD + 3.8;
  lines.push({ text: `OCOP ${"★".repeat(label.stars)}`, x: TEXT_X, y, size: 3.6, bold: true, color: "#9a6700", stars: label.stars });
  y += 2.6;
  lines.push({ text: `Sản phẩm OCOP ${label.stars} sao`, x: TEXT_X, y, size: 2.1 });
  y += 4;
  for (const l of wrap(label.productName, fit(2.9), 3)) {
    lines.push({ text: l, x: TEXT_X, y, size: 2.9, bold: true });
    y += 3.3;
  }
  for (const l of wrap(label.producerName, fit(2.2), 2)) {
    lines.push({ text: l, x: TEXT_X, y, size: 2.2 });
    y += 2.7;
  }
  const bottom = LABEL_H - PAD - 0.6;
  lines.push({ text: "Quét mã để kiểm tra chứng nhận", x: TEXT_X, y: bottom, size: 1.7, italic: true });
  lines.push({ text: `Hiệu lực đến ${formatDay(label.expiresOn)}`, x: TEXT_X, y: bottom - 3, size: 2.1 });
  lines.push({ text: `QĐ ${label.decision}`, x: TEXT_X, y: bottom - 5.7, size: label.decision.length > 16 ? 1.8 : 2.1, bold: true });
  return { qr: { x: PAD, y: PAD, module, runs: symbol.runs.map((r) => ({ x: r.x + QUIET, y: r.y + QUIET, w: r.w })) }, lines, url };
}

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const n = (v: number) => Number(v.toFixed(3));

/** The label as a standalone SVG document, sized in millimetres for printing at 100%. */
export function labelSvg(label: LabelData, url: string): string {
  const l = labelLayout(label, url);
  const path = l.qr.runs.map((r) => `M${r.x} ${r.y}h${r.w}v1h-${r.w}z`).join("");
  const text = l.lines
    .map(
      (t) =>
        `<text x="${n(t.x)}" y="${n(t.y)}" font-size="${t.size}"${estimatedWidth(t) > TEXT_W ? ` textLength="${n(TEXT_W)}" lengthAdjust="spacingAndGlyphs"` : ""}${t.bold ? ' font-weight="700"' : ""}${t.italic ? ' font-style="italic"' : ""}${t.color ? ` fill="${t.color}"` : ""}>${xml(t.text)}</text>`,
    )
    .join("\n  ");
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${LABEL_W}mm" height="${LABEL_H}mm" viewBox="0 0 ${LABEL_W} ${LABEL_H}" lang="vi">
  <title>${xml(`Nhãn OCOP: ${label.productName}`)}</title>
  <desc>${xml(l.url)}</desc>
  <rect x="0.25" y="0.25" width="${LABEL_W - 0.5}" height="${LABEL_H - 0.5}" rx="2" fill="#fff" stroke="#1f2a1f" stroke-width="0.3"/>
  <path data-qr="" transform="translate(${n(l.qr.x)} ${n(l.qr.y)}) scale(${n(l.qr.module)})" shape-rendering="crispEdges" fill="#000" d="${path}"/>
  <g font-family="'DejaVu Sans', 'Noto Sans', Arial, sans-serif" fill="#1f2a1f">
  ${text}
  </g>
</svg>
`;
}
