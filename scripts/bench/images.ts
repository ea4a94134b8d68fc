// The photo pipeline: a 12-megapixel phone photo (4000×3000 JPEG, ~4 MB) through the whole
// upload path of the running server (multipart over HTTP, byte checks, header check, decode,
// EXIF rotation and stripping, the master, the WebP variants and the 1:1 square, the database
// row), beside the same resizes done by sharp directly, in one run. Then the background AVIF
// encode: how fast it catches up with uploads.
import Database from "better-sqlite3";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { ensureBuild, startServer } from "./server";
import { logInAs, postForm } from "./session";

const PHOTOS = Number(process.env.BENCH_PHOTOS ?? 12);

/** A photo-like 4000×3000 JPEG: a gradient scene with sensor-like noise, different per seed. */
async function phonePhoto(seed: number): Promise<Buffer> {
  const [w, h] = [4000, 3000];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#fde7c8"/><stop offset="1" stop-color="#2f6f3e"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/>${Array.from(
    { length: 40 },
    (_, i) => `<circle cx="${(i * 397 + seed * 131) % w}" cy="${(i * 211 + seed * 71) % h}" r="${120 + ((i * 37) % 300)}" fill="#${(((i + seed) * 1234567) % 0xffffff).toString(16).padStart(6, "0")}" fill-opacity="0.55"/>`,
  ).join("")}</svg>`;
  const scene = await sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer();
  const noise = await sharp({ create: { width: w, height: h, channels: 3, background: "#808080", noise: { type: "gaussian", mean: 128, sigma: 24 } } }).raw().toBuffer();
  for (let i = 0; i < scene.length; i++) scene[i] = Math.max(0, Math.min(255, scene[i]! + ((noise[i]! - 128) >> 1)));
  return sharp(scene, { raw: { width: w, height: h, channels: 3 } })
    .jpeg({ quality: 92 })
    .withExif({ IFD0: { Make: "Bench" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "10/1 27/1 36/1" } })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

/** The same outputs the upload path produces, straight from the JPEG with sharp. */
async function sharpDirect(input: Buffer): Promise<void> {
  const base = sharp(input).rotate();
  await Promise.all([
    ...[320, 640, 1280].map((w) => base.clone().resize({ width: w }).webp({ quality: 78 }).toBuffer()),
    base.clone().resize({ width: 800, height: 800, fit: "cover", position: "attention" }).webp({ quality: 80 }).toBuffer(),
  ]);
}

const perSecond = (count: number, ms: number) => (count / (ms / 1000)).toFixed(2);

export async function benchImages(): Promise<void> {
  await ensureBuild();
  sharp.concurrency(2);
  const dir = mkdtempSync(join(tmpdir(), "ocop-bench-images-"));
  const dbFile = join(dir, "bench.sqlite");
  execFileSync("npx", ["tsx", "scripts/seed.ts", "--reset", "--no-images", "--orders", "0"], {
    stdio: "ignore",
    env: { ...process.env, DATABASE_URL: dbFile, MEDIA_DIR: join(dir, "media") },
  });
  console.log(`making ${PHOTOS} distinct 12 MP photos…`);
  const photos: Buffer[] = [];
  for (let i = 0; i < PHOTOS; i++) photos.push(await phonePhoto(i));
  const mb = photos.reduce((s, p) => s + p.length, 0) / photos.length / 1024 / 1024;
  console.log(`each ~${mb.toFixed(1)} MB, 4000×3000, EXIF orientation 6 and GPS`);

  const db = new Database(dbFile, { readonly: true });
  const productIds = (
    db
      .prepare(`SELECT p.id FROM products p JOIN users u ON u.producer_id = p.producer_id WHERE u.email = 'htx@ocop.vn' ORDER BY p.id`)
      .all() as { id: number }[]
  ).map((r) => r.id);
  const avifPending = db.prepare(`SELECT count(*) AS n FROM product_images WHERE avif_ready = 0`);
  process.env.MEDIA_DIR = join(dir, "media");
  const server = await startServer(dbFile, Number(process.env.BENCH_PORT ?? 3400) + 2);
  const rows: { path: string; photos: number; seconds: string; "photos/s": string; "ms/photo": string }[] = [];
  try {
    const session = await logInAs(server.url, "htx@ocop.vn");
    const upload = async (photo: Buffer, i: number) => {
      const form = new FormData();
      form.append("photos", new Blob([new Uint8Array(photo)], { type: "image/jpeg" }), `anh-${i}.jpg`);
      const r = await postForm(session, `/kenh-nguoi-ban/san-pham/${productIds[i % productIds.length]}/anh`, form);
      if (r.status !== 200) throw new Error(`upload ${i}: HTTP ${r.status} ${r.body.slice(0, 200)}`);
    };
    const waitAvif = async () => {
      while ((avifPending.get() as { n: number }).n > 0) await new Promise((r) => setTimeout(r, 20));
    };
    await sharpDirect(photos[0]!); // warm-ups
    await upload(await phonePhoto(999), 0);
    await waitAvif();
    // 1 and 2, interleaved so that both see the same machine (this VM is shared): per photo, sharp
    // directly in this process, then the same photo through the server, then its AVIF.
    const direct: number[] = [];
    const request: number[] = [];
    const avif: number[] = [];
    for (const [i, p] of photos.entries()) {
      let t = performance.now();
      await sharpDirect(p);
      direct.push(performance.now() - t);
      t = performance.now();
      await upload(p, i + 1);
      const done = performance.now();
      request.push(done - t);
      await waitAvif();
      avif.push(performance.now() - done);
    }
    // 3. Back to back: the requests while AVIF runs behind them, and when AVIF has caught up.
    const again = await Promise.all(photos.map((_, i) => phonePhoto(100 + i)));
    const t = performance.now();
    for (const [i, p] of again.entries()) await upload(p, i + 1);
    const burstMs = performance.now() - t;
    await waitAvif();
    const drainedMs = performance.now() - t;

    const row = (path: string, ms: number[]) => {
      const total = ms.reduce((a, b) => a + b, 0);
      const median = [...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)]!;
      return { path, photos: ms.length, seconds: (total / 1000).toFixed(2), "photos/s": perSecond(ms.length, total), "ms/photo": median.toFixed(0) };
    };
    rows.push(
      row("sharp directly (4 WebP outputs)", direct),
      row("upload path, one at a time", request),
      row("AVIF in the background, per photo", avif),
      { path: "upload path, back to back (AVIF behind)", photos: PHOTOS, seconds: (burstMs / 1000).toFixed(2), "photos/s": perSecond(PHOTOS, burstMs), "ms/photo": (burstMs / PHOTOS).toFixed(0) },
      { path: "… until every AVIF is done", photos: PHOTOS, seconds: (drainedMs / 1000).toFixed(2), "photos/s": perSecond(PHOTOS, drainedMs), "ms/photo": (drainedMs / PHOTOS).toFixed(0) },
    );
  } finally {
    await server.stop();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\n12 MP JPEG photos (sharp concurrency 2, on the same 2 cores as the server; ms/photo is the median):`);
  console.table(rows);
  console.log(`upload path vs sharp directly: ${(Number(rows[1]!["ms/photo"]) / Number(rows[0]!["ms/photo"])).toFixed(2)}x the median time per photo`);
}
