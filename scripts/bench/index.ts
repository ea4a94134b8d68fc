// `npm run bench`: every benchmark, one after another, printing its figures.
// `npm run bench -- catalog` runs one by name.
import { benchCatalog } from "./catalog";
import { benchSync } from "./sync";

const BENCHES: Record<string, () => Promise<void>> = { catalog: benchCatalog, sync: benchSync };

const only = process.argv.slice(2);
for (const [name, bench] of Object.entries(BENCHES)) {
  if (only.length && !only.includes(name)) continue;
  console.log(`\n=== ${name} ===`);
  await bench();
}
