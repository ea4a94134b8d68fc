// `npm run db:backup [-- <file>]`: a consistent copy of the live database, taken while the app serves
// (db/backup.ts), checked with PRAGMA integrity_check. Without a file name the copy goes to
// backups/ beside the database, named by the time (UTC). Exits non-zero when the copy is not sound.
// `npm run db:restore -- <file>`: puts a backup in place of the database; stop the app first.
import { basename, dirname, join, resolve } from "node:path";
import { backupDatabase, restoreDatabase } from "#db/backup";
import { env } from "~/env.server";

const [command, file] = process.argv.slice(2);
const database = env().DATABASE_URL;

try {
  if (command === "restore") {
    if (!file) throw new Error("usage: npm run db:restore -- <backup file>");
    const { integrity } = restoreDatabase(resolve(file), database);
    console.log(`restored ${file} to ${database} (integrity: ${integrity})`);
  } else {
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    const destination = file ?? join(dirname(resolve(database)), "backups", `${basename(database, ".sqlite")}-${stamp}.sqlite`);
    const result = await backupDatabase(database, destination);
    console.log(`backup ${result.file}: ${result.pages} pages, ${(result.bytes / 1024 / 1024).toFixed(1)} MB, integrity ${result.integrity}`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
