// What the web server answers before Remix sees a request (scripts/http-guards.ts, mounted by
// scripts/serve.ts exactly like this): 405 for methods the app does not use (TRACE too, and names
// Node's parser does not know), 403 for a form from another site (not Remix's 500), security headers
// (HSTS only on https), no shared caching of a signed-in visitor's pages, and never a photo master.
import express from "express";
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { connect } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "~/env.server";
import * as guards from "../../scripts/http-guards";

let server: Server;
let base: string;

function start(publicUrl: string): Promise<{ server: Server; base: string }> {
  const app = express();
  app.use(guards.headers(publicUrl), guards.methods, guards.sameOrigin(publicUrl));
  app.use("/media", guards.media(env().MEDIA_DIR));
  // Stands for Remix: a page that asks to be cached publicly, and a form that answers 200.
  app.all("*", (_req, res) => {
    res.setHeader("Cache-Control", "public, max-age=300");
    res.send("ok");
  });
  const s = createServer(app);
  s.on("clientError", guards.onClientError);
  return new Promise((resolve) => s.listen(0, "127.0.0.1", () => resolve({ server: s, base: `http://127.0.0.1:${(s.address() as { port: number }).port}` })));
}

beforeAll(async () => {
  const media = env().MEDIA_DIR;
  mkdirSync(join(media, ".masters"), { recursive: true });
  writeFileSync(join(media, ".masters", "abc.jpg"), "the original photo");
  writeFileSync(join(media, "abc-320.webp"), "a variant");
  ({ server, base } = await start("http://127.0.0.1:3000"));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A raw request line, for what fetch refuses to send (TRACE, unknown methods). */
function raw(request: string): Promise<string> {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), "127.0.0.1", () => socket.write(request));
    let answer = "";
    socket.on("data", (d) => (answer += d.toString()));
    socket.on("end", () => resolve(answer));
    socket.on("error", reject);
    setTimeout(() => socket.destroy(), 2000).unref();
  });
}

describe("methods", () => {
  it("TRACE, PUT, DELETE, PATCH and OPTIONS are 405 with Allow", async () => {
    for (const method of ["PUT", "DELETE", "PATCH", "OPTIONS"]) {
      const r = await fetch(base + "/", { method });
      expect(r.status, method).toBe(405);
      expect(r.headers.get("Allow")).toBe("GET, HEAD, POST");
    }
    expect(await raw("TRACE / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).toMatch(/^HTTP\/1\.1 405 /);
  });

  it("a method Node's parser does not know is 405 too, not 400", async () => {
    expect(await raw("FOO / HTTP/1.1\r\nHost: x\r\n\r\n")).toMatch(/^HTTP\/1\.1 405 Method Not Allowed\r\nAllow: GET, HEAD, POST/);
  });
});

describe("forms from another site", () => {
  const form = (origin: string | null, path = "/dang-nhap") =>
    fetch(base + path, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", ...(origin === null ? {} : { Origin: origin }) }, body: "csrf=x" });

  it("another site, null, or garbage: 403 before anything reads the form", async () => {
    for (const origin of ["https://evil.example", "null", "garbage", "http://[::1", "http://127.0.0.1:3000.evil.example"]) {
      const r = await form(origin);
      expect(r.status, origin).toBe(403);
      expect(await r.text()).toContain("Biểu mẫu gửi từ trang web khác bị từ chối");
    }
  });

  it("this site (by Host or PUBLIC_URL), no Origin at all, and webhooks under /api/ go through", async () => {
    expect((await form(base)).status).toBe(200);
    expect((await form("http://127.0.0.1:3000")).status).toBe(200);
    expect((await form(null)).status).toBe(200);
    expect((await form("https://evil.example", "/api/stripe/webhook")).status).toBe(200);
  });
});

describe("headers", () => {
  it("every answer says nosniff, no framing, and what the page may use; no HSTS on http", async () => {
    const r = await fetch(base + "/");
    expect(r.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(r.headers.get("X-Frame-Options")).toBe("DENY");
    expect(r.headers.get("Permissions-Policy")).toContain("camera=()");
    expect(r.headers.get("Strict-Transport-Security")).toBeNull();
    expect(r.headers.get("Cache-Control")).toBe("public, max-age=300"); // anonymous: the route decides
  });

  it("HSTS when PUBLIC_URL is https", async () => {
    const https = await start("https://ocop.example.vn");
    const r = await fetch(https.base + "/");
    expect(r.headers.get("Strict-Transport-Security")).toBe("max-age=31536000; includeSubDomains");
    await new Promise<void>((resolve) => https.server.close(() => resolve()));
  });

  it("a signed-in visitor's answers are private, no-store, whatever the route said", async () => {
    const r = await fetch(base + "/san-pham", { headers: { Cookie: "ocop_csrf=abc; ocop_session=xyz" } });
    expect(r.headers.get("Cache-Control")).toBe("private, no-store");
    // The image variants are the same for everyone: still cached for a year.
    const variant = await fetch(base + "/media/abc-320.webp", { headers: { Cookie: "ocop_session=xyz" } });
    expect(variant.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
  });
});

describe("media", () => {
  it("serves a variant, never a master, however the path is written", async () => {
    expect((await fetch(base + "/media/abc-320.webp")).status).toBe(200);
    for (const path of ["/media/.masters/abc.jpg", "/media/%2emasters/abc.jpg", "/media/%2Emasters/abc.jpg", "/media/x/../.masters/abc.jpg"]) {
      const r = await fetch(base + path);
      expect(r.status, path).toBe(404);
      expect(await r.text()).not.toContain("the original photo");
    }
  });
});
