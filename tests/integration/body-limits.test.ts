// Request bodies are bounded per route before anything parses them, against the real server over
// real HTTP: a declared Content-Length over the cap is answered 413 before the body is read, and a
// chunked body (no length) is counted as it streams and cut at the cap, so the server's memory does
// not grow with what a client sends. Bodies under the caps reach their routes as before.
import { request } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bodyLimitFor, FORM_MAX_BYTES, WEBHOOK_MAX_BYTES } from "~/http/body-limits.server";
import { MAX_IMPORT_BYTES } from "~/imports/import-limits";
import { peakMemory, startAppServer, type AppServer } from "../../scripts/fixtures/app-server";

const MB = 1024 * 1024;
let server: AppServer;
let dir = "";

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ocop-limits-"));
  server = await startAppServer({ DATABASE_URL: join(dir, "app.sqlite"), MEDIA_DIR: join(dir, "media") });
  // The first request to a route compiles it (development mode): not what is measured here.
  await fetch(`${server.url}/dang-nhap`);
  await fetch(`${server.url}/api/stripe/webhook`, { method: "POST", body: "{}" });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

// A refused body is an answer, not an error: nothing is logged for it (no "TypeError: …" from a
// handler answering a request already answered). Vite's own dependency notices are not ours.
const errorsLogged = () => server.log.join("").split("\n").filter((l) => /\w*Error:|ERR_HTTP|Internal server error/.test(l));

type Sent = { status: number | null; body: string; sentBytes: number; error: string | null };

/**
 * POSTs `total` bytes, 64 kB at a time, with or without a Content-Length; stops writing as soon as
 * an answer comes (or the connection breaks) and reports how much it had sent by then.
 */
function send(path: string, total: number, opts: { declareLength: boolean; contentType?: string }): Promise<Sent> {
  return new Promise((resolve) => {
    let sentBytes = 0;
    let done = false;
    const finish = (result: Omit<Sent, "sentBytes">) => {
      if (done) return;
      done = true;
      req.destroy();
      resolve({ ...result, sentBytes });
    };
    const req = request(`${server.url}${path}`, {
      method: "POST",
      headers: {
        "Content-Type": opts.contentType ?? "application/x-www-form-urlencoded",
        ...(opts.declareLength ? { "Content-Length": String(total) } : {}),
      },
    });
    req.on("response", (res) => {
      let body = "";
      res.on("data", (d: Buffer) => (body += d.toString()));
      res.on("end", () => finish({ status: res.statusCode ?? null, body, error: null }));
      res.on("error", () => finish({ status: res.statusCode ?? null, body, error: null }));
    });
    req.on("error", (e: NodeJS.ErrnoException) => finish({ status: null, body: "", error: e.code ?? e.message }));
    const chunk = Buffer.alloc(64 * 1024, "a");
    const pump = () => {
      while (!done && sentBytes < total) {
        sentBytes += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!done) req.end();
    };
    pump();
  });
}

const healthy = async () => (await fetch(`${server.url}/healthz`)).status;

describe("request body limits", () => {
  it("cuts a 200 MB chunked POST to the Stripe webhook at its cap, without buffering it", async () => {
    const before = peakMemory(server.child.pid!);
    const sent = await send("/api/stripe/webhook", 200 * MB, { declareLength: false, contentType: "application/json" });
    expect(sent.status).toBe(413);
    expect(JSON.parse(sent.body)).toEqual({ error: "payload_too_large", limit: WEBHOOK_MAX_BYTES });
    // The client was stopped long before the end (what it sent by then sat in socket buffers).
    expect(sent.sentBytes).toBeLessThan(40 * MB);
    expect(peakMemory(server.child.pid!) - before).toBeLessThan(64 * MB);
    expect(await healthy()).toBe(200);
    expect(errorsLogged()).toEqual([]);
  }, 60_000);

  it("refuses a 40 MB form to the log-in page from its declared length, before reading it", async () => {
    const before = peakMemory(server.child.pid!);
    const sent = await send("/dang-nhap", 40 * MB, { declareLength: true });
    // Either the answer arrived while the client was still writing, or the server closed the
    // connection on the rest of the body after answering; in both cases it read almost nothing.
    if (sent.status !== null) {
      expect(sent.status).toBe(413);
      expect(sent.body).toContain("Nội dung gửi lên quá lớn");
    } else expect(["EPIPE", "ECONNRESET"]).toContain(sent.error);
    expect(peakMemory(server.child.pid!) - before).toBeLessThan(32 * MB);
    expect(await healthy()).toBe(200);
  }, 60_000);

  it("answers a chunked 40 MB form with the Vietnamese 413 page", async () => {
    const sent = await send("/dang-nhap", 40 * MB, { declareLength: false });
    expect(sent.status).toBe(413);
    expect(sent.body).toContain('<html lang="vi">');
    expect(sent.body).toContain(`vượt quá ${FORM_MAX_BYTES / 1024} kB`);
    expect(sent.body).toContain(`<a href="/dang-nhap">Quay lại</a>`); // no script: works under a strict CSP
    expect(sent.sentBytes).toBeLessThan(40 * MB);
    expect(await healthy()).toBe(200);
    expect(errorsLogged()).toEqual([]);
  }, 60_000);

  it("lets bodies under the caps through to their routes", async () => {
    // A webhook with a bad signature: the route read it and said so.
    const webhook = await fetch(`${server.url}/api/stripe/webhook`, { method: "POST", body: JSON.stringify({ id: "evt_1" }), headers: { "Stripe-Signature": "t=1,v1=00" } });
    expect(webhook.status).toBe(400);
    // A log-in form without a CSRF token reaches the action (refused there, not by size).
    const login = await fetch(`${server.url}/dang-nhap`, { method: "POST", body: new URLSearchParams({ email: "a@b.vn", password: "x".repeat(100_000) }), redirect: "manual" });
    expect(login.status).not.toBe(413);
    expect(login.status).toBeLessThan(500);
  }, 60_000);

  it("gives uploads and imports caps of their own, and everything else the form cap", () => {
    expect(bodyLimitFor("/kenh-nguoi-ban/nhap-xuat").bytes).toBeGreaterThan(MAX_IMPORT_BYTES);
    expect(bodyLimitFor("/can-bo/so-bo-ocop").bytes).toBeGreaterThan(MAX_IMPORT_BYTES);
    expect(bodyLimitFor("/kenh-nguoi-ban/san-pham/12/anh").bytes).toBeGreaterThan(100 * MB);
    expect(bodyLimitFor("/kenh-nguoi-ban/san-pham/12").bytes).toBe(FORM_MAX_BYTES);
    // With JavaScript the same forms post to the route's ".data" URL (Remix's single fetch).
    expect(bodyLimitFor("/kenh-nguoi-ban/nhap-xuat.data")).toEqual(bodyLimitFor("/kenh-nguoi-ban/nhap-xuat"));
    expect(bodyLimitFor("/can-bo/so-bo-ocop.data")).toEqual(bodyLimitFor("/can-bo/so-bo-ocop"));
    expect(bodyLimitFor("/kenh-nguoi-ban/san-pham/12/anh.data")).toEqual(bodyLimitFor("/kenh-nguoi-ban/san-pham/12/anh"));
    expect(bodyLimitFor("/kenh-nguoi-ban/san-pham/12.data").bytes).toBe(FORM_MAX_BYTES);
    expect(bodyLimitFor("/api/momo/ipn")).toEqual({ bytes: WEBHOOK_MAX_BYTES, answer: "json" });
    expect(bodyLimitFor("/thanh-toan")).toEqual({ bytes: FORM_MAX_BYTES, answer: "page" });
  });
});
