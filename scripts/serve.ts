// The web server: migrates the database, then serves the Remix app, its assets and the
// image variants. `npm start` runs the production build; `npm run dev` adds Vite's dev server.
import { createRequestHandler } from "@remix-run/express";
import { createRequestHandler as createFetchHandler, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { readdirSync } from "node:fs";
import { createServer } from "node:http";
import { resolve } from "node:path";
import { openDatabase } from "#db/client";
import { resumeAvifQueue } from "~/photos/avif-queue.server";
import { env } from "~/env.server";
import { bodyWasRefused, limitRequestBodies } from "~/http/body-limits.server";
import { pageCache, type PageCache } from "~/http/page-cache.server";
import { installSameRequestLoaders } from "~/http/loader-requests.server";
import { installPerBuildCaches } from "~/http/remix-per-build.server";
import { installRouteMatchCache } from "~/http/route-match-cache.server";
import { connectorEnv } from "~/marketplaces/config.server";
import { expireUnpaidPayments } from "~/payments/expiry.server";
import { refusedStart } from "~/start-check.server";
import * as guards from "./http-guards";

const refused = refusedStart(); // production on sandbox secrets: a list of what to set, and no start
if (refused) {
  console.error(refused);
  process.exit(1);
}
const config = env();
connectorEnv(); // the marketplaces' settings too: a wrong one stops the start, not the first sync
const dev = config.NODE_ENV === "development";

// Fail fast: a database that cannot be opened or migrated stops the start, not the first request.
openDatabase(config.DATABASE_URL).$client.close();

const vite = dev
  ? await import("vite").then((v) => v.createServer({ server: { middlewareMode: true } }))
  : undefined;

const app = express();
app.disable("x-powered-by");
app.use(compression());
// Security headers, 405 for unused methods, 403 for forms from another site (scripts/http-guards.ts).
app.use(guards.headers(config.PUBLIC_URL), guards.methods, guards.sameOrigin(config.PUBLIC_URL));

// Variants are named by content hash: they never change, so they are cached for a year. Never the masters.
app.use("/media", guards.media(resolve(config.MEDIA_DIR)));

if (vite) {
  app.use(vite.middlewares);
} else {
  app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
  // The few other entries of build/client (favicon…), listed at start: a page request does not cost
  // a failed stat() of the disk.
  const entries = new Set(readdirSync("build/client").filter((f) => f !== "assets"));
  const others = express.static("build/client", { maxAge: "1h", index: false });
  app.use((req, res, next) => (entries.has(req.path.split("/")[1]!) ? others(req, res, next) : next()));
}

// A production build's route tree never changes: Remix's four matchings of each URL are kept, and what
// it rebuilds from the tree for each request (app/http/remix-per-build.server.ts).
if (!vite) {
  installRouteMatchCache();
  installPerBuildCaches();
  installSameRequestLoaders();
}

const build = vite
  ? () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>
  : ((await import(resolve("build/server/index.js"))) as ServerBuild);

// Request bodies are bounded per route before anything parses them (413 past the cap).
app.use(limitRequestBodies());
// Catalogue pages for visitors without session or cart, from memory while the catalogue stands still.
// A page in memory is answered before Express (see `server` below), with the headers the chain set.
let cache: PageCache | undefined;
if (typeof build !== "function" && config.PAGE_CACHE_MB > 0) {
  const handle = createFetchHandler(build, config.NODE_ENV);
  cache = pageCache({ handle: (request) => handle(request), buildId: build.assets.version, maxBytes: config.PAGE_CACHE_MB * 1024 * 1024 });
  app.use(cache);
}
// The visitor's address, for log-in throttling (app/auth/throttle.server.ts). Behind a proxy it is the
// proxy's: set Express's "trust proxy" for the deployment's proxy before relying on per-address limits.
const getLoadContext = (req: express.Request) => ({ clientAddress: req.ip ?? "" });
app.all("*", createRequestHandler({ build, mode: config.NODE_ENV, getLoadContext }));

// The client's mistakes (a malformed percent-encoding such as "/san-pham/%E0%A4%A", a missing
// image variant) get their 4xx without a stack trace in the log. Anything else is ours: 500, logged.
app.use((error: unknown, req: express.Request, res: express.Response, next: express.NextFunction) => {
  if (bodyWasRefused(req)) return; // answered 413 already; the handler failed on the body it was denied
  if (res.headersSent) return next(error);
  const status = error instanceof URIError ? 400 : (error as { status?: number }).status;
  if (status && status >= 400 && status < 500) {
    res.status(status).type("text/plain").send(status === 404 ? "Not found" : "Bad request");
    return;
  }
  console.error(error);
  res.status(500).type("text/plain").send("Internal server error");
});

// 64 KiB of headers: a 10 kB search in Vietnamese is ~30 kB once percent-encoded in the URL.
const server = createServer({ maxHeaderSize: 64 * 1024 }, (req, res) => cache?.hit(req, res) || app(req, res));
server.on("clientError", guards.onClientError);
server.listen(config.PORT, config.HOST, () => {
  console.log(`OCOP Connect: ${config.PUBLIC_URL} (database ${config.DATABASE_URL})`);
  // AVIF variants that were still to be encoded when the server last stopped (see avif-queue.server.ts).
  const pending = resumeAvifQueue();
  if (pending > 0) console.log(`AVIF: ${pending} photos queued for encoding`);
});

// The web process's one background job: orders still unpaid after their method's deadline
// (VietQR after VIETQR_EXPIRY_MINUTES, gateways after their session) are cancelled and their
// stock released. A timer, not a page visit; each expiry is its own short transaction.
if (config.EXPIRY_JOB_SECONDS > 0) {
  const runExpiry = () => {
    try {
      const { expired } = expireUnpaidPayments();
      if (expired > 0) console.log(`expiry: ${expired} unpaid payment(s) expired, their orders cancelled`);
    } catch (error) {
      console.error("expiry job failed", error);
    }
  };
  setTimeout(runExpiry, 1000).unref();
  setInterval(runExpiry, config.EXPIRY_JOB_SECONDS * 1000).unref();
}

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref();
  });
}
