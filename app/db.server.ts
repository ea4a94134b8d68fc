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

const statements = new Map<string, import("better-sqlite3").Statement>();

/**
 * A prepared statement for SQL text, prepared once per process. Domain modules whose
 * queries are assembled from a fixed set of fragments use it so each shape is prepared once.
 * The owner of a query types it once: `statement<[id: number], Row>(sql).get(id)` is a `Row | undefined`.
 */
export function statement<Params extends unknown[] | {} = unknown[], Row = unknown>(sqlText: string): import("better-sqlite3").Statement<Params, Row> {
  let stmt = statements.get(sqlText);
  if (!stmt) {
    stmt = db().$client.prepare(sqlText);
    statements.set(sqlText, stmt);
  }
  return stmt as import("better-sqlite3").Statement<Params, Row>;
}

/** The handle a synchronous `db().transaction((tx) => …)` body receives. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
