// /sitemap.xml: the home page, the product list, every visible product and every producer with one.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { sitemapEntries } from "~/catalog/sitemap.server";
import { env } from "~/env.server";
import { catalogueCacheHeaders } from "~/http/public-cache";

const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function loader({ request }: LoaderFunctionArgs) {
  const origin = new URL(env().PUBLIC_URL).origin;
  const url = (path: string, lastModified?: string) =>
    `<url><loc>${escapeXml(origin + path)}</loc>${lastModified ? `<lastmod>${lastModified.slice(0, 10)}</lastmod>` : ""}</url>`;
  const body = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`,
    url("/"),
    url("/san-pham"),
    ...sitemapEntries().map((e) => url(e.path, e.lastModified)),
    `</urlset>`,
  ].join("\n");
  return new Response(body, {
    headers: { "Content-Type": "application/xml; charset=utf-8", ...catalogueCacheHeaders(request) },
  });
}
