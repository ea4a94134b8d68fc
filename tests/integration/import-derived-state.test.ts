// The import's cheaper writes (migration 0023: derived columns set in the INSERT, the derive triggers
// skipped when there is nothing to derive) leave exactly the state the previous path left: the
// products' derived columns, the search index, the price history, the certificates and the sync
// queue row for row, and every change counter moved where it moved before. Each path runs in a
// transaction that is rolled back, so both start from the same database and allocate the same ids;
// the previous path is the previous INSERT with the previous trigger definitions put back.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { slugify } from "#db/fold";
import { db, statement } from "~/db.server";
import { applyProductRows } from "~/seller/import/apply-products.server";
import type { GoodRow } from "~/seller/import/product-rows.server";
import { insertRegistryDraft, type ImportedProductValues } from "~/seller/seller-products.server";
import { makeProducer, makeProduct } from "../../scripts/fixtures/workspace";

let previousInsert = false;
vi.mock("~/seller/seller-products.server", async (importOriginal) => {
  const real = await importOriginal<typeof import("~/seller/seller-products.server")>();
  return {
    ...real,
    insertImportedProduct: (values: Parameters<typeof real.insertImportedProduct>[0]) =>
      previousInsert ? insertAsBefore(values) : real.insertImportedProduct(values),
  };
});

/** The import's INSERT before migration 0023: no derived column, the triggers derived them afterwards. */
function insertAsBefore(values: ImportedProductValues & { sku: string | null }): number {
  const info = statement<[ImportedProductValues & { sku: string | null; slug: string }]>(
    `INSERT INTO products (producer_id, slug, sku, name, description, ocop_group, category_id, unit, weight_grams, price, stock, status)
     VALUES (@producerId, @slug, @sku, @name, @description, @ocopGroup, @categoryId, @unit, @weightGrams, @price, @stock, @status)`,
  ).run({
    producerId: values.producerId,
    sku: values.sku,
    name: values.name,
    description: values.description,
    ocopGroup: values.ocopGroup,
    categoryId: values.categoryId,
    unit: values.unit,
    weightGrams: values.weightGrams,
    price: values.price,
    stock: values.stock,
    slug: slugify(values.name).slice(0, 80), // the names below are unique, as uniqueProductSlug would leave them
    status: values.status === "active" ? "draft" : values.status,
  });
  return Number(info.lastInsertRowid);
}

/** A trigger's CREATE statement as a migration file defines it. */
function triggerIn(file: string, name: string): string {
  const sql = readFileSync(new URL(`../../db/migrations/${file}`, import.meta.url), "utf8");
  const found = sql.match(new RegExp("CREATE TRIGGER `" + name + "`[\\s\\S]*?\\nEND;"));
  if (!found) throw new Error(`${name} not in ${file}`);
  return found[0];
}

/** The trigger definitions before migration 0023, put back inside the caller's transaction. */
function previousTriggers(): void {
  db().$client.exec(
    [
      "DROP TRIGGER `products_derive_ai`;",
      "DROP TRIGGER `certifications_derive_ai`;",
      "DROP TRIGGER `products_fts_ai`;",
      triggerIn("0001_catalogue_triggers.sql", "products_derive_ai"),
      triggerIn("0020_ocop_review_registry_versions_report_office.sql", "certifications_derive_ai"),
    ].join("\n"),
  );
}

const omit = (rows: Record<string, unknown>[], keys: string[]) => rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !keys.includes(k))));

function counters(): Map<string, number> {
  return new Map(statement<[], { name: string; n: number }>(`SELECT name, n FROM change_counters`).all().map((c) => [c.name, c.n]));
}

/** Everything the triggers derive, and which counters moved, after `write`, then rolled back. */
function stateAfter(write: () => void, asBefore: boolean) {
  class Rollback extends Error {
    constructor(readonly state: unknown) {
      super("rollback");
    }
  }
  try {
    db().transaction(() => {
      if (asBefore) previousTriggers();
      previousInsert = asBefore;
      const before = counters();
      write();
      const after = counters();
      const all = (sql: string) => db().$client.prepare(sql).all() as Record<string, unknown>[];
      const moves = Object.fromEntries([...after].map(([name, n]) => [name, n - (before.get(name) ?? 0)]));
      throw new Rollback({
        moves,
        products: omit(all(`SELECT * FROM products ORDER BY id`), ["created_at", "updated_at"]),
        search: all(`SELECT rowid, name, description, producer FROM products_fts ORDER BY rowid`),
        history: omit(all(`SELECT * FROM product_history ORDER BY id`), ["at"]),
        certifications: omit(all(`SELECT * FROM certifications ORDER BY id`), ["created_at", "updated_at"]),
        syncJobs: omit(all(`SELECT * FROM sync_jobs ORDER BY id`), ["available_at", "updated_at", "created_at"]),
        countersMoved: [...after].filter(([name, n]) => n !== (before.get(name) ?? 0)).map(([name]) => name).sort(),
        counterNames: [...after.keys()].sort(),
      });
    });
  } catch (error) {
    if (error instanceof Rollback) {
      const { moves, ...state } = error.state as { moves: Record<string, number> };
      return { state, moves };
    }
    throw error;
  } finally {
    previousInsert = false;
  }
  throw new Error("the write did not roll back");
}

let producerId: number;
let pendingProducerId: number;
beforeAll(async () => {
  producerId = (await makeProducer("HTX Mật ong Tháp Mười")).producerId;
  pendingProducerId = (await makeProducer("HTX Chờ Duyệt", { status: "pending", province: "tien-giang" })).producerId;
  makeProduct(producerId, "Mật ong có sẵn", { sku: "EX-1", status: "draft" });
  makeProduct(producerId, "Mật ong đang bán", { sku: "EX-2" });
});

