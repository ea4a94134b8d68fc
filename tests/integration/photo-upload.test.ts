import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { avifQueueIdle } from "~/photos/avif-queue.server";
import { sniffFormat } from "~/photos/photo-check.server";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { action as photosAction, loader as photosLoader } from "~/routes/seller/kenh-nguoi-ban.san-pham.$id.anh";
import { productImages } from "#db/schema";
import { hasGpsIfd, heicHeader, jpegWithGps, pngBomb, sixteenMegabytes, svgWithScript, textNamedJpg, truncatedJpeg } from "../../scripts/fixtures/photos";
import { call, dataOf, makeProducer, makeProduct, post, statusOf } from "../../scripts/fixtures/workspace";

type Result = { upload: { added: number; problems: { filename: string; problem: string }[] } | null };

let a: Awaited<ReturnType<typeof makeProducer>>;
let b: Awaited<ReturnType<typeof makeProducer>>;
let productA: number;

beforeAll(async () => {
  a = await makeProducer("HTX Mật ong Tràm");
  b = await makeProducer("HTX Khác");
  productA = makeProduct(a.producerId, "Mật ong tràm U Minh");
});

const files = (...list: [name: string, bytes: Buffer, type: string][]) => {
  const form = new FormData();
  for (const [name, bytes, type] of list) form.append("photos", new File([new Uint8Array(bytes)], name, { type }));
  return form;
};

const upload = (form: FormData, cookie = a.member!.cookie, productId = productA, csrf?: string | null) =>
  call(photosAction, post(`/kenh-nguoi-ban/san-pham/${productId}/anh`, form, { cookie, csrf }), { id: String(productId) });

const imageCount = () => db().select().from(productImages).all().length;
const mediaFiles = async () => (await readdir(env().MEDIA_DIR, { recursive: true }).catch(() => [] as string[])).sort();

describe("photo upload defences", () => {
  it("recognises formats by their bytes", () => {
    expect(sniffFormat(heicHeader())).toBe("heic");
    expect(sniffFormat(svgWithScript())).toBeNull();
    expect(sniffFormat(textNamedJpg())).toBeNull();
    expect(sniffFormat(pngBomb(100, 100))).toBe("png");
  });

  it("refuses each bad file with its reason, stores nothing, and keeps serving", async () => {
    const before = { rows: imageCount(), files: await mediaFiles() };
    const bomb = pngBomb();
    expect(bomb.length).toBeLessThan(100_000); // a small file…
    const cases: [string, Buffer, string, string][] = [
      ["bom.png", bomb, "image/png", "too_many_pixels"], // …that would decode to 400 megapixels
      ["anh.jpg", textNamedJpg(), "image/jpeg", "unsupported"],
      ["logo.svg", svgWithScript(), "image/svg+xml", "unsupported"],
      ["cat-ngang.jpg", await truncatedJpeg(), "image/jpeg", "corrupt"],
      ["qua-lon.jpg", sixteenMegabytes(), "image/jpeg", "too_large"],
      ["iphone.heic", heicHeader(), "image/heic", "heic"],
    ];
    for (const [name, bytes, type, problem] of cases) {
      const r = await upload(files([name, bytes, type]));
      expect(statusOf(r), name).toBe(400);
      expect(dataOf<Result>(r).upload).toEqual({ added: 0, problems: [{ filename: name, problem }] });
    }
    expect(imageCount()).toBe(before.rows);
    expect(await mediaFiles()).toEqual(before.files);

    // All of them at once, with one good photo among them: only the good one is kept.
    const mixed = files(
      ["bom.png", bomb, "image/png"],
      ["tot.jpg", await jpegWithGps(1200, 900), "image/jpeg"],
      ["qua-lon.jpg", sixteenMegabytes(), "image/jpeg"],
    );
    const r = dataOf<Result>(await upload(mixed));
    expect(r.upload?.added).toBe(1);
    expect(r.upload?.problems.map((p) => p.filename).sort()).toEqual(["bom.png", "qua-lon.jpg"]);
    expect(imageCount()).toBe(before.rows + 1);
    await avifQueueIdle();
  });

  it("turns the photo upright, then strips EXIF (GPS included) from every variant; AVIF follows in the background", async () => {
    const original = await jpegWithGps(1600, 1200, 6); // stored sideways, EXIF says "rotate 90°"
    const meta = await sharp(original).metadata();
    expect(meta.orientation).toBe(6);
    expect(hasGpsIfd(meta.exif)).toBe(true);

    const r = dataOf<Result>(await upload(files(["dien-thoai.jpg", original, "image/jpeg"])));
    expect(r.upload).toEqual({ added: 1, problems: [] });
    const row = db().select().from(productImages).all().at(-1)!;
    expect({ width: row.width, height: row.height, widths: row.widths, avifReady: row.avifReady }).toEqual({
      width: 1200,
      height: 1600,
      widths: "320,640", // no variant wider than the photo itself
      avifReady: false,
    });

    await avifQueueIdle();
    expect(db().select().from(productImages).all().at(-1)!.avifReady).toBe(true);
    const variants = (await mediaFiles()).filter((f) => f.includes(row.storageKey));
    // 2 WebP + 2 AVIF + the square + the master.
    expect(variants).toHaveLength(6);
    expect(variants).toContain(join(".masters", `${row.storageKey}.jpg`));
    for (const file of variants) {
      const bytes = await readFile(join(env().MEDIA_DIR, file));
      const m = await sharp(bytes).metadata();
      expect(m.exif, file).toBeUndefined();
      expect(m.orientation ?? 1, file).toBe(1);
      expect(bytes.includes(Buffer.from("TestCam")), file).toBe(false);
      expect(bytes.includes(Buffer.from("Nguyen Van A")), file).toBe(false);
      if (file.endsWith("-sq.webp")) expect([m.width, m.height]).toEqual([800, 800]);
      else if (!file.startsWith(".masters")) expect(m.height! > m.width!, file).toBe(true);
    }
  });

  it("answers 404 for another producer's product and 403 without the CSRF token, storing nothing", async () => {
    const before = imageCount();
    const photo = await jpegWithGps(800, 600);
    expect(statusOf(await upload(files(["x.jpg", photo, "image/jpeg"]), b.member!.cookie))).toBe(404);
    expect(statusOf(await upload(files(["x.jpg", photo, "image/jpeg"]), a.member!.cookie, productA, null))).toBe(403);
    expect(statusOf(await upload(files(["x.jpg", photo, "image/jpeg"]), a.member!.cookie, productA, "x".repeat(43)))).toBe(403);
    expect(imageCount()).toBe(before);
    expect(statusOf(await call(photosLoader, new Request(`http://127.0.0.1:3000/kenh-nguoi-ban/san-pham/${productA}/anh`, { headers: { Cookie: b.member!.cookie } }), { id: String(productA) }))).toBe(404);
  });
});
