import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import { fileURLToPath } from "node:url";
import { importReaderWorker } from "./scripts/import-reader-build";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  resolve: {
    alias: {
      "~": fileURLToPath(new URL("./app", import.meta.url)),
      "#db": fileURLToPath(new URL("./db", import.meta.url)),
    },
  },
  server: { host: "127.0.0.1" },
  build: { target: "es2022" },
  ssr: {
    // Native modules stay external; Node loads them from node_modules at run time.
    external: ["better-sqlite3", "sharp", "@node-rs/argon2"],
  },
  plugins: [
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
        v3_routeConfig: true,
      },
    }),
    importReaderWorker(), // build/server/sheet-reader.worker.mjs and import-writer.worker.mjs, the import's threads
  ],
});
