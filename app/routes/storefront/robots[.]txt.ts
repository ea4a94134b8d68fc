// /robots.txt: the catalogue is open to crawlers; accounts, cart, checkout, the seller centre,
// officials' and administrators' pages are not for them.
import { env } from "~/env.server";

const PRIVATE = ["/gio-hang", "/thanh-toan", "/don-hang", "/tai-khoan", "/dang-nhap", "/dang-ky", "/dang-xuat", "/ngon-ngu", "/moi/", "/kenh-nguoi-ban", "/can-bo", "/quan-tri", "/api/"];

export async function loader() {
  const origin = new URL(env().PUBLIC_URL).origin;
  const body = ["User-agent: *", "Allow: /", ...PRIVATE.map((p) => `Disallow: ${p}`), "", `Sitemap: ${origin}/sitemap.xml`, ""].join("\n");
  return new Response(body, { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=3600" } });
}
