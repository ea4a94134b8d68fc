import { readFileSync } from "node:fs";
import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import type { LabelData } from "~/traceability/certificate.server";
import { labelSvg, wrap } from "~/traceability/label";
import { asciiFold, labelPdf } from "~/traceability/label-pdf";
import { QUIET, certificateUrl } from "~/traceability/qr";
import { parseTrueType } from "~/traceability/truetype";

const label: LabelData = {
  productId: 7,
  productName: "Nước mắm cá cơm Phú Quốc 40 độ đạm, chai thủy tinh 500 ml (hộp quà)",
  producerName: "Hợp tác xã Nước mắm Đặc sản Hưng Thịnh",
  stars: 4,
  decision: "1234/QĐ-UBND",
  issuedOn: "2024-03-12",
  expiresOn: "2027-03-12",
  slug: "nuoc-mam-ca-com-phu-quoc",
};
const URL_ = certificateUrl("https://ocop.example.vn/", label.decision, label.slug);

/** Reads the QR path's runs back into a module matrix (the label's own drawing, not the encoder's). */
function modulesOfSvg(svg: string): boolean[][] {
  const d = /<path data-qr="" [^>]*d="([^"]+)"/.exec(svg)![1]!;
  const runs = [...d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)].map((m) => ({ x: Number(m[1]) - QUIET, y: Number(m[2]) - QUIET, w: Number(m[3]) }));
  const size = Math.max(...runs.map((r) => r.x + r.w), ...runs.map((r) => r.y + 1));
  const grid = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  for (const r of runs) for (let x = r.x; x < r.x + r.w; x++) grid[r.y]![x] = true;
  return grid;
}

describe("the packaging label", () => {
  it("points its QR code at the certificate page of the product", () => {
    expect(URL_).toBe("https://ocop.example.vn/chung-nhan/1234%2FQ%C4%90-UBND?sp=nuoc-mam-ca-com-phu-quoc");
    const svg = labelSvg(label, URL_);
    const drawn = modulesOfSvg(svg);
    const { modules } = QRCode.create(URL_, { errorCorrectionLevel: "M" });
    const expected = Array.from({ length: modules.size }, (_, y) => Array.from({ length: modules.size }, (_, x) => modules.get(y, x) === 1));
    expect(drawn).toEqual(expected);
    // Another address draws another symbol: the comparison can fail.
    const other = QRCode.create(certificateUrl("https://ocop.example.vn", "1235/QĐ-UBND", label.slug), { errorCorrectionLevel: "M" });
    expect(drawn.flat().map(Number).join("")).not.toBe(Array.from(other.modules.data).join(""));
  });

  it("prints the Vietnamese text in the SVG, escaped, sized in millimetres", () => {
    const svg = labelSvg({ ...label, producerName: "HTX <Tâm & Đức>" }, URL_);
    expect(svg).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg [^>]*width="70mm" height="40mm"/);
    expect(svg).toContain("OCOP ★★★★");
    expect(svg).toContain("QĐ 1234/QĐ-UBND");
    expect(svg).toContain("Hiệu lực đến 12/03/2027");
    expect(svg).toContain("HTX &lt;Tâm &amp; Đức&gt;");
    expect(svg).not.toContain("<Tâm");
  });

  it("wraps long names to a few lines and cuts the rest", () => {
    expect(wrap("một hai ba bốn năm sáu", 8, 5)).toEqual(["một hai", "ba bốn", "năm sáu"]);
    const cut = wrap("a ".repeat(50), 10, 2);
    expect(cut).toHaveLength(2);
    expect(cut[1]!.endsWith("…")).toBe(true);
  });

  it("writes a well-formed one-page PDF whose cross-reference offsets point at each object", () => {
    const text = wellFormed(labelPdf(label, URL_));
    expect(text).toContain("/MediaBox [0 0 198.425 113.386]");
    expect(text).toContain("(QD 1234/QD-UBND) Tj");
    expect(text).toContain(`/URI (${URL_})`);
  });

  it("embeds a TrueType font so the PDF keeps the Vietnamese, searchable through its ToUnicode map", () => {
    const font = parseTrueType(readFileSync("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"));
    expect(font.glyph("ư".codePointAt(0)!)).toBeGreaterThan(0);
    expect(font.glyph(0xe000)).toBe(0);
    const text = wellFormed(labelPdf(label, URL_, font));
    expect(text).toContain("/Subtype /CIDFontType2");
    expect(text).toContain("/FontFile2 8 0 R");
    expect(text).not.toContain("Helvetica");
    // "Đ" (U+0110) and "ư" (U+01B0) are shown by their glyphs and mapped back to their characters.
    for (const c of ["Đ", "ư", "ệ"]) {
      const g = font.glyph(c.codePointAt(0)!).toString(16).toUpperCase().padStart(4, "0");
      expect(text, c).toContain(`<${g}> <${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}>`);
    }
  });
});

/** Checks the PDF's frame (header, xref offsets, trailer, stream lengths) and returns its text. */
function wellFormed(pdf: Buffer): string {
  {
    const text = pdf.toString("latin1");
    expect(text.startsWith("%PDF-1.4\n")).toBe(true);
    expect(text.trimEnd().endsWith("%%EOF")).toBe(true);
    const startxref = Number(/startxref\n(\d+)\n%%EOF/.exec(text)![1]);
    expect(text.slice(startxref, startxref + 4)).toBe("xref");
    const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(text.slice(startxref))!.map(Number) as [number, number, number];
    expect(first).toBe(0);
    const entries = text.slice(startxref).split("\n").slice(2, 2 + count);
    expect(entries[0]).toBe("0000000000 65535 f ");
    entries.slice(1).forEach((e, i) => {
      expect(e).toMatch(/^\d{10} 00000 n $/);
      expect(text.slice(Number(e.slice(0, 10))).startsWith(`${i + 1} 0 obj\n`)).toBe(true);
    });
    expect(/\/Size (\d+)/.exec(text)![1]).toBe(String(count));
    // The content stream's /Length is its byte length.
    const stream = /4 0 obj\n<< \/Length (\d+) >>\nstream\n/.exec(text)!;
    const at = stream.index + stream[0].length;
    expect(text.slice(at + Number(stream[1]), at + Number(stream[1]) + 10)).toBe("\nendstream");
    // Every stream's /Length is its byte length.
    for (const m of text.matchAll(/\/Length (\d+)[^>]*>>\nstream\n/g)) {
      const start = m.index + m[0].length;
      expect(text.slice(start + Number(m[1]), start + Number(m[1]) + 10)).toBe("\nendstream");
    }
    return text;
  }
}

describe("ASCII folding", () => {
  it("folds Vietnamese to ASCII for the PDF's standard fonts", () => {
    expect(asciiFold("Nước mắm Đặc sản ★★★")).toBe("Nuoc mam Dac san ***");
    expect(asciiFold("Hiệu lực đến")).toBe("Hieu luc den");
  });
});
