// A member of producer A against producer B's rows: by URL tampering (B's ids in A's URLs) and
// form tampering (B's ids in A's forms), every read answers 404 and every write changes nothing.
// And every mutation without a valid CSRF token is refused before it writes.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { action as listAction, loader as listLoader } from "~/routes/seller/kenh-nguoi-ban.san-pham._index";
import { action as newAction } from "~/routes/seller/kenh-nguoi-ban.san-pham.moi";
import { loader as layoutLoader } from "~/routes/seller/kenh-nguoi-ban.san-pham.$id";
import { action as detailsAction, loader as detailsLoader } from "~/routes/seller/kenh-nguoi-ban.san-pham.$id._index";
import { action as photosAction, loader as photosLoader } from "~/routes/seller/kenh-nguoi-ban.san-pham.$id.anh";
import { action as certsAction, loader as certsLoader } from "~/routes/seller/kenh-nguoi-ban.san-pham.$id.chung-nhan";
import { loader as readinessLoader } from "~/routes/seller/kenh-nguoi-ban.san-pham.$id.san-sang";
import { action as profileAction } from "~/routes/seller/kenh-nguoi-ban.ho-so";
import { action as membersAction } from "~/routes/seller/kenh-nguoi-ban.thanh-vien";
import { action as importUploadAction } from "~/routes/seller/kenh-nguoi-ban.nhap-xuat._index";
import { action as importAction } from "~/routes/seller/kenh-nguoi-ban.nhap-xuat.$importId";
import { loader as downloadLoader } from "~/routes/seller/kenh-nguoi-ban.nhap-xuat.tai-ve";
import { loader as sellerLayoutLoader } from "~/routes/seller/kenh-nguoi-ban";
import { action as registryAction } from "~/routes/officials/can-bo.so-bo-ocop._index";
import { action as registryImportAction } from "~/routes/officials/can-bo.so-bo-ocop.$importId";
import { action as verifyAction } from "~/routes/officials/can-bo.xac-minh.$id";
import { action as acceptAction } from "~/routes/storefront/moi.$token";
import { loader as queueLoader } from "~/routes/officials/can-bo.xac-minh._index";
import { certifications, productImages, products } from "#db/schema";
import { call, dataOf, get, makeProducer, makeProduct, makeUser, post, statusOf } from "../../scripts/fixtures/workspace";

let a: Awaited<ReturnType<typeof makeProducer>>;
let b: Awaited<ReturnType<typeof makeProducer>>;
let productA: number;
let productB: number;
let certB: number;
let photoB: number;

beforeAll(async () => {
  a = await makeProducer("HTX A");
  b = await makeProducer("HTX B");
  productA = makeProduct(a.producerId, "Mật ong của A");
  productB = makeProduct(b.producerId, "Mật ong của B", { sku: "B-1" });
  certB = db()
    .insert(certifications)
    .values({ productId: productB, kind: "ocop", stars: 4, number: "1/QĐ", issuer: "UBND", issuedOn: "2025-01-01", expiresOn: "2027-12-31" })
    .returning({ id: certifications.id })
    .get().id;
  photoB = db()
    .insert(productImages)
    .values({ productId: productB, storageKey: "b".repeat(32), width: 800, height: 800, widths: "320,640", alt: "ảnh của B" })
    .returning({ id: productImages.id })
    .get().id;
});

const snapshot = () => ({
  product: db().select().from(products).where(eq(products.id, productB)).get(),
  certs: db().select().from(certifications).where(eq(certifications.productId, productB)).all(),
  photos: db().select().from(productImages).where(eq(productImages.productId, productB)).all(),
  count: db().select().from(products).all().length,
});

const productFields = { name: "Bị sửa trộm", category: "mat-ong", unit: "hũ", price: "1", stock: "1", status: "active", description: "" };

