// A producer of the test's own, with 20 products every marketplace accepts and one whose
// description makes an unverified health claim, written straight into the e2e database (the
// app and the worker read the same file). Photos reuse the seed's stored variants.
import Database from "better-sqlite3";
import { sandboxUrl } from "../../db/reference/marketplaces";

/** As playwright.config.ts computes it. */
export const SANDBOX_PORT = Number(process.env.E2E_MARKETPLACE_PORT ?? Number(process.env.E2E_PORT ?? 3310) + 901);
export const SANDBOX = { shopee: sandboxUrl("shopee", SANDBOX_PORT), lazada: sandboxUrl("lazada", SANDBOX_PORT) };
export const CLAIM_NAME = "Cao dược liệu thần dược";

export type ConnectorProducer = { email: string; productIds: number[]; claimId: number; names: string[] };

export function createConnectorProducer(tag: string, count = 20): ConnectorProducer {
  const db = new Database("test-results/e2e.sqlite");
  db.pragma("busy_timeout = 5000");
  try {
    return db.transaction(() => {
      const province = db.prepare(`SELECT id FROM provinces WHERE slug = 'dong-thap'`).get() as { id: number };
      const category = db.prepare(`SELECT id FROM categories WHERE slug = 'mat-ong'`).get() as { id: number };
      const photo = db.prepare(`SELECT storage_key AS key, width, height, widths FROM product_images WHERE width >= 800 AND height >= 800 LIMIT 1`).get() as {
        key: string;
        width: number;
        height: number;
        widths: string;
      };
      const hash = (db.prepare(`SELECT password_hash AS h FROM users WHERE email = 'htx@ocop.vn'`).get() as { h: string }).h;
      const slug = `htx-san-e2e-${tag}`;
      const producerId = Number(
        db.prepare(`INSERT INTO producers (slug, kind, name, province_id, status, verified_at) VALUES (?, 'cooperative', ?, ?, 'verified', ?)`).run(
          slug, `HTX Mật ong thử nghiệm ${tag}`, province.id, new Date().toISOString(),
        ).lastInsertRowid,
      );
      const email = `san.${tag}@example.vn`;
      db.prepare(`INSERT INTO users (email, password_hash, name, role, producer_id) VALUES (?, ?, 'Lê Thị Mật', 'producer', ?)`).run(email, hash, producerId);
      const addProduct = db.prepare(
        `INSERT INTO products (producer_id, slug, name, description, ocop_group, category_id, unit, weight_grams, price, stock, status)
         VALUES (?, ?, ?, ?, 'food', ?, 'hũ 500 g', 600, ?, ?, 'active')`,
      );
      const addImage = db.prepare(`INSERT INTO product_images (product_id, position, storage_key, width, height, widths) VALUES (?, 0, ?, ?, ?, ?)`);
      const addCert = db.prepare(
        `INSERT INTO certifications (product_id, kind, stars, number, issuer, issued_on, expires_on) VALUES (?, 'ocop', 4, ?, 'UBND tỉnh Đồng Tháp', '2025-06-01', '2028-06-01')`,
      );
      const names: string[] = [];
      const productIds: number[] = [];
      let claimId = 0;
      for (let i = 0; i <= count; i++) {
        const claim = i === count;
        const name = claim ? CLAIM_NAME : `Mật ong hoa tràm U Minh loại ${String(i + 1).padStart(2, "0")}`;
        const description = claim
          ? "Cao dược liệu nấu từ thảo mộc rừng U Minh theo bài thuốc gia truyền, đóng hũ 500 g tại hợp tác xã. Thần dược chữa bách bệnh cho mọi lứa tuổi."
          : "Mật ong hoa tràm khai thác tự nhiên ở rừng U Minh, lọc lạnh, không pha đường, đóng hũ thủy tinh 500 g tại hợp tác xã. Sản phẩm OCOP 4 sao.";
        const id = Number(addProduct.run(producerId, `${slug}-${i}`, name, description, category.id, 120_000 + i * 5_000, 30 + i).lastInsertRowid);
        addImage.run(id, photo.key, photo.width, photo.height, photo.widths);
        addCert.run(id, `${id}/QĐ-UBND-E2E`);
        if (claim) claimId = id;
        else productIds.push(id);
        names.push(name);
      }
      return { email, productIds, claimId, names };
    })();
  } finally {
    db.close();
  }
}

type SandboxItem = { sku: string; price: number; stock: number; status: string };

/** Every item the sandbox holds under that seller SKU (duplicates would show as two). */
export async function sandboxItems(url: string, sku: string): Promise<SandboxItem[]> {
  const res = await fetch(`${url}/__sandbox/state`);
  const state = (await res.json()) as { shops: { items: Record<string, SandboxItem> }[] };
  return state.shops.flatMap((s) => Object.values(s.items)).filter((i) => i.sku === sku);
}
