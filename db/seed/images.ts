// Placeholder product photos: SVG scenes (gradients and simple shapes, no text, so no fonts
// are needed) per category, a few designs each, stored through the app's own variant
// pipeline. Storage keys are content hashes of the SVG, so every run writes the same files
// and skips the ones already there.
import { CATEGORIES } from "../reference/catalogue";
import { push, Rng } from "./random";

export const DESIGNS_PER_CATEGORY = 3;
/** Designs 0..AVIF_DESIGNS-1 of each category also get AVIF variants. */
export const AVIF_DESIGNS = 2;

/** What app/photos/image-variants.server.ts returns; db/ does not import app/, the caller passes it in. */
export type StoredImage = { storageKey: string; width: number; height: number; widths: string };
export type ImageStore = {
  storeWebpVariants(input: Buffer, mediaDir: string): Promise<StoredImage>;
  storeAvifVariants(input: Buffer, image: StoredImage, mediaDir: string): Promise<void>;
};
const W = 1280;
const H = 960;

type Palette = { bg: [string, string]; main: string; accent: string; motif: Motif };
type Motif = "bottle" | "jar" | "bowl" | "fruit" | "gift" | "fish" | "leaves" | "coffee" | "cloth" | "basket" | "vase" | "landscape";

const PALETTES: Record<string, Palette> = {
  "nuoc-mam-gia-vi": { bg: ["#fde7c8", "#f3b27a"], main: "#9a4a1c", accent: "#f6d27a", motif: "bottle" },
  "gao-ngu-coc": { bg: ["#fbf6df", "#e6d9a6"], main: "#8c6a3b", accent: "#fffaf0", motif: "bowl" },
  "mat-ong": { bg: ["#fff4cf", "#f7c948"], main: "#d98e04", accent: "#7a4b0a", motif: "jar" },
  "trai-cay": { bg: ["#e8f8e0", "#a8e0a0"], main: "#f2a007", accent: "#3f9b43", motif: "fruit" },
  "trai-cay-say-mut": { bg: ["#fff0e0", "#f9c49a"], main: "#e8791d", accent: "#b23a48", motif: "jar" },
  "banh-keo": { bg: ["#fde2e4", "#f7b7c0"], main: "#c0392b", accent: "#f9e79f", motif: "gift" },
  "thit-hai-san-kho": { bg: ["#e3f2fd", "#90caf9"], main: "#b5651d", accent: "#1e4f7a", motif: "fish" },
  "rau-cu-nam": { bg: ["#f1f8e9", "#c5e1a5"], main: "#558b2f", accent: "#f0e2c0", motif: "leaves" },
  tra: { bg: ["#e8f5e9", "#81c784"], main: "#2e7d32", accent: "#f5f0e1", motif: "leaves" },
  "ca-phe": { bg: ["#f3e5d8", "#c8a27c"], main: "#4e342e", accent: "#efe3d3", motif: "coffee" },
  ruou: { bg: ["#f4e4ef", "#c99ab9"], main: "#6d2e46", accent: "#f1d6a7", motif: "bottle" },
  "nuoc-giai-khat": { bg: ["#e0f7fa", "#80deea"], main: "#f57f17", accent: "#ffffff", motif: "bottle" },
  "duoc-lieu": { bg: ["#eef4e4", "#b9cf95"], main: "#7b5e3b", accent: "#6b8e23", motif: "leaves" },
  "tinh-dau": { bg: ["#f3e8fd", "#cdb4f0"], main: "#5b8c5a", accent: "#fff6d5", motif: "bottle" },
  "tho-cam-lua": { bg: ["#fdecea", "#e57373"], main: "#b71c1c", accent: "#ffd54f", motif: "cloth" },
  "may-tre-dan": { bg: ["#f7f1e3", "#dcc79a"], main: "#a9783c", accent: "#6e4a1f", motif: "basket" },
  "gom-go-my-nghe": { bg: ["#e8eaf6", "#9fa8da"], main: "#1f4e9c", accent: "#f5f5f5", motif: "vase" },
  "du-lich-cong-dong": { bg: ["#e1f5fe", "#ffe0b2"], main: "#388e3c", accent: "#ffb300", motif: "landscape" },
};

