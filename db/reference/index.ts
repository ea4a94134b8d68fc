// Writes the reference data into a database. Idempotent: rows that exist are left as an
// admin may have edited them.
import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { categories, marketplaces, paymentMethods, provinces } from "../schema";
import { CATEGORIES, PAYMENT_METHODS } from "./catalogue";
import { ensureConnectorDefaults } from "./connector";
import { MARKETPLACES } from "./marketplaces";
import { CURRENT_PROVINCES, FORMER_PROVINCES } from "./provinces";

export function ensureReferenceData(db: Db): void {
  db.transaction((tx) => {
    for (const p of CURRENT_PROVINCES) {
      tx.insert(provinces)
        .values({ ...p, isCurrent: true })
        .onConflictDoNothing({ target: provinces.slug })
        .run();
    }
    tx.run(sql`update provinces set successor_id = id where is_current = 1 and successor_id is null`);
    for (const { mergedInto, ...p } of FORMER_PROVINCES) {
      tx.insert(provinces)
        .values({
          ...p,
          isCurrent: false,
          successorId: sql`(select id from provinces where slug = ${mergedInto})`,
        })
        .onConflictDoNothing({ target: provinces.slug })
        .run();
    }
    for (const c of CATEGORIES) tx.insert(categories).values(c).onConflictDoNothing().run();
    for (const { code, name, hasApi } of Object.values(MARKETPLACES)) tx.insert(marketplaces).values({ code, name, hasApi }).onConflictDoNothing().run();
    for (const m of PAYMENT_METHODS) tx.insert(paymentMethods).values(m).onConflictDoNothing().run();
    ensureConnectorDefaults(tx);
  });
}
