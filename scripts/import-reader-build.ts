// A Vite plugin for the production build: the import reader's worker thread
// (app/imports/sheet-reader.worker.mjs) is started by file name, so Vite would not see it. The server
// build emits it as an entry of its own beside index.js (build/server/sheet-reader.worker.mjs), built by
// Rollup like the rest of the server: an app/ module it imported would be bundled in, and npm packages
// stay external (node_modules is there at run time). sheet-reader.server.ts finds it with
// `new URL("./sheet-reader.worker.mjs", import.meta.url)`, which is app/imports/ in the source tree and
// build/server/ once bundled, so a deployment needs build/, not app/.
//
// The import writer's thread (app/imports/import-writer.worker.ts) is emitted the same way, as
// build/server/import-writer.worker.mjs: its app/ modules (the tables' owners, db.server) are bundled in
// (Rollup may share them with index.js through a chunk under build/server/assets/), and
// import-writer.server.ts finds it with `new URL("./import-writer.worker.mjs", import.meta.url)`.
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";

const IMPORT_READER_SOURCE = fileURLToPath(new URL("../app/imports/sheet-reader.worker.mjs", import.meta.url));
const IMPORT_READER_FILE = "sheet-reader.worker.mjs";
const IMPORT_WRITER_SOURCE = fileURLToPath(new URL("../app/imports/import-writer.worker.ts", import.meta.url));
const IMPORT_WRITER_FILE = "import-writer.worker.mjs";

export function importReaderWorker(): Plugin {
  let serverBuild = false;
  return {
    name: "ocop:import-reader-worker",
    apply: "build",
    configResolved(config) {
      serverBuild = Boolean(config.build.ssr);
    },
    buildStart() {
      if (!serverBuild) return;
      this.emitFile({ type: "chunk", id: IMPORT_READER_SOURCE, fileName: IMPORT_READER_FILE });
      this.emitFile({ type: "chunk", id: IMPORT_WRITER_SOURCE, fileName: IMPORT_WRITER_FILE });
    },
  };
}
