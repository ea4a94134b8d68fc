// The label as a one-page PDF 1.4, written by hand: the QR code as filled rectangles (vector, sharp
// at any size) and the text in the standard Helvetica fonts. Those fonts only carry Latin-1, so
// the PDF's text is folded to ASCII ("Nước mắm" → "Nuoc mam"); the SVG label keeps the
// Vietnamese. Every object's byte offset is recorded for the cross-reference table.
import type { LabelData } from "./certificate.server";
import { LABEL_H, LABEL_W, TEXT_COLUMN, labelLayout, type TextLine } from "./label";

const PT = 72 / 25.4;

/** Vietnamese to plain ASCII with case kept: marks dropped, "Đ" → "D", "★" → "*", anything else outside ASCII → "?". */
export function asciiFold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/★/g, "*")
    .replace(/…/g, "...")
    .replace(/[^\x20-\x7e]/g, "?");
}

/** Helvetica's advance widths (per 1 of font size) for the letters a folded label uses; others count as 0.6. */
const HELVETICA: Record<string, number> = { " ": 0.278, ".": 0.278, "/": 0.278, "-": 0.333, ":": 0.278, ",": 0.278, "(": 0.333, ")": 0.333 };
function helveticaWidth(text: string, bold: boolean): number {
  let w = 0;
  for (const c of text) {
    w += HELVETICA[c] ?? (/[0-9]/.test(c) ? 0.556 : /[A-Z]/.test(c) ? (bold ? 0.72 : 0.667) : /[iljtf]/.test(c) ? 0.3 : /[mw]/.test(c) ? 0.833 : bold ? 0.6 : 0.556);
  }
  return w;
}

/** The stars after "OCOP", drawn as five-pointed polygons: Helvetica has no ★. */
function starsOps(t: TextLine, pageH: number): string {
  const size = t.size * PT;
  const r = size * 0.4;
  const start = t.x * PT + helveticaWidth("OCOP ", true) * size + r;
  const cy = pageH - t.y * PT + size * 0.35;
  const shapes: string[] = [];
  for (let s = 0; s < (t.stars ?? 0); s++) {
    const cx = start + s * r * 2.2;
    const points = Array.from({ length: 10 }, (_, i) => {
      const a = -Math.PI / 2 + (i * Math.PI) / 5;
      const rr = i % 2 === 0 ? r : r * 0.4;
      return [cx + rr * Math.cos(a), cy - rr * Math.sin(a)] as const;
    });
    shapes.push(points.map(([x, y], i) => `${f(x)} ${f(y)} ${i === 0 ? "m" : "l"}`).join(" ") + " h");
  }
  return `0.6 0.4 0 rg ${shapes.join(" ")} f`;
}

/** A PDF literal string: backslash, parentheses escaped. */
const literal = (s: string) => `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;
const f = (v: number) => Number(v.toFixed(3)).toString();

/** Assembles numbered objects into a PDF with a correct xref table (offsets in bytes from the start). */
export function pdfDocument(objects: string[]): Buffer {
  let body = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, "latin1"));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, "latin1");
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

export function labelPdf(label: LabelData, url: string): Buffer {
  const l = labelLayout(label, url);
  const w = LABEL_W * PT;
  const h = LABEL_H * PT;
  const ops: string[] = [];
  // The frame, then the QR modules: PDF's y axis points up, the layout's down.
  ops.push("0.85 w 0.12 0.16 0.12 RG", `${f(0.7)} ${f(0.7)} ${f(w - 1.4)} ${f(h - 1.4)} re S`, "0 0 0 rg");
  const m = l.qr.module * PT;
  for (const r of l.qr.runs) {
    ops.push(`${f(l.qr.x * PT + r.x * m)} ${f(h - (l.qr.y * PT + (r.y + 1) * m))} ${f(r.w * m)} ${f(m)} re`);
  }
  ops.push("f");
  for (const t of l.lines) {
    const font = t.bold ? "/F2" : t.italic ? "/F3" : "/F1";
    const color = t.color ? "0.6 0.4 0 rg" : "0.12 0.16 0.12 rg";
    const text = t.stars ? "OCOP" : asciiFold(t.text);
    // Squeezed horizontally (Tz) when Helvetica would overrun the text column.
    const width = helveticaWidth(text, !!t.bold) * t.size;
    const scale = width > TEXT_COLUMN ? ` ${f((TEXT_COLUMN / width) * 100)} Tz` : "";
    ops.push(`BT ${color} ${font} ${f(t.size * PT)} Tf${scale} ${f(t.x * PT)} ${f(h - t.y * PT)} Td ${literal(text)} Tj ET`);
    if (t.stars) ops.push(starsOps(t, h));
  }
  // Where the code leads, clickable when the PDF is read on screen.
  const stream = ops.join("\n");
  const box = (LABEL_H - 2 * l.qr.y) * PT;
  const qrBox = [l.qr.x * PT, h - l.qr.y * PT - box, l.qr.x * PT + box, h - l.qr.y * PT];
  return pdfDocument([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${f(w)} ${f(h)}] /Resources << /Font << /F1 5 0 R /F2 6 0 R /F3 7 0 R >> >> /Contents 4 0 R /Annots [8 0 R] >>`,
    `<< /Length ${Buffer.byteLength(stream, "latin1")} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Oblique /Encoding /WinAnsiEncoding >>",
    `<< /Type /Annot /Subtype /Link /Rect [${qrBox.map(f).join(" ")}] /Border [0 0 0] /A << /S /URI /URI ${literal(url)} >> >>`,
    `<< /Title ${literal(asciiFold(`Nhan OCOP: ${label.productName}`))} /Producer (OCOP Connect) >>`,
  ]);
}
