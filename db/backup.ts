// Online backups and their restore. A backup is SQLite's backup API (better-sqlite3's `db.backup()`):
// it copies the database page by page while the app keeps reading and writing, restarting the copy
// of pages changed underneath, so the copy is one consistent moment of the database; then the copy
// is opened and `PRAGMA integrity_check` must answer "ok". A restore checks the backup the same way,
// then puts it in place of the database file (the app stopped), removing the old WAL files.
import Database from "better-sqlite3";
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { dirname, resolve } from "node:path";

export type BackupResult = { file: string; bytes: number; pages: number; integrity: string };

/** "ok", or the problems SQLite lists (one per line), for a database file. */
export function integrityOf(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.pragma("integrity_check") as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check).join("\n");
  } finally {
    db.close();
  }
}

export async function backupDatabase(source: string, destination: string): Promise<BackupResult> {
  if (resolve(source) === resolve(destination)) throw new Error("the backup would overwrite the database");
  mkdirSync(dirname(resolve(destination)), { recursive: true });
  const partial = `${destination}.partial`;
  rmSync(partial, { force: true });
  const db = new Database(source, { fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  let pages = 0;
  try {
    // 1,000 pages (4 MB) per step, then the app's turn: a large database never stalls the writers.
    const done = await db.backup(partial, { progress: ({ totalPages }) => ((pages = totalPages), 1000) });
    pages = done.totalPages;
  } finally {
    db.close();
  }
  const integrity = integrityOf(partial);
  if (integrity !== "ok") {
    rmSync(partial, { force: true });
    throw new Error(`the backup failed its integrity check:\n${integrity}`);
  }
  renameSync(partial, destination);
  const size = new Database(destination, { readonly: true });
  const bytes = (size.pragma("page_count", { simple: true }) as number) * (size.pragma("page_size", { simple: true }) as number);
  size.close();
  return { file: destination, bytes, pages, integrity };
}

/**
 * Puts a backup in place of the database file. The app (web and worker) must be stopped: SQLite
 * files are not replaced under open connections. The backup is checked first; the database's own
 * WAL and shared-memory files are removed so nothing of the old state is replayed.
 */
export function restoreDatabase(backup: string, target: string): { integrity: string } {
  if (!existsSync(backup)) throw new Error(`no backup at ${backup}`);
  const integrity = integrityOf(backup);
  if (integrity !== "ok") throw new Error(`the backup failed its integrity check, nothing restored:\n${integrity}`);
  mkdirSync(dirname(resolve(target)), { recursive: true });
  const incoming = `${target}.restoring`;
  copyFileSync(backup, incoming);
  for (const suffix of ["-wal", "-shm"]) rmSync(`${target}${suffix}`, { force: true });
  renameSync(incoming, target);
  return { integrity: integrityOf(target) };
}
