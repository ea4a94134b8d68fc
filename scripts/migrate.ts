// `npm run db:migrate`: applies pending migrations and reference data to DATABASE_URL, then exits.
// The web server and the worker do the same at start; this is for an operator who wants it done
// (and checked) before a deploy.
import { openDatabase } from "#db/client";

const file = process.env.DATABASE_URL ?? "db/data/ocop.sqlite";
const db = openDatabase(file);
const applied = db.$client.prepare(`SELECT count(*) AS n FROM __drizzle_migrations`).get() as { n: number };
db.$client.close();
console.log(`${file}: ${applied.n} migrations applied, reference data in place`);