function motif(kind: Motif, p: Palette, rng: Rng): string {
  const { main, accent } = p;
  const shine = `fill="#ffffff" fill-opacity="0.28"`;
  switch (kind) {
    case "bottle":
      return `<rect x="-80" y="-170" width="160" height="420" rx="38" fill="${main}"/><rect x="-38" y="-270" width="76" height="120" rx="14" fill="${main}"/><rect x="-46" y="-300" width="92" height="42" rx="10" fill="${accent}"/><rect x="-80" y="10" width="160" height="130" fill="${accent}" fill-opacity="0.9"/><circle cx="0" cy="75" r="38" fill="${main}" fill-opacity="0.6"/><rect x="-62" y="-150" width="20" height="360" rx="10" ${shine}/>`;
    case "jar":
      return `<rect x="-150" y="-120" width="300" height="330" rx="70" fill="${main}"/><rect x="-130" y="-180" width="260" height="70" rx="18" fill="${accent}"/><rect x="-150" y="0" width="300" height="110" fill="#ffffff" fill-opacity="0.75"/><circle cx="0" cy="55" r="36" fill="${accent}"/><rect x="-120" y="-100" width="26" height="280" rx="13" ${shine}/>`;
    case "bowl": {
      const grains = Array.from({ length: 70 }, () => {
        const [gx, gy] = [rng.int(-240, 240), rng.int(-60, 10)];
        return `<ellipse cx="${gx}" cy="${gy}" rx="13" ry="6" transform="rotate(${rng.int(0, 180)} ${gx} ${gy})" fill="${accent}" stroke="${main}" stroke-opacity="0.25"/>`;
      }).join("");
      return `<ellipse cx="0" cy="0" rx="280" ry="70" fill="${accent}"/>${grains}<path d="M-300 0 Q0 360 300 0 Z" fill="${main}"/><path d="M-240 40 Q0 250 240 40" fill="none" stroke="#ffffff" stroke-opacity="0.3" stroke-width="14"/>`;
    }
    case "fruit": {
      const fruits = [[-150, 60, 120], [120, 80, 130], [-10, -60, 125], [230, -40, 90]]
        .map(([x, y, r]) => `<circle cx="${x}" cy="${y}" r="${r}" fill="${main}"/><circle cx="${x! - r! / 3}" cy="${y! - r! / 3}" r="${r! / 4}" ${shine}/>`)
        .join("");
      return `${fruits}<ellipse cx="-20" cy="-200" rx="70" ry="28" transform="rotate(-30 -20 -200)" fill="${accent}"/><ellipse cx="60" cy="-190" rx="60" ry="24" transform="rotate(25 60 -190)" fill="${accent}"/>`;
    }
    case "gift":
      return `<rect x="-230" y="-120" width="460" height="330" rx="16" fill="${main}"/><rect x="-250" y="-170" width="500" height="80" rx="12" fill="${main}"/><rect x="-30" y="-170" width="60" height="380" fill="${accent}"/><ellipse cx="-70" cy="-200" rx="80" ry="40" fill="${accent}"/><ellipse cx="70" cy="-200" rx="80" ry="40" fill="${accent}"/><rect x="-210" y="-100" width="24" height="290" rx="12" ${shine}/>`;
    case "fish":
      return `<ellipse cx="-20" cy="0" rx="300" ry="120" fill="${main}"/><path d="M250 0 L420 -120 L400 0 L420 120 Z" fill="${main}"/><circle cx="-220" cy="-30" r="22" fill="${accent}"/><path d="M-120 -110 Q0 -200 120 -105" fill="${main}"/><ellipse cx="-40" cy="-40" rx="200" ry="30" ${shine}/>`;
    case "leaves": {
      const leaves = [-60, -25, 10, 45, 80]
        .map((a, i) => `<ellipse cx="0" cy="-170" rx="55" ry="150" transform="rotate(${a} 0 60) translate(${(i - 2) * 8} 0)" fill="${main}" fill-opacity="${0.75 + i * 0.05}"/>`)
        .join("");
      return `${leaves}<path d="M-190 60 L190 60 L150 260 Q0 300 -150 260 Z" fill="${accent}"/><ellipse cx="0" cy="60" rx="190" ry="30" fill="${main}" fill-opacity="0.5"/>`;
    }
    case "coffee": {
      const beans = Array.from({ length: 9 }, (_, i) => {
        const x = -330 + i * 80;
        const y = 230 + (i % 2) * 30;
        return `<ellipse cx="${x}" cy="${y}" rx="34" ry="24" fill="${main}"/><path d="M${x - 26} ${y} Q${x} ${y - 12} ${x + 26} ${y}" stroke="${accent}" stroke-width="5" fill="none"/>`;
      }).join("");
      return `<ellipse cx="0" cy="150" rx="300" ry="60" fill="${accent}"/><path d="M-200 -120 L200 -120 L170 140 Q0 190 -170 140 Z" fill="${main}"/><path d="M200 -60 Q320 -40 210 80" stroke="${main}" stroke-width="34" fill="none"/><ellipse cx="0" cy="-120" rx="200" ry="36" fill="#8d6e63"/>${beans}`;
    }
    case "cloth":
      return `<defs><pattern id="weave" width="80" height="80" patternUnits="userSpaceOnUse"><rect width="80" height="80" fill="${main}"/><path d="M40 6 L74 40 L40 74 L6 40 Z" fill="${accent}"/><path d="M40 24 L56 40 L40 56 L24 40 Z" fill="${main}"/><rect y="0" width="80" height="6" fill="#1b1b1b" fill-opacity="0.4"/></pattern></defs><path d="M-380 -200 L380 -240 L400 200 L-360 240 Z" fill="url(#weave)"/><path d="M-380 -200 L380 -240 L380 -200 L-380 -160 Z" fill="#000000" fill-opacity="0.15"/>`;
    case "basket": {
      const weave = Array.from({ length: 7 }, (_, i) => `<path d="M${-250 + i * 12} ${-60 + i * 45} L${250 - i * 12} ${-60 + i * 45}" stroke="${accent}" stroke-width="9"/>`).join("");
      const ribs = Array.from({ length: 9 }, (_, i) => `<path d="M${-240 + i * 60} -60 L${-170 + i * 42} 250" stroke="${accent}" stroke-width="7" stroke-opacity="0.7"/>`).join("");
      return `<path d="M-200 -60 Q0 -380 200 -60" fill="none" stroke="${main}" stroke-width="30"/><path d="M-260 -60 L260 -60 L180 260 L-180 260 Z" fill="${main}"/>${weave}${ribs}`;
    }
    case "vase":
      return `<path d="M-60 -300 L60 -300 L50 -230 Q220 -120 170 80 Q120 250 0 270 Q-120 250 -170 80 Q-220 -120 -50 -230 Z" fill="${main}"/><path d="M-150 -20 Q0 40 150 -20" stroke="${accent}" stroke-width="16" fill="none"/><path d="M-160 60 Q0 120 160 60" stroke="${accent}" stroke-width="10" fill="none"/><circle cx="0" cy="-120" r="34" fill="${accent}"/><ellipse cx="-90" cy="-20" rx="22" ry="150" ${shine}/>`;
    case "landscape":
      return `<circle cx="260" cy="-230" r="90" fill="${accent}"/><path d="M-640 200 Q-300 -160 40 120 Q300 -120 640 160 L640 480 L-640 480 Z" fill="${main}"/><path d="M-640 300 Q-200 120 200 280 Q420 200 640 260 L640 480 L-640 480 Z" fill="#2e6b30" fill-opacity="0.8"/><path d="M-260 150 L-180 80 L-100 150 Z" fill="#8d4925"/><rect x="-240" y="150" width="120" height="80" fill="#f5deb3"/>`;
  }
}

