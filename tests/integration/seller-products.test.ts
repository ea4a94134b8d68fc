import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getPublicProduct } from "~/catalog/product-detail.server";
import { db } from "~/db.server";
import { action as listAction, loader as listLoader } from "~/routes/seller/kenh-nguoi-ban.san-pham._index";
import { action as newAction } from "~/routes/seller/kenh-nguoi-ban.san-pham.moi";
import { action as detailsAction } from "~/routes/seller/kenh-nguoi-ban.san-pham.$id._index";
import { action as certsAction, loader as certsLoader } from "~/routes/seller/kenh-nguoi-ban.san-pham.$id.chung-nhan";
import { action as photosAction } from "~/routes/seller/kenh-nguoi-ban.san-pham.$id.anh";
import { loader as readinessLoader } from "~/routes/seller/kenh-nguoi-ban.san-pham.$id.san-sang";
import { certifications, productHistory, productImages, products } from "#db/schema";
import { vietnamToday } from "~/i18n/format";
import { call, dataOf, get, makeProducer, post, statusOf } from "../../scripts/fixtures/workspace";

let verified: Awaited<ReturnType<typeof makeProducer>>;
let pending: Awaited<ReturnType<typeof makeProducer>>;
beforeAll(async () => {
  verified = await makeProducer("HTX Đã Xác Minh");
  pending = await makeProducer("HTX Chờ Xác Minh", { status: "pending" });
});

const fields = {
  name: "Mật ong hoa cà phê Đắk Lắk",
  category: "mat-ong",
  unit: "chai 500 ml",
  weightGrams: "750",
  price: "185k",
  stock: "40",
  description: "Mật ong nguyên chất thu hoạch mùa hoa cà phê.",
  status: "active",
  sku: "",
};

async function create(cookie: string, extra: Partial<typeof fields> = {}): Promise<number> {
  const r = (await call(newAction, post("/kenh-nguoi-ban/san-pham/moi", { ...fields, ...extra }, { cookie }))) as Response;
  expect(r.status).toBe(302);
  const [, id] = /san-pham\/(\d+)\/anh\?moi=1$/.exec(r.headers.get("Location")!)!;
  return Number(id);
}

const product = (id: number) => db().select().from(products).where(eq(products.id, id)).get()!;
let photoN = 0;
const addPhoto = (id: number) =>
  db().insert(productImages).values({ productId: id, storageKey: (++photoN).toString(16).padStart(32, "e"), width: 1280, height: 960, widths: "320,640,1280" }).run();
const intent = (id: number, cookie: string, what: string) => call(detailsAction, post(`/kenh-nguoi-ban/san-pham/${id}`, { intent: what }, { cookie }), { id: String(id) });

/** A new product with a photo, put on sale. */
async function createLive(cookie: string, extra: Partial<typeof fields> = {}): Promise<number> {
  const id = await create(cookie, extra);
  addPhoto(id);
  await intent(id, cookie, "activate");
  return id;
}
const history = (id: number) => db().select().from(productHistory).where(eq(productHistory.productId, id)).all();

