// Defaults for the marketplace connector, from each marketplace's definition (./marketplaces/):
// how fast to call it, and where the app's categories go there with the attributes they need.
// Written if missing, so an admin's edits stay.
import { sql } from "drizzle-orm";
import { CATEGORIES } from "./catalogue";
import { categoryMapping, MARKETPLACES } from "./marketplaces";
import type { MarketplaceDefinition } from "./marketplaces/definition";

type Tx = { run: (query: ReturnType<typeof sql>) => unknown };

/** Inserts missing settings and mappings (by marketplace code and category slug). */
export function ensureConnectorDefaults(tx: Tx): void {
  const definitions: MarketplaceDefinition[] = Object.values(MARKETPLACES);
  for (const { code, limits } of definitions) {
    tx.run(sql`insert into marketplace_settings (marketplace_id, calls_per_second, max_in_flight)
      select id, ${limits.callsPerSecond}, ${limits.maxInFlight} from marketplaces where code = ${code}
      on conflict do nothing`);
  }
  // Category by category, as the rows were always written (their ids stay the same).
  for (const { slug } of CATEGORIES) {
    for (const { code, categories, attributes } of definitions) {
      const { id, name } = categoryMapping(categories[slug]);
      tx.run(sql`insert into marketplace_category_map (marketplace_id, category_id, external_category_id, external_category_name, attributes)
        select m.id, c.id, ${id}, ${name}, ${JSON.stringify(attributes)} from marketplaces m, categories c
        where m.code = ${code} and c.slug = ${slug}
        on conflict do nothing`);
    }
  }
}