export function placeholderSvg(category: string, design: number): string {
  const p = PALETTES[category] ?? PALETTES["banh-keo"]!;
  const rng = new Rng(`image:${category}:${design}`);
  const [a, b] = design % 2 === 1 ? [p.bg[1], p.bg[0]] : p.bg;
  const angle = [[0, 0, 1, 1], [1, 0, 0, 1], [0, 1, 1, 0]][design % 3]!;
  const bokeh = Array.from({ length: 5 + design * 2 }, () => `<circle cx="${rng.int(0, W)}" cy="${rng.int(0, H * 0.6)}" r="${rng.int(30, 140)}" fill="#ffffff" fill-opacity="${(rng.int(8, 22) / 100).toFixed(2)}"/>`).join("");
  const x = W / 2 + [0, -120, 120][design % 3]!;
  const scale = [1.3, 1.2, 1.38][design % 3]!;
  const ground = p.motif === "landscape" ? "" : `<ellipse cx="${x}" cy="${H * 0.83}" rx="${360 * scale}" ry="46" fill="#000000" fill-opacity="0.14"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}"><defs><linearGradient id="bg" x1="${angle[0]}" y1="${angle[1]}" x2="${angle[2]}" y2="${angle[3]}"><stop offset="0" stop-color="${a}"/><stop offset="1" stop-color="${b}"/></linearGradient><radialGradient id="glow" cx="0.3" cy="0.25" r="0.6"><stop offset="0" stop-color="#ffffff" stop-opacity="0.55"/><stop offset="1" stop-color="#ffffff" stop-opacity="0"/></radialGradient></defs><rect width="${W}" height="${H}" fill="url(#bg)"/><rect width="${W}" height="${H}" fill="url(#glow)"/>${bokeh}${ground}<g transform="translate(${x} ${H * 0.52}) scale(${scale})">${motif(p.motif, p, rng)}</g></svg>`;
}

