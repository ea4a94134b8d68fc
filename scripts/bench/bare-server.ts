// The bare baseline of `npm run bench -- catalog`: node:http and better-sqlite3 alone, answering
// the product list's first page (the same 24 cards: newest visible products, their producer,
// province, valid OCOP stars and first photo, and the count) as minimal HTML, from the same
// database. What the hardware does for the same rows; the app's pages are measured against it.
// Run: node --import tsx scripts/bench/bare-server.ts <database> <port>
import Database from "better-sqlite3";
import { createServer } from "node:http";

const [file, port] = process.argv.slice(2);
const db = new Database(file!, { readonly: true });
db.pragma("journal_mode = WAL");

const count = db.prepare(`SELECT count(*) AS n FROM products p WHERE p.visible = 1`);
const page = db.prepare(
  `SELECT p.id, p.slug, p.name, p.price, p.unit, p.stock,
     CASE WHEN p.ocop5_valid_until >= @today THEN 5 WHEN p.ocop4_valid_until >= @today THEN 4
       WHEN p.ocop3_valid_until >= @today THEN 3 END AS stars,
     pr.name AS producerName, pr.slug AS producerSlug, pv.name AS provinceName,
     (SELECT storage_key FROM product_images i WHERE i.product_id = p.id ORDER BY position, id LIMIT 1) AS image
   FROM products p JOIN producers pr ON pr.id = p.producer_id JOIN provinces pv ON pv.id = p.province_id
   WHERE p.visible = 1 ORDER BY p.created_at DESC, p.id DESC LIMIT 24`,
);
type Card = { slug: string; name: string; price: number; unit: string; stock: number; stars: number | null; producerName: string; producerSlug: string; provinceName: string; image: string | null };

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

createServer((_req, res) => {
  const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  const { n } = count.get() as { n: number };
  const cards = page.all({ today }) as Card[];
  const items = cards
    .map(
      (c) =>
        `<li><a href="/san-pham/${c.slug}">${c.image ? `<img src="/media/${escape(c.image)}" alt="">` : ""}${escape(c.name)}</a> ` +
        `${c.price} ₫/${escape(c.unit)} ${c.stars ?? ""}★ <a href="/nha-san-xuat/${c.producerSlug}">${escape(c.producerName)}</a> ${escape(c.provinceName)}</li>`,
    )
    .join("");
  res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
  res.end(`<!doctype html><html lang="vi"><title>Sản phẩm</title><h1>Sản phẩm</h1><p>${n} sản phẩm</p><ul>${items}</ul></html>`);
}).listen(Number(port), "127.0.0.1");