describe("listing a product in the seller centre", () => {
  it("explains each bad field and keeps what was typed", async () => {
    const r = await call(newAction, post("/kenh-nguoi-ban/san-pham/moi", { ...fields, name: "M", price: "giá rẻ", weightGrams: "0", category: "" }, { cookie: verified.member!.cookie }));
    expect(statusOf(r)).toBe(400);
    const body = dataOf<{ errors: Record<string, string>; values: Record<string, string> }>(r);
    expect(body.errors).toEqual({ name: "product.error.name", price: "product.error.price", weightGrams: "product.error.weight", category: "product.error.category" });
    expect(body.values.description).toBe(fields.description);
  });

  it("creates it with a system code, and records price and stock in the history", async () => {
    const id = await createLive(verified.member!.cookie);
    expect(product(id)).toMatchObject({ price: 185_000, stock: 40, weightGrams: 750, ocopGroup: "food", sku: `SP-${id}`, visible: true });
    expect(history(id).map((h) => [h.price, h.stock])).toEqual([[185_000, 40]]);
    // A quick price edit adds a row; saving the same values adds none.
    await call(listAction, post("/kenh-nguoi-ban/san-pham", { productId: String(id), price: "190.000", stock: "38" }, { cookie: verified.member!.cookie }));
    await call(listAction, post("/kenh-nguoi-ban/san-pham", { productId: String(id), price: "190000", stock: "38" }, { cookie: verified.member!.cookie }));
    expect(history(id).map((h) => [h.price, h.stock])).toEqual([
      [185_000, 40],
      [190_000, 38],
    ]);
    // The producer's own codes are unique, and SP-… codes are the system's.
    const dup = await call(newAction, post("/kenh-nguoi-ban/san-pham/moi", { ...fields, sku: `SP-${id}` }, { cookie: verified.member!.cookie }));
    expect(dataOf<{ errors: Record<string, string> }>(dup).errors).toEqual({ sku: "product.error.skuTaken" });
    const reserved = await call(newAction, post("/kenh-nguoi-ban/san-pham/moi", { ...fields, sku: "SP-99999" }, { cookie: verified.member!.cookie }));
    expect(dataOf<{ errors: Record<string, string> }>(reserved).errors).toEqual({ sku: "product.error.skuReserved" });
  });

  it("puts a product on sale only with a photo, a price and stock; until then a draft saying what is missing", async () => {
    const cookie = verified.member!.cookie;
    const item = async (id: number) =>
      dataOf<{ items: { id: number; status: string; missing: string[] }[] }>(await call(listLoader, get("/kenh-nguoi-ban/san-pham?status=fix", cookie))).items.find((i) => i.id === id);
    // Asked for "Đang bán" without a photo: a draft, not public, listed under "Cần sửa" with what it lacks.
    const id = await create(cookie, { name: "Bánh pía Sóc Trăng sầu riêng", stock: "0" });
    expect(product(id)).toMatchObject({ status: "draft", visible: false });
    expect(getPublicProduct(product(id).slug)).toBeNull();
    expect(await item(id)).toMatchObject({ status: "draft", missing: ["photo", "stock"] });
    // "Đăng bán" is refused and says why; saving the form with status "active" keeps it a draft.
    expect(((await intent(id, cookie, "activate")) as Response).headers.get("Location")).toMatch(/done=notReady$/);
    addPhoto(id);
    await call(detailsAction, post(`/kenh-nguoi-ban/san-pham/${id}`, { ...fields, name: "Bánh pía Sóc Trăng sầu riêng", stock: "0", intent: "save" }, { cookie }), { id: String(id) });
    expect(product(id).status).toBe("draft");
    expect(await item(id)).toMatchObject({ missing: ["stock"] });
    // With stock it goes live; sold out later, it stays on sale.
    await call(detailsAction, post(`/kenh-nguoi-ban/san-pham/${id}`, { ...fields, name: "Bánh pía Sóc Trăng sầu riêng", stock: "12", intent: "save" }, { cookie }), { id: String(id) });
    expect(product(id)).toMatchObject({ status: "active", visible: true });
    expect(await item(id)).toBeUndefined();
    await call(detailsAction, post(`/kenh-nguoi-ban/san-pham/${id}`, { ...fields, name: "Bánh pía Sóc Trăng sầu riêng", stock: "0", intent: "save" }, { cookie }), { id: String(id) });
    expect(product(id)).toMatchObject({ status: "active", visible: true });
    // Its last photo removed: back to draft, off the storefront.
    const photo = db().select().from(productImages).where(eq(productImages.productId, id)).get()!;
    await call(photosAction, post(`/kenh-nguoi-ban/san-pham/${id}/anh`, { intent: "delete", photoId: String(photo.id) }, { cookie }), { id: String(id) });
    expect(product(id)).toMatchObject({ status: "draft", visible: false });
    expect(getPublicProduct(product(id).slug)).toBeNull();
  });

  it("keeps a pending producer's products private until verification", async () => {
    const id = await createLive(pending.member!.cookie);
    expect(product(id)).toMatchObject({ status: "active", visible: false });
    expect(getPublicProduct(product(id).slug)).toBeNull();
  });

  it("archives, restores and duplicates (photos copied, certificates not)", async () => {
    const cookie = verified.member!.cookie;
    const id = await create(cookie, { name: "Mật ong rừng U Minh" });
    db().insert(productImages).values({ productId: id, storageKey: "c".repeat(32), width: 1280, height: 960, widths: "320,640,1280" }).run();
    await call(certsAction, post(`/kenh-nguoi-ban/san-pham/${id}/chung-nhan`, { kind: "ocop", stars: "4", number: "15/QĐ-UBND", issuer: "UBND tỉnh Cà Mau", issuedOn: "15/03/2025" }, { cookie }), { id: String(id) });
    const at = (intent: string) => call(detailsAction, post(`/kenh-nguoi-ban/san-pham/${id}`, { intent }, { cookie }), { id: String(id) });
    await at("archive");
    expect(product(id)).toMatchObject({ status: "archived", visible: false });
    await at("restore");
    expect(product(id).status).toBe("draft");
    const copy = (await at("duplicate")) as Response;
    const copyId = Number(/san-pham\/(\d+)\?/.exec(copy.headers.get("Location")!)![1]);
    expect(product(copyId)).toMatchObject({ name: "Mật ong rừng U Minh (bản sao)", status: "draft", price: 185_000, categoryId: product(id).categoryId });
    expect(db().select().from(productImages).where(eq(productImages.productId, copyId)).all().map((i) => i.storageKey)).toEqual(["c".repeat(32)]);
    expect(db().select().from(certifications).where(eq(certifications.productId, copyId)).all()).toHaveLength(0);
  });

  it("counts an OCOP certificate only while it is valid, and says so everywhere", async () => {
    const cookie = verified.member!.cookie;
    const id = await createLive(cookie, { name: "Khô cá lóc Trần Đề đặc biệt" });
    const addCert = (values: Record<string, string>) => call(certsAction, post(`/kenh-nguoi-ban/san-pham/${id}/chung-nhan`, values, { cookie }), { id: String(id) });
    // Stars outside 3-5, an impossible date: explained.
    const bad = await addCert({ kind: "ocop", stars: "6", number: "1/QĐ", issuer: "UBND", issuedOn: "31/02/2020" });
    expect(dataOf<{ errors: Record<string, string> }>(bad).errors).toEqual({ stars: "cert.error.stars", issuedOn: "cert.error.issuedOn" });
    // Expired: issued 2020 for 36 months, no expiry typed.
    await addCert({ kind: "ocop", stars: "4", number: "77/QĐ-UBND", issuer: "UBND tỉnh Sóc Trăng", issuedOn: "10/01/2020", issueProvince: "soc-trang" });
    const cert = db().select().from(certifications).where(eq(certifications.productId, id)).get()!;
    expect(cert.expiresOn).toBe("2023-01-09");
    expect(product(id).ocop4ValidUntil).toBe("2023-01-09");
    const list = dataOf<{ items: { id: number; stars: number | null; ocopExpired: boolean }[] }>(await call(listLoader, get("/kenh-nguoi-ban/san-pham", cookie)));
    expect(list.items.find((i) => i.id === id)).toMatchObject({ stars: null, ocopExpired: true });
    const certs = dataOf<{ certificates: { valid: boolean; issueProvince: string; issueProvinceNow: string }[] }>(await call(certsLoader, get(`/kenh-nguoi-ban/san-pham/${id}/chung-nhan`, cookie), { id: String(id) }));
    expect(certs.certificates[0]).toMatchObject({ valid: false, issueProvince: "Sóc Trăng", issueProvinceNow: "Cần Thơ" });
    const public_ = getPublicProduct(product(id).slug)!;
    expect(public_.stars).toBeNull();
    expect(public_.certificates[0]!.valid).toBe(false);
    const readiness = dataOf<{ checklist: { marketplace: string; problems: { code: string }[] }[] }>(await call(readinessLoader, get(`/kenh-nguoi-ban/san-pham/${id}/san-sang`, cookie), { id: String(id) }));
    expect(readiness.checklist.find((m) => m.marketplace === "voso")!.problems.map((p) => p.code)).toContain("certificate_expired");
    // A renewed certificate makes it OCOP 4★ again.
    const next = `${Number(vietnamToday().slice(0, 4)) - 1}`;
    await addCert({ kind: "ocop", stars: "4", number: "88/QĐ-UBND", issuer: "UBND thành phố Cần Thơ", issuedOn: `01/06/${next}` });
    expect(getPublicProduct(product(id).slug)!.stars).toBe(4);
  });

  it("orders photos by buttons or by dragging, and keeps the alt text", async () => {
    const cookie = verified.member!.cookie;
    const id = await create(cookie, { name: "Bộ ảnh để sắp xếp" });
    const ids = ["d", "e", "f"].map((c, position) =>
      db().insert(productImages).values({ productId: id, position, storageKey: c.repeat(32), width: 800, height: 800, widths: "320,640" }).returning({ id: productImages.id }).get().id,
    );
    const order = () => db().select().from(productImages).where(eq(productImages.productId, id)).orderBy(productImages.position).all().map((p) => p.id);
    const edit = (fields: Record<string, string>) => call(photosAction, post(`/kenh-nguoi-ban/san-pham/${id}/anh`, fields, { cookie }), { id: String(id) });
    await edit({ intent: "move", photoId: String(ids[2]), to: "first" });
    expect(order()).toEqual([ids[2], ids[0], ids[1]]);
    await edit({ intent: "move", photoId: String(ids[0]), to: "down" });
    expect(order()).toEqual([ids[2], ids[1], ids[0]]);
    await edit({ intent: "reorder", order: [ids[0], ids[1], ids[2]].join(",") });
    expect(order()).toEqual(ids);
    // A partial or foreign order is refused whole.
    expect(statusOf(await edit({ intent: "reorder", order: [ids[0], ids[1]].join(",") }))).toBe(404);
    expect(order()).toEqual(ids);
    await edit({ intent: "alt", photoId: String(ids[1]), alt: "Mặt sau hũ mật ong, nhãn OCOP" });
    expect(db().select().from(productImages).where(eq(productImages.id, ids[1]!)).get()!.alt).toBe("Mặt sau hũ mật ong, nhãn OCOP");
    await edit({ intent: "delete", photoId: String(ids[0]) });
    expect(order()).toEqual([ids[1], ids[2]]);
  });
});