export type PlaceholderImage = StoredImage & { avifReady: boolean };

/**
 * Writes DESIGNS_PER_CATEGORY placeholder photos per category into mediaDir (WebP variants,
 * and AVIF for the first AVIF_DESIGNS), two at a time, and returns them by category slug.
 */
export async function generatePlaceholderImages(
  store: ImageStore,
  mediaDir: string,
  designs = DESIGNS_PER_CATEGORY,
): Promise<Map<string, PlaceholderImage[]>> {
  const jobs = CATEGORIES.flatMap((c) => Array.from({ length: designs }, (_, d) => ({ category: c.slug, design: d })));
  const results: (PlaceholderImage & { category: string })[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const index = next++;
      const job = jobs[index]!;
      const input = Buffer.from(placeholderSvg(job.category, job.design));
      const stored = await store.storeWebpVariants(input, mediaDir);
      // AVIF is the slow part (about 2/3 of the time): the last design of each category is
      // left WebP-only, as if its background encode had not run yet (avif_ready = 0).
      const avif = job.design < AVIF_DESIGNS;
      if (avif) await store.storeAvifVariants(input, stored, mediaDir);
      results[index] = { ...stored, avifReady: avif, category: job.category };
    }
  };
  await Promise.all([worker(), worker()]);
  const byCategory = new Map<string, PlaceholderImage[]>();
  for (const { category, ...image } of results) push(byCategory, category, image);
  return byCategory;
}

const ALT_SUFFIX = ["", "bao bì", "cận cảnh"];

/** 1-3 image rows for a product, reusing its category's designs. */
export function imagesFor(rng: Rng, productName: string, designs: PlaceholderImage[]): { image: PlaceholderImage; position: number; alt: string }[] {
  const count = Math.min(designs.length, rng.weighted([[1, 45], [2, 35], [3, 20]] as const));
  const start = rng.int(0, designs.length - 1);
  return Array.from({ length: count }, (_, position) => ({
    image: designs[(start + position) % designs.length]!,
    position,
    alt: position === 0 ? `Ảnh sản phẩm ${productName}` : `${productName} - ${ALT_SUFFIX[position]}`,
  }));
}
