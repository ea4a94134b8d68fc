// The font the PDF label embeds for its Vietnamese text: LABEL_FONT if set, else DejaVu Sans where
// Debian and Ubuntu install it (apt package fonts-dejavu-core). Read once; null when none is found
// (the PDF then folds its text to ASCII; the SVG label is unaffected).
import { existsSync, readFileSync } from "node:fs";
import { parseTrueType, type TrueType } from "./truetype";

const CANDIDATES = [process.env.LABEL_FONT, "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"].filter((p): p is string => !!p);

let cached: TrueType | null | undefined;

export function labelFont(): TrueType | null {
  if (cached !== undefined) return cached;
  cached = null;
  for (const path of CANDIDATES) {
    if (!existsSync(path)) continue;
    try {
      cached = parseTrueType(readFileSync(path));
      break;
    } catch {
      // Not a TrueType font with a Unicode map: try the next one.
    }
  }
  return cached;
}
