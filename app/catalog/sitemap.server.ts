// What search engines may list: every visible product and every verified producer with one.
import { statement } from "~/db.server";

export type SitemapEntry = { path: string; lastModified: string };

/** Product and producer pages, newest change first (a sitemap holds up to 50,000 addresses). */
export function sitemapEntries(): SitemapEntry[] {
  const products = statement<[], SitemapEntry>(
    `SELECT '/san-pham/' || slug AS path, updated_at AS lastModified FROM products WHERE visible = 1
     ORDER BY updated_at DESC LIMIT 45000`,
  ).all();
  const producers = statement<[], SitemapEntry>(
    `SELECT '/nha-san-xuat/' || pr.slug AS path, pr.updated_at AS lastModified FROM producers pr
     WHERE pr.status = 'verified' AND EXISTS (SELECT 1 FROM products p WHERE p.producer_id = pr.id AND p.visible = 1)
     ORDER BY pr.updated_at DESC LIMIT 5000`,
  ).all();
  return [...products, ...producers];
}
