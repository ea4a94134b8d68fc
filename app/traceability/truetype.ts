// Just enough of a TrueType font for a PDF to show Vietnamese with it: the character → glyph map
// (cmap format 4, Unicode BMP), the glyphs' advance widths, and the metrics a font descriptor needs.
// The whole font file is embedded (FontFile2); text is written as glyph ids (Identity-H).
export type TrueType = {
  data: Buffer;
  unitsPerEm: number;
  ascent: number;
  descent: number;
  bbox: [number, number, number, number];
  /** The glyph id of a character, 0 (.notdef) when the font lacks it. */
  glyph: (codePoint: number) => number;
  /** A glyph's advance width in font units. */
  advance: (glyph: number) => number;
};

export function parseTrueType(data: Buffer): TrueType {
  const tables = new Map<string, number>();
  const count = data.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    tables.set(data.toString("latin1", at, at + 4), data.readUInt32BE(at + 8));
  }
  const table = (tag: string) => {
    const at = tables.get(tag);
    if (at === undefined) throw new Error(`TrueType font without a ${tag} table`);
    return at;
  };
  const head = table("head");
  const hhea = table("hhea");
  const hmtx = table("hmtx");
  const cmap = table("cmap");
  const unitsPerEm = data.readUInt16BE(head + 18);
  const bbox: [number, number, number, number] = [data.readInt16BE(head + 36), data.readInt16BE(head + 38), data.readInt16BE(head + 40), data.readInt16BE(head + 42)];
  const metrics = data.readUInt16BE(hhea + 34);

  // The Windows Unicode BMP subtable (platform 3, encoding 1), format 4.
  let sub = -1;
  for (let i = 0; i < data.readUInt16BE(cmap + 2); i++) {
    const at = cmap + 4 + i * 8;
    if (data.readUInt16BE(at) === 3 && data.readUInt16BE(at + 2) === 1) sub = cmap + data.readUInt32BE(at + 4);
  }
  if (sub < 0 || data.readUInt16BE(sub) !== 4) throw new Error("TrueType font without a Unicode BMP cmap (format 4)");
  const segments = data.readUInt16BE(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const offsets = deltas + segments * 2;

  const glyph = (code: number): number => {
    if (code > 0xffff) return 0;
    for (let i = 0; i < segments; i++) {
      if (code > data.readUInt16BE(ends + i * 2)) continue;
      const start = data.readUInt16BE(starts + i * 2);
      if (code < start) return 0;
      const delta = data.readInt16BE(deltas + i * 2);
      const rangeOffset = data.readUInt16BE(offsets + i * 2);
      if (rangeOffset === 0) return (code + delta) & 0xffff;
      const g = data.readUInt16BE(offsets + i * 2 + rangeOffset + (code - start) * 2);
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  };
  const advance = (g: number) => data.readUInt16BE(hmtx + Math.min(g, metrics - 1) * 4);
  return { data, unitsPerEm, ascent: data.readInt16BE(hhea + 4), descent: data.readInt16BE(hhea + 6), bbox, glyph, advance };
}