const product = (sku: string | undefined, name: string, status: "active" | "draft" | "archived" = "active") => ({
  ...(sku ? { sku } : {}),
  name,
  category: "mat-ong",
  unit: "hũ 500 g",
  weightGrams: 650,
  price: 150_000,
  stock: 5,
  status,
  description: `${name}: hoa nhãn, Đồng Tháp`,
});
const ocop = (number: string, stars: number, extra: { expiresOn?: string; issueProvince?: string } = {}) => ({ kind: "ocop" as const, stars, number, issuer: "UBND tỉnh Đồng Tháp", issuedOn: "2025-03-15", ...extra });

const ROWS: GoodRow[] = [
  // A new product with three OCOP certificates (one named twice, its later values counting) and a VietGAP one.
  { line: 2, group: "N-1", product: product("N-1", "Mật ong nhãn"), certificate: ocop("10/QĐ-UBND", 4) },
  { line: 3, group: "N-1", product: null, certificate: ocop("11/QĐ-UBND", 5, { expiresOn: "2026-12-31" }) },
  { line: 4, group: "N-1", product: null, certificate: { kind: "vietgap", number: "VG-77", issuer: "Trung tâm", issuedOn: "2025-01-02", expiresOn: "2027-01-01" } },
  { line: 5, group: "N-1", product: null, certificate: ocop("10/QĐ-UBND", 3, { expiresOn: "2029-06-30", issueProvince: "tien-giang" }) },
  // New products without certificates, in every status, one without a code (its code is issued).
  { line: 6, group: "N-2", product: product("N-2", "Mật ong bạc hà", "draft"), certificate: null },
  { line: 7, group: "#7", product: product(undefined, "Mật ong rừng U Minh", "archived"), certificate: null },
  { line: 8, group: "N-3", product: product("N-3", "Phấn hoa", "active"), certificate: ocop("12/QĐ-UBND", 3) },
  // Products already listed: one changed with a new certificate, one unchanged with one.
  { line: 9, group: "EX-1", product: { ...product("EX-1", "Mật ong có sẵn (mới)", "draft"), price: 170_000 }, certificate: ocop("13/QĐ-UBND", 5) },
  { line: 10, group: "EX-2", product: null, certificate: ocop("14/QĐ-UBND", 4) },
];

describe("the import's derived state", () => {
  it("is what the previous INSERT and trigger definitions left, products, search index, history and counters alike", () => {
    const write = () => applyProductRows(undefined as never, producerId, ROWS);
    const now = stateAfter(write, false);
    const before = stateAfter(write, true);
    expect(now.state).toEqual(before.state);
    // The comparison compares something: the new rows are there with their derived columns.
    const products = (now.state as { products: { sku: string; province_id: number | null; ocop5_valid_until: string | null }[] }).products;
    expect(products.find((p) => p.sku === "N-1")).toMatchObject({ province_id: expect.any(Number), ocop5_valid_until: "2026-12-31" });
    // The catalogue counter moves once more for every UPDATE of a product the triggers run: the 4 new
    // products are no longer updated after their insert, nor N-3 after its certificate (N-1's are
    // named twice, so its columns change on the way, as before).
    expect(before.moves.catalogue! - now.moves.catalogue!).toBe(5);
  });

  it("is the same for the drafts the officials' registry import creates", () => {
    const names = ["Khô cá lóc Tháp Mười", "Bánh phồng tôm Sa Giang"];
    const now = stateAfter(() => names.forEach((name) => insertRegistryDraft(pendingProducerId, name, "food")), false);
    const before = stateAfter(() => {
      for (const name of names) {
        db().$client
          .prepare(`INSERT INTO products (producer_id, slug, name, description, ocop_group, unit, price, stock, status) VALUES (?, ?, ?, '', ?, '', 0, 0, 'draft')`)
          .run(pendingProducerId, slugify(name), name, "food");
      }
    }, true);
    expect(now.state).toEqual(before.state);
    expect(before.moves.catalogue! - now.moves.catalogue!).toBe(names.length);
  });

  it("is the same for a product inserted visible with its derived columns set, and for one set wrongly", () => {
    const insert = (derived: boolean, owner: number, name: string) =>
      db().$client
        .prepare(
          derived
            ? `INSERT INTO products (producer_id, slug, name, description, ocop_group, unit, price, stock, status, province_id, visible)
               VALUES (?, ?, ?, 'Đặc sản', 'food', 'hũ', 90000, 3, 'active', (SELECT province_id FROM producers WHERE id = ?), 1)`
            : `INSERT INTO products (producer_id, slug, name, description, ocop_group, unit, price, stock, status) VALUES (?, ?, ?, 'Đặc sản', 'food', 'hũ', 90000, 3, 'active')`,
        )
        .run(...(derived ? [owner, slugify(name), name, owner] : [owner, slugify(name), name]));
    const write = (derived: boolean) => () => {
      insert(derived, producerId, "Mật ong đặc biệt"); // verified: visible, in the search index
      insert(derived, pendingProducerId, "Mắm chờ duyệt"); // pending: "visible = 1" is wrong, the trigger corrects it
    };
    const now = stateAfter(write(true), false).state as { search: { name: string }[] };
    expect(now).toEqual(stateAfter(write(false), true).state);
    expect(now.search.map((s) => s.name)).toContain("Mật ong dặc biệt");
    expect(now.search.map((s) => s.name)).not.toContain("Mắm chờ duyệt");
  });
});
