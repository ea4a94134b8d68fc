// A signed-in shopper's address book (owner of `shipping_addresses`): the checkout starts from the
// default address and offers the others; a new address used at checkout is added (at most
// MAX_ADDRESSES: the least recently used one that is not the default makes room); the account page
// adds, edits, deletes and picks the default. The first address is the default; deleting the default
// makes the most recently used one the default.
import { and, desc, eq, ne, sql } from "drizzle-orm";
import { db, type Tx } from "~/db.server";
import { provinces, shippingAddresses } from "#db/schema";

export const MAX_ADDRESSES = 10;

/** An address as a form holds it (the province by slug). */
export type AddressInput = { name: string; phone: string; provinceId: number; commune: string; street: string };

export type SavedAddress = {
  id: number;
  name: string;
  phone: string;
  provinceId: number;
  province: string;
  provinceName: string;
  provinceNameEn: string;
  commune: string;
  street: string;
  isDefault: boolean;
};

/** The book, default first, then the most recently used. */
export function addressBook(userId: number, tx: Tx | ReturnType<typeof db> = db()): SavedAddress[] {
  return tx
    .select({
      id: shippingAddresses.id,
      name: shippingAddresses.name,
      phone: shippingAddresses.phone,
      provinceId: shippingAddresses.provinceId,
      province: provinces.slug,
      provinceName: provinces.name,
      provinceNameEn: provinces.nameEn,
      commune: shippingAddresses.commune,
      street: shippingAddresses.street,
      isDefault: shippingAddresses.isDefault,
    })
    .from(shippingAddresses)
    .innerJoin(provinces, eq(provinces.id, shippingAddresses.provinceId))
    .where(eq(shippingAddresses.userId, userId))
    .orderBy(desc(shippingAddresses.isDefault), desc(shippingAddresses.lastUsedAt), desc(shippingAddresses.id))
    .all();
}

/** One address of this user's book, or null (another user's id is null too). */
export function savedAddress(userId: number, id: number): SavedAddress | null {
  return addressBook(userId).find((a) => a.id === id) ?? null;
}

const same = (a: AddressInput, b: AddressInput) =>
  a.name === b.name && a.phone === b.phone && a.provinceId === b.provinceId && a.commune === b.commune && a.street === b.street;

function makeRoom(tx: Tx, userId: number): void {
  const count = tx.select({ n: sql<number>`count(*)` }).from(shippingAddresses).where(eq(shippingAddresses.userId, userId)).get()!.n;
  if (count < MAX_ADDRESSES) return;
  const oldest = tx
    .select({ id: shippingAddresses.id })
    .from(shippingAddresses)
    .where(and(eq(shippingAddresses.userId, userId), eq(shippingAddresses.isDefault, false)))
    .orderBy(shippingAddresses.lastUsedAt, shippingAddresses.id)
    .limit(count - MAX_ADDRESSES + 1)
    .all();
  for (const { id } of oldest) tx.delete(shippingAddresses).where(eq(shippingAddresses.id, id)).run();
}

function insert(tx: Tx, userId: number, address: AddressInput, now: string): number {
  makeRoom(tx, userId);
  const hasDefault = tx.select({ id: shippingAddresses.id }).from(shippingAddresses).where(and(eq(shippingAddresses.userId, userId), eq(shippingAddresses.isDefault, true))).get();
  return tx
    .insert(shippingAddresses)
    .values({ userId, ...address, isDefault: !hasDefault, lastUsedAt: now, createdAt: now, updatedAt: now })
    .returning({ id: shippingAddresses.id })
    .get().id;
}

/**
 * At checkout (in its transaction): the address delivered to is remembered. An address already in the
 * book is marked used; a new one is added (the default when the book had none).
 */
export function rememberAddress(tx: Tx, userId: number, address: AddressInput, now = new Date()): number {
  const at = now.toISOString();
  const found = addressBook(userId, tx).find((a) => same(a, address));
  if (found) {
    tx.update(shippingAddresses).set({ lastUsedAt: at }).where(eq(shippingAddresses.id, found.id)).run();
    return found.id;
  }
  return insert(tx, userId, address, at);
}

/** At log-in (in the cart merge's transaction): a guest's address joins a book that has none yet. */
export function adoptGuestAddress(tx: Tx, userId: number, address: AddressInput): void {
  const any = tx.select({ id: shippingAddresses.id }).from(shippingAddresses).where(eq(shippingAddresses.userId, userId)).get();
  if (!any) insert(tx, userId, address, new Date().toISOString());
}

/** The account page's "Thêm địa chỉ": false when the book is full. */
export function addAddress(userId: number, address: AddressInput, makeDefault: boolean): boolean {
  return db().transaction((tx) => {
    const count = tx.select({ n: sql<number>`count(*)` }).from(shippingAddresses).where(eq(shippingAddresses.userId, userId)).get()!.n;
    if (count >= MAX_ADDRESSES) return false;
    const id = insert(tx, userId, address, new Date().toISOString());
    if (makeDefault) setDefault(tx, userId, id);
    return true;
  });
}

/** The account page's "Lưu": false when the id is not one of this user's. */
export function updateAddress(userId: number, id: number, address: AddressInput, makeDefault: boolean): boolean {
  return db().transaction((tx) => {
    const changed = tx
      .update(shippingAddresses)
      .set({ ...address, updatedAt: new Date().toISOString() })
      .where(and(eq(shippingAddresses.id, id), eq(shippingAddresses.userId, userId)))
      .run().changes;
    if (changed === 0) return false;
    if (makeDefault) setDefault(tx, userId, id);
    return true;
  });
}

function setDefault(tx: Tx, userId: number, id: number): void {
  tx.update(shippingAddresses).set({ isDefault: false }).where(and(eq(shippingAddresses.userId, userId), ne(shippingAddresses.id, id))).run();
  tx.update(shippingAddresses).set({ isDefault: true }).where(and(eq(shippingAddresses.userId, userId), eq(shippingAddresses.id, id))).run();
}

/** "Đặt làm mặc định": false when the id is not one of this user's. */
export function makeDefaultAddress(userId: number, id: number): boolean {
  return db().transaction((tx) => {
    const mine = tx.select({ id: shippingAddresses.id }).from(shippingAddresses).where(and(eq(shippingAddresses.id, id), eq(shippingAddresses.userId, userId))).get();
    if (!mine) return false;
    setDefault(tx, userId, id);
    return true;
  });
}

/** "Xóa": a deleted default hands over to the most recently used address left. */
export function deleteAddress(userId: number, id: number): boolean {
  return db().transaction((tx) => {
    const gone = tx
      .delete(shippingAddresses)
      .where(and(eq(shippingAddresses.id, id), eq(shippingAddresses.userId, userId)))
      .returning({ isDefault: shippingAddresses.isDefault })
      .get();
    if (!gone) return false;
    if (gone.isDefault) {
      const next = tx.select({ id: shippingAddresses.id }).from(shippingAddresses).where(eq(shippingAddresses.userId, userId)).orderBy(desc(shippingAddresses.lastUsedAt), desc(shippingAddresses.id)).get();
      if (next) setDefault(tx, userId, next.id);
    }
    return true;
  });
}
