// The public certificate page and the packaging label, through their routes: a decision found in
// the registry and on the platform, one only the seller declares, an expired one, an unknown one.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { loader as certificateLoader } from "~/routes/storefront/chung-nhan.$";
import { loader as labelLoader } from "~/routes/storefront/nhan-qr.$slug";
import { certificateUrl } from "~/traceability/qr";

const ORIGIN = "http://127.0.0.1:3000";
const raw = () => db().$client;
const id = (sql: string, ...args: unknown[]) => Number(raw().prepare(sql).run(...args).lastInsertRowid);
const provinceId = (slug: string) => (raw().prepare("SELECT id FROM provinces WHERE slug = ?").get(slug) as { id: number }).id;

type Loaded = Awaited<ReturnType<typeof certificateLoader>>;
async function page(path: string): Promise<Loaded | { status: number }> {
  const [pathname, search = ""] = path.split("?");
  const splat = pathname!.replace(/^\/chung-nhan\//, "");
  try {
    return await certificateLoader({ request: new Request(`${ORIGIN}${path}`), params: { "*": splat }, context: {} });
  } catch (thrown) {
    return { status: (thrown as { init?: { status?: number } }).init?.status ?? (thrown as Response).status, search } as { status: number };
  }
}

beforeAll(() => {
  const dt = provinceId("dong-thap");
  const benTre = provinceId("ben-tre"); // merged into Vĩnh Long in 2025
  const producer = (slug: string, status: string) =>
    id(`INSERT INTO producers (slug, kind, name, tax_code, province_id, status) VALUES (?, 'cooperative', ?, ?, ?, ?)`, slug, `HTX ${slug}`, `03${slug.length}1234567`, dt, status);
  const a = producer("tan-thuan", "verified");
  const b = producer("never-joined", "unclaimed");
  const product = (slug: string, producerId: number, status = "active") =>
    id(`INSERT INTO products (producer_id, slug, name, ocop_group, unit, price, stock, status) VALUES (?, ?, ?, 'food', 'hộp', 100000, 5, ?)`, producerId, slug, `Sản phẩm ${slug}`, status);
  const p1 = product("quyt-hong", a);
  const p2 = product("mam-ca-linh", b, "draft");
  const p3 = product("oi-nu-hoang", a);
  const p4 = product("tu-khai", a);
  const cert = (productId: number, stars: number, number: string, from: string, to: string, province: number) =>
    raw()
      .prepare(`INSERT INTO certifications (product_id, kind, stars, number, issuer, issued_on, expires_on, issue_province_id) VALUES (?, 'ocop', ?, ?, 'UBND tỉnh Bến Tre', ?, ?, ?)`)
      .run(productId, stars, number, from, to, province);
  const entry = (productId: number, producerId: number, stars: number, number: string, from: string, to: string) =>
    raw()
      .prepare(
        `INSERT INTO ocop_registry_entries (province_id, tax_code, producer_name, product_name, product_key, stars, decision_number, issued_on, expires_on, producer_id, product_id)
         VALUES (?, 'x', 'HTX theo danh sách', ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(dt, `Tên theo danh sách ${productId}`, `k${productId}`, stars, number, from, to, producerId, productId);
  // One decision, two products: one sold on the platform and Shopee, one whose producer never joined.
  cert(p1, 4, "1234/QĐ-UBND", "2024-03-12", "2099-03-12", benTre);
  entry(p1, a, 4, "1234/QĐ-UBND", "2024-03-12", "2099-03-12");
  entry(p2, b, 3, "1234/QĐ-UBND", "2024-03-12", "2099-03-12");
  const live = id(`INSERT INTO listings (product_id, marketplace_id, status, external_url, live_since) VALUES (?, (SELECT id FROM marketplaces WHERE code = 'shopee'), 'live', 'https://shopee.vn/item/1', '2026-05-11T03:00:00.000Z')`, p1);
  id(`INSERT INTO listings (product_id, marketplace_id, status) VALUES (?, (SELECT id FROM marketplaces WHERE code = 'lazada'), 'delisted')`, p1);
  expect(live).toBeGreaterThan(0);
  // Expired long ago.
  cert(p3, 4, "3889/QĐ-UBND", "2020-04-24", "2023-04-24", dt);
  entry(p3, a, 4, "3889/QĐ-UBND", "2020-04-24", "2023-04-24");
  // Declared by the seller, in no registry, with more stars than anyone granted.
  cert(p4, 5, "777/QĐ-UBND", "2025-01-01", "2099-01-01", dt);
});

describe("the certificate page", () => {
  it("shows what the decision certified, from the registry, and where each product is sold", async () => {
    const r = (await page(`/chung-nhan/${encodeURIComponent("1234/QĐ-UBND")}`)) as Loaded;
    expect(r.number).toBe("1234/QĐ-UBND");
    expect(r.products).toHaveLength(2);
    const sold = r.products.find((p) => p.product.slug === "quyt-hong")!;
    expect(sold).toMatchObject({ stars: 4, validity: "valid", mismatch: false, provinceNow: "Đồng Tháp" });
    expect(sold.registry).toMatchObject({ province: "Đồng Tháp", stars: 4, productName: expect.stringContaining("Tên theo danh sách") });
    // The certificate names Bến Tre, merged into Vĩnh Long in 2025.
    expect(sold.certificate).toMatchObject({ provinceAtIssue: "Bến Tre", provinceAtIssueNow: "Vĩnh Long" });
    expect(sold.sold.storefront).toBe("/san-pham/quyt-hong");
    expect(sold.sold.listings).toEqual([{ marketplace: "Shopee", url: "https://shopee.vn/item/1", since: "2026-05-11T03:00:00.000Z" }]);
    // A producer who never joined: the council's decision is public, its draft product's shop is not.
    const notJoined = r.products.find((p) => p.product.slug === "mam-ca-linh")!;
    expect(notJoined.certificate).toBeNull();
    expect(notJoined.sold).toEqual({ storefront: null, listings: [] });
  });

  it("accepts the number with its slash as a path and picks out one product with ?sp=", async () => {
    const r = (await page(`/chung-nhan/1234/QĐ-UBND?sp=quyt-hong`)) as Loaded;
    expect(r.products.map((p) => p.product.slug)).toEqual(["quyt-hong"]);
    expect(r.total).toBe(2);
    expect(r.one).toBe(true);
  });

  it("says an expired decision is expired", async () => {
    const r = (await page(`/chung-nhan/${encodeURIComponent("3889/QĐ-UBND")}`)) as Loaded;
    expect(r.products[0]).toMatchObject({ validity: "expired", expiresOn: "2023-04-24" });
  });

  it("answers 404 for an unknown decision, an unknown product of a known one, and junk", async () => {
    expect(await page(`/chung-nhan/${encodeURIComponent("9999/QĐ-UBND")}`)).toMatchObject({ status: 404 });
    expect(await page(`/chung-nhan/${encodeURIComponent("1234/QĐ-UBND")}?sp=khac`)).toMatchObject({ status: 404 });
    expect(await page(`/chung-nhan/${"x".repeat(200)}`)).toMatchObject({ status: 404 });
    expect(await page(`/chung-nhan/%E0%A4%A`)).toMatchObject({ status: 404 });
  });
});

describe("the packaging label", () => {
  const label = (slug: string, format = "svg") =>
    labelLoader({ request: new Request(`${ORIGIN}/nhan-qr/${slug}?dinh-dang=${format}`), params: { slug }, context: {} });

  it("is an SVG and a PDF pointing at the product's certificate page, for a valid registry decision", async () => {
    // Public products: active, their producer verified (the catalogue's triggers keep `visible`).
    expect(raw().prepare(`SELECT count(*) AS n FROM products WHERE visible = 1 AND slug IN ('quyt-hong', 'oi-nu-hoang', 'tu-khai')`).get()).toEqual({ n: 3 });
    const svg = await label("quyt-hong");
    expect(svg.status).toBe(200);
    expect(svg.headers.get("Content-Type")).toBe("image/svg+xml; charset=utf-8");
    const text = await svg.text();
    const target = certificateUrl(process.env.PUBLIC_URL ?? "http://127.0.0.1:3000", "1234/QĐ-UBND", "quyt-hong");
    expect(text).toContain(`<desc>${target}</desc>`);
    expect(text).toContain("OCOP ★★★★");
    const pdf = await label("quyt-hong", "pdf");
    expect(pdf.headers.get("Content-Type")).toBe("application/pdf");
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 8).toString("latin1")).toBe("%PDF-1.4");
  });

  it("is refused for an expired decision and for a draft of someone else", async () => {
    expect((await label("oi-nu-hoang")).status).toBe(404);
    expect((await label("mam-ca-linh")).status).toBe(404);
  });

  it("prints the seller's own claim only while no registry entry contradicts it", async () => {
    const r = await label("tu-khai");
    expect(r.status).toBe(200);
    expect(await r.text()).toContain("777/QĐ-UBND");
    // The certificate page says the registry does not back it.
    const p = (await page(`/chung-nhan/${encodeURIComponent("777/QĐ-UBND")}`)) as Loaded;
    expect(p.products[0]).toMatchObject({ registry: null, stars: 5 });
  });
});
