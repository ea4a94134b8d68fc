// A rendered document is gzipped in one call when the client takes gzip, and says so in its headers;
// a client that does not, or a body too small to gain, gets the bytes as rendered.
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { encodedDocument } from "~/http/document-encoding.server";

const page = Buffer.from(`<!DOCTYPE html><html lang="vi"><body>${"<p>Nước mắm Phú Quốc 150.000 ₫</p>".repeat(200)}</body></html>`);
const request = (acceptEncoding?: string) => new Request("http://127.0.0.1/gio-hang", { headers: acceptEncoding ? { "Accept-Encoding": acceptEncoding } : {} });

describe("a rendered document's encoding", () => {
  it("is gzip for a browser that takes it, and decodes to the page", () => {
    const headers = new Headers({ Vary: "Cookie" });
    const body = encodedDocument(request("gzip, deflate, br, zstd"), page, headers);
    expect(headers.get("Content-Encoding")).toBe("gzip");
    expect(headers.get("Vary")).toBe("Cookie, Accept-Encoding");
    expect(body.length).toBeLessThan(page.length / 4);
    expect(gunzipSync(body).equals(page)).toBe(true);
  });

  it("is the page as rendered for a client that takes no gzip, or a body under 1 kB", () => {
    for (const accept of [undefined, "identity", "br", "gzip;q=0"]) {
      const headers = new Headers();
      expect(encodedDocument(request(accept), page, headers)).toBe(page);
      expect(headers.get("Content-Encoding")).toBeNull();
      expect(headers.get("Vary")).toBe("Accept-Encoding"); // a cache must still tell the two apart
    }
    const small = Buffer.from("<p>ok</p>");
    const headers = new Headers();
    expect(encodedDocument(request("gzip"), small, headers)).toBe(small);
    expect(headers.get("Content-Encoding")).toBeNull();
  });
});
