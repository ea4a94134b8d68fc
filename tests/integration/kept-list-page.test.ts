// The list page's rows are kept while the catalogue stands still (keptListPage in
// app/catalog/products.server.ts): the same query is answered from memory, and any visible change
// (here a price) shows on the very next request.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { keptListPage } from "~/catalog/products.server";
import { db } from "~/db.server";
import { newNonce } from "~/http/content-security.server";
import { products } from "#db/schema";
import { seedCatalogFixture } from "../../scripts/fixtures/catalog";

beforeAll(() => {
  seedCatalogFixture();
});

describe("the kept list page", () => {
  it("is read once per catalogue version, and again after a price change", () => {
    const first = keptListPage({ page: 1 }, null);
    expect(first.items.length).toBeGreaterThan(0);
    expect(keptListPage({ page: 1 }, null)).toBe(first);
    expect(keptListPage({ page: 1, sort: "price_asc" }, null)).not.toBe(first); // another query, its own rows
    const card = first.items[0]!;
    db().update(products).set({ price: card.price + 1000 }).where(eq(products.id, card.id)).run();
    const next = keptListPage({ page: 1 }, null);
    expect(next).not.toBe(first);
    expect(next.items.find((c) => c.id === card.id)?.price).toBe(card.price + 1000);
  });
});

describe("nonces drawn from the pool", () => {
  it("are 128 bits each, never the same twice", () => {
    const nonces = Array.from({ length: 2000 }, newNonce);
    expect(new Set(nonces).size).toBe(2000);
    for (const n of nonces.slice(250, 260)) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });
});
