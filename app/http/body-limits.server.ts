// How many bytes a request body may hold, by route, enforced before anything parses it: a declared
// Content-Length over the cap is refused at once (413), and a body without one (chunked) is counted as
// it streams and cut at the cap, so a 200 MB POST costs at most the cap in memory. Forms get a page in
// Vietnamese; webhooks and the API get JSON. The routes that read bodies themselves (webhooks, uploads)
// also bound what they read, so a route is safe however it is served.
import type { IncomingMessage, ServerResponse } from "node:http";
import { MAX_IMPORT_BYTES } from "~/imports/import-limits";
import { MAX_PHOTO_BYTES, MAX_PHOTOS_PER_PRODUCT } from "~/photos/photo-limits";

const KB = 1024;
/** Room for the multipart framing and the form's text fields around the files. */
const MULTIPART_SLACK = 256 * KB;
export const WEBHOOK_MAX_BYTES = 256 * KB;
/** Every other form: a checkout, a product's details, the price-and-stock table of a few hundred rows. */
export const FORM_MAX_BYTES = 256 * KB;

export type BodyLimit = { bytes: number; answer: "json" | "page" };

const RULES: { path: RegExp; limit: BodyLimit }[] = [
  { path: /^\/api\//, limit: { bytes: WEBHOOK_MAX_BYTES, answer: "json" } },
  { path: /^\/kenh-nguoi-ban\/san-pham\/[^/]+\/anh\/?$/, limit: { bytes: MAX_PHOTOS_PER_PRODUCT * MAX_PHOTO_BYTES + MULTIPART_SLACK, answer: "page" } },
  { path: /^\/(kenh-nguoi-ban\/nhap-xuat|can-bo\/so-bo-ocop)\/?$/, limit: { bytes: MAX_IMPORT_BYTES + MULTIPART_SLACK, answer: "page" } },
];

/**
 * The cap for a request's path (the URL's path, undecoded). With JavaScript, Remix posts a form to the
 * route's path plus ".data" (single fetch: "/kenh-nguoi-ban/nhap-xuat.data?index"): the same route.
 */
export function bodyLimitFor(path: string): BodyLimit {
  const route = path.replace(/\.data$/, "");
  return RULES.find((r) => r.path.test(route))?.limit ?? { bytes: FORM_MAX_BYTES, answer: "page" };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const PAGE = (limit: number, back: string) => `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Nội dung quá lớn · OCOP Connect</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem">
<h1>Nội dung gửi lên quá lớn</h1>
<p>Biểu mẫu hoặc tệp bạn gửi vượt quá ${formatSize(limit)} cho trang này, nên chưa có gì được lưu.
Hãy gửi tệp nhỏ hơn hoặc chia thành nhiều lần.</p>
<p lang="en">The form or file you sent is larger than ${formatSize(limit)}; nothing was saved.</p>
<p><a href="${escapeHtml(back)}">Quay lại</a> · <a href="/">Trang chủ</a></p>
</body></html>`;

function formatSize(bytes: number): string {
  return bytes >= 1024 * KB ? `${Math.floor(bytes / (1024 * KB))} MB` : `${Math.floor(bytes / KB)} kB`;
}

const refused = new WeakSet<IncomingMessage>();

/**
 * Whether this request's body was refused here: the handler behind may still fail on the body it
 * could not read, and whatever it then tries to answer is dropped, not logged as an error.
 */
export function bodyWasRefused(req: IncomingMessage): boolean {
  return refused.has(req);
}

function refuse(req: IncomingMessage, res: ServerResponse, limit: BodyLimit) {
  refused.add(req);
  if (res.headersSent) return;
  // The rest of the body is not read: the connection closes after the answer.
  res.shouldKeepAlive = false;
  res.statusCode = 413;
  res.setHeader("Connection", "close");
  res.setHeader("Cache-Control", "no-store");
  if (limit.answer === "json") {
    res.setHeader("Content-Type", "application/json; charset=utf-8");
    res.end(JSON.stringify({ error: "payload_too_large", limit: limit.bytes }));
  } else {
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    // Back to the page the form was on: the request's own path (a same-site path, escaped).
    const path = (req.url ?? "/").split("?")[0]!;
    res.end(PAGE(limit.bytes, path.startsWith("/") && !path.startsWith("//") ? path : "/"));
  }
}

/**
 * Node middleware (Express's signature), mounted before the Remix handler. It counts the body's
 * chunks as they are handed to whoever reads them (the request's own "data" events, watched without
 * adding a reader, so the stream's flow and any middleware in between are unchanged and nothing is
 * buffered here). Past the cap the chunk is withheld, the client gets its 413, and the request is
 * destroyed with an error, so the reader fails (a truncated body is never taken for a whole one) and
 * the upload stops.
 */
/** How long a refused upload's connection keeps discarding after the 413 before it is cut. */
const LINGER_MS = 5000;

export function limitRequestBodies() {
  return (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => {
    if (req.method === "GET" || req.method === "HEAD") return next();
    const limit = bodyLimitFor((req.url ?? "/").split("?")[0]!);
    const declared = req.headers["content-length"];
    if (declared !== undefined && Number(declared) > limit.bytes) {
      refuse(req, res, limit);
      req.resume(); // discard what is already on its way; the socket closes after the answer
      return;
    }
    let seen = 0;
    let over = false;
    const emit = req.emit;
    req.emit = function (this: IncomingMessage, event: string | symbol, ...args: unknown[]) {
      if (event === "data") {
        if (over) return false;
        seen += (args[0] as Buffer).length;
        if (seen > limit.bytes) {
          over = true;
          req.pause();
          refuse(req, res, limit);
          const cut = () => req.destroy(new Error(`request body over ${limit.bytes} bytes`));
          // The answer has left: a lingering close (RFC 9112, 9.6). Closing at once with the client's
          // bytes unread sends a reset, which can destroy the 413 in the client's buffer before it is
          // read; so the server half-closes and discards what still arrives, for 5 s at most, then cuts.
          res.once("finish", () => {
            req.socket.end();
            req.resume();
            setTimeout(cut, LINGER_MS).unref();
          });
          setTimeout(cut, 1000 + LINGER_MS).unref(); // an answer that never leaves
          return false;
        }
      }
      return emit.call(this, event, ...args);
    } as typeof req.emit;
    next();
  };
}

/**
 * A request's body as text, or null when it is longer than max bytes (read chunk by chunk and
 * abandoned at the cap, whatever Content-Length says or does not say) or could not be read whole.
 */
export async function readBoundedText(request: Request, max: number): Promise<string | null> {
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > max) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    // A body cut short (by the limit in front, or a client gone) is no body: null, not an error.
    const read = await reader.read().catch(() => null);
    if (!read) return null;
    const { done, value } = read;
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