describe("a member of producer A against producer B", () => {
  it("cannot see B's products by putting B's id in the URL", async () => {
    const params = { id: String(productB) };
    const cookie = a.member!.cookie;
    for (const [loader, path] of [
      [layoutLoader, ""],
      [detailsLoader, ""],
      [photosLoader, "/anh"],
      [certsLoader, "/chung-nhan"],
      [readinessLoader, "/san-sang"],
    ] as const) {
      expect(statusOf(await call(loader, get(`/kenh-nguoi-ban/san-pham/${productB}${path}`, cookie), params)), path).toBe(404);
    }
    // Its own list and export never hold B's rows.
    const list = dataOf<{ items: { id: number }[] }>(await call(listLoader, get("/kenh-nguoi-ban/san-pham?q=B", cookie)));
    expect(list.items.map((i) => i.id)).not.toContain(productB);
    const csv = await ((await call(downloadLoader, get("/kenh-nguoi-ban/nhap-xuat/tai-ve?noi-dung=san-pham&dinh-dang=csv", cookie))) as Response).text();
    expect(csv).toContain("Mật ong của A");
    expect(csv).not.toContain("Mật ong của B");
  });

  it("cannot edit, archive, duplicate, re-price or delete anything of B, by URL or by form", async () => {
    const before = snapshot();
    const cookie = a.member!.cookie;
    const on = (path: string) => `/kenh-nguoi-ban/san-pham/${productB}${path}`;
    const params = { id: String(productB) };
    const attempts: [unknown, number][] = [
      [await call(detailsAction, post(on(""), { intent: "save", ...productFields }, { cookie }), params), 404],
      [await call(detailsAction, post(on(""), { intent: "archive" }, { cookie }), params), 404],
      [await call(detailsAction, post(on(""), { intent: "duplicate" }, { cookie }), params), 404],
      [await call(certsAction, post(on("/chung-nhan"), { intent: "delete", certificateId: String(certB) }, { cookie }), params), 404],
      [await call(certsAction, post(on("/chung-nhan"), { kind: "ocop", stars: "5", number: "X", issuer: "X", issuedOn: "01/01/2025" }, { cookie }), params), 404],
      [await call(photosAction, post(on("/anh"), { intent: "delete", photoId: String(photoB) }, { cookie }), params), 404],
      [await call(photosAction, post(on("/anh"), { intent: "alt", photoId: String(photoB), alt: "x" }, { cookie }), params), 404],
      // Form tampering: A's own URL, B's ids in the form.
      [await call(listAction, post("/kenh-nguoi-ban/san-pham", { productId: String(productB), price: "1", stock: "0" }, { cookie })), 404],
      [await call(certsAction, post(`/kenh-nguoi-ban/san-pham/${productA}/chung-nhan`, { intent: "delete", certificateId: String(certB) }, { cookie }), { id: String(productA) }), 404],
      [await call(photosAction, post(`/kenh-nguoi-ban/san-pham/${productA}/anh`, { intent: "delete", photoId: String(photoB) }, { cookie }), { id: String(productA) }), 404],
      [await call(photosAction, post(`/kenh-nguoi-ban/san-pham/${productA}/anh`, { intent: "move", photoId: String(photoB), to: "first" }, { cookie }), { id: String(productA) }), 404],
      [await call(photosAction, post(`/kenh-nguoi-ban/san-pham/${productA}/anh`, { intent: "reorder", order: String(photoB) }, { cookie }), { id: String(productA) }), 404],
    ];
    for (const [i, [result, status]] of attempts.entries()) expect(statusOf(result), `attempt ${i}`).toBe(status);
    expect(snapshot()).toEqual(before);
  });

  it("cannot import into B: an import only ever writes to the member's own producer", async () => {
    const form = new FormData();
    const csv = "Mã sản phẩm,Tên sản phẩm,Danh mục,Đơn vị tính,Giá bán (đồng)\r\nB-1,Bị ghi đè,Mật ong,hũ,1\r\n";
    form.append("file", new File([csv], "x.csv"));
    form.append("producerId", String(b.producerId)); // ignored: the producer comes from the session
    const r = (await call(importUploadAction, post("/kenh-nguoi-ban/nhap-xuat", form, { cookie: a.member!.cookie }))) as Response;
    const id = r.headers.get("Location")!.split("/").pop()!;
    expect(statusOf(await call(importAction, post(`/kenh-nguoi-ban/nhap-xuat/${id}`, { intent: "all" }, { cookie: a.member!.cookie }), { importId: id }))).toBe(302);
    expect(snapshot().product!.name).toBe("Mật ong của B");
    expect(db().select().from(products).where(eq(products.sku, "B-1")).all().map((p) => p.producerId).sort()).toEqual([a.producerId, b.producerId].sort());
    // And B's member cannot run A's import.
    expect(statusOf(await call(importAction, post(`/kenh-nguoi-ban/nhap-xuat/${id}`, { intent: "all" }, { cookie: b.member!.cookie }), { importId: id }))).toBe(404);
  });

  it("keeps other roles out: shoppers and officials from the seller centre, producers from the officials' pages", async () => {
    const shopper = await makeUser("shopper");
    const official = await makeUser("official", { province: "dong-thap" });
    expect(statusOf(await call(sellerLayoutLoader, get("/kenh-nguoi-ban", shopper.cookie)))).toBe(403);
    expect(statusOf(await call(detailsLoader, get(`/kenh-nguoi-ban/san-pham/${productA}`, official.cookie), { id: String(productA) }))).toBe(403);
    expect(statusOf(await call(queueLoader, get("/can-bo/xac-minh", a.member!.cookie)))).toBe(403);
    const anonymous = (await call(detailsLoader, get(`/kenh-nguoi-ban/san-pham/${productA}`), { id: String(productA) })) as Response;
    expect(anonymous.headers.get("Location")).toMatch(/^\/dang-nhap\?redirectTo=/);
  });
});

