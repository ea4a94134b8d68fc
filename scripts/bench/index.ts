// `npm run bench`: every benchmark, one after another, printing its figures.
// `npm run bench -- catalog` runs one by name.
import { benchCatalog } from "./catalog";
import { benchDashboard } from "./dashboard";
import { benchImages } from "./images";
import { benchImports } from "./imports";
import { benchPayments } from "./payments";
import { benchSeller } from "./seller";
import { benchSync } from "./sync";

const BENCHES: Record<string, () => Promise<void>> = {
  catalog: benchCatalog,
  images: benchImages,
  imports: benchImports,
  payments: benchPayments,
  dashboard: benchDashboard,
  seller: benchSeller,
  sync: benchSync,
};

const only = process.argv.slice(2);
for (const [name, bench] of Object.entries(BENCHES)) {
  if (only.length && !only.includes(name)) continue;
  console.log(`\n=== ${name} ===`);
  await bench();
}
