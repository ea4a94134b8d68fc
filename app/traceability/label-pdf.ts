// The label as a one-page PDF 1.4, written by hand: the QR code as filled rectangles (vector, sharp
// at any size), the stars as vector shapes, and the text in an embedded TrueType font that has the
// Vietnamese letters, or, without one, in the standard Helvetica fonts folded to ASCII ("Nước mắm"
// → "Nuoc mam"). Every object's byte offset is recorded for the cross-reference table.
import { deflateSync } from "node:zlib";
import type { LabelData } from "./certificate.server";
import type { TrueType } from "./truetype";
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
function starsOps(t: TextLine, pageH: number, ocopWidth = helveticaWidth("OCOP ", true)): string {
  const size = t.size * PT;
  const r = size * 0.4;
  const start = t.x * PT + ocopWidth * size + r;
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

/**
 * The label as a PDF. With a TrueType font that covers Vietnamese (./truetype.ts), the font is
 * embedded and the text keeps its diacritics (bold drawn as fill + stroke, italic as a slant);
 * without one, the standard Helvetica fonts show the text folded to ASCII.
 */
export function labelPdf(label: LabelData, url: string, font?: TrueType | null): Buffer {
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
  const used = new Map<number, number>();
  const chars = new Map<number, number>();
  for (const t of l.lines) {
    const color = t.color ? "0.6 0.4 0" : "0.12 0.16 0.12";
    const words = t.stars ? "OCOP" : font ? t.text.normalize("NFC") : asciiFold(t.text);
    let shown: string;
    let width: number;
    if (font) {
      const glyphs = [...words].map((c) => font.glyph(c.codePointAt(0)!));
      glyphs.forEach((g, i) => {
        used.set(g, font.advance(g));
        if (g !== 0) chars.set(g, [...words][i]!.codePointAt(0)!);
      });
      width = (glyphs.reduce((sum, g) => sum + font.advance(g), 0) / font.unitsPerEm) * t.size;
      shown = `<${glyphs.map((g) => g.toString(16).padStart(4, "0")).join("")}>`;
    } else {
      width = helveticaWidth(words, !!t.bold) * t.size;
      shown = literal(words);
    }
    // Squeezed horizontally (Tz) when the line would overrun the text column.
    const scale = width > TEXT_COLUMN ? (TEXT_COLUMN / width) * 100 : 100;
    const name = font ? "/F1" : t.bold ? "/F2" : t.italic ? "/F3" : "/F1";
    const style = font && t.bold ? `2 Tr ${f(t.size * PT * 0.05)} w ${color} RG` : "0 Tr";
    const slant = font && t.italic ? 0.2 : 0;
    ops.push(`BT ${color} rg ${style} ${name} ${f(t.size * PT)} Tf ${f(scale)} Tz 1 0 ${slant} 1 ${f(t.x * PT)} ${f(h - t.y * PT)} Tm ${shown} Tj ET`);
    if (t.stars) ops.push(starsOps(t, h, font ? (["O", "C", "O", "P", " "].reduce((sum, c) => sum + font.advance(font.glyph(c.codePointAt(0)!)), 0) / font.unitsPerEm) * 1.05 : undefined));
  }
  // Where the code leads, clickable when the PDF is read on screen.
  const stream = ops.join("\n");
  const box = (LABEL_H - 2 * l.qr.y) * PT;
  const qrBox = [l.qr.x * PT, h - l.qr.y * PT - box, l.qr.x * PT + box, h - l.qr.y * PT];
  const fonts = font
    ? embeddedFont(font, used, chars)
    : [
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Oblique /Encoding /WinAnsiEncoding >>",
      ];
  const annot = 5 + fonts.length;
  return pdfDocument([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${f(w)} ${f(h)}] /Resources << /Font << ${font ? "/F1 5 0 R" : "/F1 5 0 R /F2 6 0 R /F3 7 0 R"} >> >> /Contents 4 0 R /Annots [${annot} 0 R] >>`,
    `<< /Length ${Buffer.byteLength(stream, "latin1")} >>\nstream\n${stream}\nendstream`,
    ...fonts,
    `<< /Type /Annot /Subtype /Link /Rect [${qrBox.map(f).join(" ")}] /Border [0 0 0] /A << /S /URI /URI ${literal(url)} >> >>`,
    `<< /Title ${literal(asciiFold(`Nhan OCOP: ${label.productName}`))} /Producer (OCOP Connect) >>`,
  ]);
}

/**
 * Objects 5-9 for an embedded TrueType font: the Type0 font, its CIDFontType2 (glyph ids as CIDs,
 * widths of the glyphs used), the descriptor, the font file (compressed), and the glyph → Unicode
 * map that lets a reader search and copy the text.
 */
function embeddedFont(font: TrueType, used: Map<number, number>, chars: Map<number, number>): string[] {
  const k = 1000 / font.unitsPerEm;
  const widths = [...used.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([g, adv]) => `${g} [${Math.round(adv * k)}]`)
    .join(" ");
  const file = deflateSync(font.data);
  const cmap = toUnicode(chars);
  return [
    "<< /Type /Font /Subtype /Type0 /BaseFont /LabelFont /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 9 0 R >>",
    `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /LabelFont /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R /CIDToGIDMap /Identity /DW 1000 /W [${widths}] >>`,
    `<< /Type /FontDescriptor /FontName /LabelFont /Flags 32 /FontBBox [${font.bbox.map((v) => Math.round(v * k)).join(" ")}] /ItalicAngle 0 /Ascent ${Math.round(font.ascent * k)} /Descent ${Math.round(font.descent * k)} /CapHeight ${Math.round(font.ascent * k * 0.9)} /StemV 80 /FontFile2 8 0 R >>`,
    `<< /Length ${file.length} /Length1 ${font.data.length} /Filter /FlateDecode >>\nstream\n${file.toString("latin1")}\nendstream`,
    `<< /Length ${Buffer.byteLength(cmap, "latin1")} >>\nstream\n${cmap}\nendstream`,
  ];
}

const hex4 = (n: number) => n.toString(16).toUpperCase().padStart(4, "0");

/** A ToUnicode CMap: each glyph id shown, and the (BMP) character it stands for. */
function toUnicode(chars: Map<number, number>): string {
  const entries = [...chars.entries()].sort((a, b) => a[0] - b[0]);
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const part = entries.slice(i, i + 100);
    blocks.push(`${part.length} beginbfchar\n${part.map(([g, c]) => `<${hex4(g)}> <${hex4(c)}>`).join("\n")}\nendbfchar`);
  }
  return [
    "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
    "/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
    "1 begincodespacerange <0000> <FFFF> endcodespacerange",
    ...blocks,
    "endcmap CMapName currentdict /CMap defineresource pop end end",
  ].join("\n");
}
