import { openDatabase, type Db } from "#db/client";
import { env } from "./env.server";

declare global {
  // Survives module reloads in development so there is one connection per process.
  var __ocopDb: Db | undefined;
}

/** The process's one database client, migrated on first use. */
export function db(): Db {
  globalThis.__ocopDb ??= openDatabase(env().DATABASE_URL);
  return globalThis.__ocopDb;
}
