// Inserts the generated rows with raw prepared statements (no per-row query builders):
// the large seed writes millions of rows.
import type Database from "better-sqlite3";
import type { PlaceholderImage } from "./images";
import { imagesFor } from "./images";
import type { AccountRow, ListingRow } from "./listings";
import type { CertRow, CommuneRow, ProducerRow, ProductRow } from "./model";
import type { OrderSink, Row } from "./orders";
import { Rng } from "./random";
import type { TargetRow } from "./targets";
import type { UserRow } from "./users";
import { iso } from "./text";

const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

function inserter(client: Database.Database, table: string, columns: string[]) {
  const stmt = client.prepare(`INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
  return (row: Row) => stmt.run(row);
}

export function insertCommunes(client: Database.Database, communes: CommuneRow[]): void {
  const put = inserter(client, "communes", ["id", "province_id", "name", "kind", "former_province_id"]);
  for (const c of communes) put([c.id, c.provinceId, c.name, c.kind, c.formerProvinceId]);
}

export function insertUsers(client: Database.Database, users: UserRow[], hashes: { demo: Map<string, string>; shared: string }): void {
  const put = inserter(client, "users", ["id", "email", "password_hash", "name", "phone", "role", "province_id", "producer_id", "locale", "created_at"]);
  for (const u of users) {
    const hash = u.hash === "demo" ? hashes.demo.get(u.email) : hashes.shared;
    if (!hash) throw new Error(`no password hash for ${u.email}`);
    put([u.id, u.email, hash, u.name, u.phone, u.role, u.provinceId, u.producerId, u.locale, iso(u.createdAt)]);
  }
}

export function insertProducers(client: Database.Database, producers: ProducerRow[]): void {
  const put = inserter(client, "producers", [
    "id", "slug", "kind", "name", "tax_code", "province_id", "commune_id", "address", "contact_name", "phone", "email", "description",
    "bank_bin", "bank_account_number", "bank_account_name", "status", "verified_at", "verified_by", "created_at", "updated_at",
  ]);
  for (const p of producers) {
    put([
      p.id, p.slug, p.kind, p.name, p.taxCode, p.province.id, p.commune.id, p.address, p.contactName, p.phone, p.email, p.description,
      p.bankBin, p.bankAccountNumber, p.bankAccountName, p.status, isoOrNull(p.verifiedAt), p.verifiedBy, iso(p.createdAt), iso(p.updatedAt),
    ]);
  }
}

export function insertProducts(client: Database.Database, products: ProductRow[]): void {
  const put = inserter(client, "products", [
    "id", "producer_id", "slug", "name", "description", "ocop_group", "category_id", "unit", "weight_grams", "price", "stock", "status", "created_at", "updated_at",
  ]);
  for (const p of products) {
    put([p.id, p.producer.id, p.slug, p.name, p.description, p.group, p.category.id, p.unit, p.weightGrams, p.price, p.stock, p.status, iso(p.createdAt), iso(p.updatedAt)]);
  }
}

export function insertCertifications(client: Database.Database, certs: CertRow[]): void {
  const put = inserter(client, "certifications", ["id", "product_id", "kind", "stars", "number", "issuer", "issued_on", "expires_on", "issue_province_id", "created_at"]);
  certs.forEach((c, i) => put([i + 1, c.productId, c.kind, c.stars, c.number, c.issuer, c.issuedOn, c.expiresOn, c.issueProvinceId, iso(c.createdAt)]));
}

/** 1-3 rows per product from its category's placeholder designs. */
export function insertProductImages(client: Database.Database, products: ProductRow[], designs: Map<string, PlaceholderImage[]>): number {
  const put = inserter(client, "product_images", ["id", "product_id", "position", "storage_key", "width", "height", "widths", "avif_ready", "alt", "created_at"]);
  let id = 0;
  for (const p of products) {
    const set = designs.get(p.category.slug);
    if (!set || set.length === 0) continue;
    const rng = new Rng(`images:${p.id}`);
    for (const { image, position, alt } of imagesFor(rng, p.name, set)) {
      put([++id, p.id, position, image.storageKey, image.width, image.height, image.widths, image.avifReady ? 1 : 0, alt, iso(p.createdAt)]);
    }
  }
  return id;
}

export function insertListings(client: Database.Database, accounts: AccountRow[], listings: ListingRow[]): number {
  const putAccount = inserter(client, "marketplace_accounts", [
    "id", "producer_id", "marketplace_id", "external_shop_id", "shop_name", "credentials_encrypted", "token_expires_at", "status", "created_at", "updated_at",
  ]);
  for (const a of accounts) {
    putAccount([a.id, a.producerId, a.marketplaceId, a.externalShopId, a.shopName, null, isoOrNull(a.tokenExpiresAt), a.status, iso(a.createdAt), iso(a.updatedAt)]);
  }
  const putListing = inserter(client, "listings", [
    "id", "product_id", "marketplace_id", "account_id", "external_id", "external_url", "status", "last_error", "synced_price", "synced_stock",
    "live_since", "last_synced_at", "created_at", "updated_at",
  ]);
  const putEvent = inserter(client, "listing_events", ["id", "listing_id", "status", "detail", "at"]);
  let eventId = 0;
  for (const l of listings) {
    putListing([
      l.id, l.product.id, l.marketplaceId, l.accountId, l.externalId, l.externalUrl, l.status, l.lastError, l.syncedPrice, l.syncedStock,
      isoOrNull(l.liveSince), isoOrNull(l.lastSyncedAt), iso(l.createdAt), iso(l.updatedAt),
    ]);
    for (const e of l.events) putEvent([++eventId, l.id, e.status, e.detail, iso(e.at)]);
  }
  return eventId;
}

export function insertTargets(client: Database.Database, targets: TargetRow[]): void {
  const put = inserter(client, "province_targets", ["id", "province_id", "indicator", "year", "target_bp", "source", "updated_at"]);
  targets.forEach((t, i) => put([i + 1, t.provinceId, t.indicator, t.year, t.targetBp, t.source, t.updatedAt]));
}

export function orderSink(client: Database.Database): OrderSink {
  const order = inserter(client, "orders", [
    "id", "code", "checkout_code", "producer_id", "province_id", "channel", "external_id", "buyer_user_id", "buyer_name", "buyer_phone",
    "buyer_email", "ship_province_id", "ship_commune", "ship_street", "note", "subtotal", "shipping_fee", "total", "status", "placed_at", "placed_day",
    "completed_at", "cancelled_at", "created_at", "updated_at",
  ]);
  const item = inserter(client, "order_items", ["order_id", "product_id", "product_name", "unit_price", "quantity", "line_total"]);
  const payment = inserter(client, "payments", [
    "id", "order_id", "method", "channel", "provider", "provider_ref", "amount", "status", "paid_at", "created_at", "updated_at",
  ]);
  const event = inserter(client, "payment_events", ["payment_id", "provider", "event_id", "type", "status", "payload", "received_at"]);
  return { order, item, payment, paymentEvent: event };
}