describe("CSRF", () => {
  it("refuses every seller-centre and official mutation without a valid token, writing nothing", async () => {
    const cookie = a.member!.cookie;
    const official = await makeUser("official", { province: "dong-thap" });
    const before = { products: db().select().from(products).all().length, a: db().select().from(products).where(eq(products.id, productA)).get() };
    const upload = () => {
      const f = new FormData();
      f.append("file", new File(["Tên sản phẩm,Giá bán (đồng)\r\nx,1\r\n"], "x.csv"));
      return f;
    };
    const id = { id: String(productA) };
    for (const csrf of [null, "x".repeat(43)] as const) {
      const cases: [string, unknown][] = [
        ["quick edit", await call(listAction, post("/kenh-nguoi-ban/san-pham", { productId: String(productA), price: "1", stock: "1" }, { cookie, csrf }))],
        ["new product", await call(newAction, post("/kenh-nguoi-ban/san-pham/moi", productFields, { cookie, csrf }))],
        ["edit", await call(detailsAction, post(`/kenh-nguoi-ban/san-pham/${productA}`, { intent: "save", ...productFields }, { cookie, csrf }), id)],
        ["archive", await call(detailsAction, post(`/kenh-nguoi-ban/san-pham/${productA}`, { intent: "archive" }, { cookie, csrf }), id)],
        ["photo", await call(photosAction, post(`/kenh-nguoi-ban/san-pham/${productA}/anh`, new FormData(), { cookie, csrf }), id)],
        ["certificate", await call(certsAction, post(`/kenh-nguoi-ban/san-pham/${productA}/chung-nhan`, { kind: "vietgap", number: "VG1", issuer: "X", issuedOn: "01/01/2025", expiresOn: "01/01/2027" }, { cookie, csrf }), id)],
        ["profile", await call(profileAction, post("/kenh-nguoi-ban/ho-so", { name: "Đổi tên" }, { cookie, csrf }))],
        ["invite", await call(membersAction, post("/kenh-nguoi-ban/thanh-vien", { intent: "invite", email: "x@example.vn" }, { cookie, csrf }))],
        ["import upload", await call(importUploadAction, post("/kenh-nguoi-ban/nhap-xuat", upload(), { cookie, csrf }))],
        ["registry upload", await call(registryAction, post("/can-bo/so-bo-ocop", upload(), { cookie: official.cookie, csrf }))],
        ["photo order", await call(photosAction, post(`/kenh-nguoi-ban/san-pham/${productA}/anh`, { intent: "reorder", order: "1" }, { cookie, csrf }), id)],
        ["import confirm", await call(importAction, post("/kenh-nguoi-ban/nhap-xuat/1", { intent: "all" }, { cookie, csrf }), { importId: "1" })],
        ["registry confirm", await call(registryImportAction, post("/can-bo/so-bo-ocop/1", { intent: "all" }, { cookie: official.cookie, csrf }), { importId: "1" })],
        ["verify", await call(verifyAction, post(`/can-bo/xac-minh/${a.producerId}`, { intent: "verify" }, { cookie: official.cookie, csrf }), { id: String(a.producerId) })],
        ["accept invitation", await call(acceptAction, post(`/moi/${"x".repeat(43)}`, { name: "Ai đó", phone: "0912345678", password: "mat-khau-rat-dai" }, { csrf }), { token: "x".repeat(43) })],
      ];
      for (const [name, result] of cases) expect(statusOf(result), name).toBe(403);
      // A valid token from another site's page is refused too.
      expect(statusOf(await call(newAction, post("/kenh-nguoi-ban/san-pham/moi", productFields, { cookie, origin: "https://evil.example" })))).toBe(403);
    }
    expect(db().select().from(products).all().length).toBe(before.products);
    expect(db().select().from(products).where(eq(products.id, productA)).get()).toEqual(before.a);
  });
});
