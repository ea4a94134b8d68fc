// The cart: a guest's is found by a random token in an HttpOnly cookie (the table keeps its
// SHA-256), an account's by its user id. At log-in the guest cart is merged into the account's.
// Quantities are bounded by stock when added; checkout checks again under its lock.
import { createCookie } from "@remix-run/node";
import { and, eq, sql } from "drizzle-orm";
import { createHash, randomBytes } from "node:crypto";
import { db, type Tx } from "~/db.server";
import { env } from "~/env.server";
import { CART_COOKIE } from "~/http/visitor";
import { cartItems, carts, producers, products, provinces, users } from "#db/schema";
import { adoptGuestAddress } from "./address-book.server";

export const MAX_LINE_QUANTITY = 999;

const cartCookie = createCookie(CART_COOKIE, {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  secure: env().PUBLIC_URL.startsWith("https:"),
  maxAge: 30 * 24 * 3600,
});

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

async function guestToken(request: Request): Promise<string | null> {
  const token: unknown = await cartCookie.parse(request.headers.get("Cookie"));
  return typeof token === "string" && token.length >= 32 ? token : null;
}

// The header's badge, the cart page and checkout read these on every request: prepared once (db() is
// one client per process).
const prepareQueries = () => ({
  ofUser: db().select({ id: carts.id }).from(carts).where(eq(carts.userId, sql.placeholder("userId"))).prepare(),
  ofToken: db().select({ id: carts.id }).from(carts).where(eq(carts.tokenHash, sql.placeholder("hash"))).prepare(),
  units: db()
    .select({ n: sql<number>`coalesce(sum(${cartItems.quantity}), 0)` })
    .from(cartItems)
    .where(eq(cartItems.cartId, sql.placeholder("cartId")))
    .prepare(),
  lines: db()
    .select({
      productId: products.id,
      slug: products.slug,
      name: products.name,
      unit: products.unit,
      price: products.price,
      quantity: cartItems.quantity,
      stock: products.stock,
      available: products.visible,
      producerId: producers.id,
      producerName: producers.name,
      producerSlug: producers.slug,
      provinceId: producers.provinceId,
      ocopGroup: products.ocopGroup,
    })
    .from(cartItems)
    .innerJoin(products, eq(products.id, cartItems.productId))
    .innerJoin(producers, eq(producers.id, products.producerId))
    .where(eq(cartItems.cartId, sql.placeholder("cartId")))
    .orderBy(producers.id, cartItems.addedAt, products.id)
    .prepare(),
});
let prepared: ReturnType<typeof prepareQueries> | undefined;
const queries = () => (prepared ??= prepareQueries());

export function findCartOfUser(userId: number): number | null {
  return queries().ofUser.get({ userId })?.id ?? null;
}

function cartIdOfToken(token: string): number | null {
  return queries().ofToken.get({ hash: hashToken(token) })?.id ?? null;
}

/** The visitor's cart id, or null when they have none yet. */
export async function findCart(request: Request, userId: number | null): Promise<number | null> {
  if (userId !== null) return findCartOfUser(userId);
  const token = await guestToken(request);
  return token ? cartIdOfToken(token) : null;
}

/** The visitor's cart, created if needed; `setCookie` is set when a guest got a new one. */
export async function ensureCart(request: Request, userId: number | null): Promise<{ cartId: number; setCookie: string | null }> {
  const existing = await findCart(request, userId);
  if (existing !== null) return { cartId: existing, setCookie: null };
  if (userId !== null) {
    const row = db().insert(carts).values({ userId }).onConflictDoNothing().returning({ id: carts.id }).get();
    return { cartId: row?.id ?? findCartOfUser(userId)!, setCookie: null };
  }
  const token = randomBytes(32).toString("base64url");
  const row = db().insert(carts).values({ tokenHash: hashToken(token) }).returning({ id: carts.id }).get();
  return { cartId: row.id, setCookie: await cartCookie.serialize(token) };
}

export type CartProblem = { kind: "unknown_product" } | { kind: "out_of_stock"; name: string; available: number };

function sellable(tx: Tx, productId: number) {
  return (
    tx
      .select({ id: products.id, name: products.name, stock: products.stock })
      .from(products)
      .where(and(eq(products.id, productId), eq(products.visible, true)))
      .get() ?? null
  );
}

function currentQuantity(tx: Tx, cartId: number, productId: number): number {
  return (
    tx
      .select({ quantity: cartItems.quantity })
      .from(cartItems)
      .where(and(eq(cartItems.cartId, cartId), eq(cartItems.productId, productId)))
      .get()?.quantity ?? 0
  );
}

/** Adds `quantity` to the line (creating it); refused when the total would pass the stock. */
export function addToCart(cartId: number, productId: number, quantity: number): CartProblem | null {
  return setLine(cartId, productId, (have) => have + quantity);
}

/** Sets the line's quantity; refused when it passes the stock. */
export function setCartQuantity(cartId: number, productId: number, quantity: number): CartProblem | null {
  return setLine(cartId, productId, () => quantity);
}

function setLine(cartId: number, productId: number, next: (have: number) => number): CartProblem | null {
  return db().transaction((tx) => {
    const product = sellable(tx, productId);
    if (!product) return { kind: "unknown_product" };
    const quantity = next(currentQuantity(tx, cartId, productId));
    if (quantity > product.stock || quantity > MAX_LINE_QUANTITY) {
      return { kind: "out_of_stock", name: product.name, available: Math.min(product.stock, MAX_LINE_QUANTITY) };
    }
    tx.insert(cartItems)
      .values({ cartId, productId, quantity })
      .onConflictDoUpdate({ target: [cartItems.cartId, cartItems.productId], set: { quantity } })
      .run();
    tx.update(carts).set({ updatedAt: new Date().toISOString() }).where(eq(carts.id, cartId)).run();
    return null;
  });
}

export function removeFromCart(cartId: number, productId: number): void {
  db().delete(cartItems).where(and(eq(cartItems.cartId, cartId), eq(cartItems.productId, productId))).run();
}

/** Units in the visitor's cart (the header's badge). */
export async function cartCount(request: Request, userId: number | null): Promise<number> {
  const cartId = await findCart(request, userId);
  if (cartId === null) return 0;
  return queries().units.get({ cartId })?.n ?? 0;
}

/** Empties a cart once its lines became orders (in the checkout's transaction). */
export function emptyCart(tx: Tx, cartId: number): void {
  tx.delete(cartItems).where(eq(cartItems.cartId, cartId)).run();
}

/**
 * At log-in: moves the guest cart's lines into the account's cart (adding quantities, never
 * past the stock), deletes the guest cart, and returns the Set-Cookie that forgets it.
 */
export async function mergeGuestCart(request: Request, userId: number): Promise<string | null> {
  const token = await guestToken(request);
  if (!token) return null;
  const guestId = cartIdOfToken(token);
  const clear = await cartCookie.serialize("", { maxAge: 0 });
  if (guestId === null) return clear;
  db().transaction((tx) => {
    adoptAddress(tx, guestId, userId);
    tx.insert(carts).values({ userId }).onConflictDoNothing().run();
    const mine = findCartOfUser(userId)!;
    tx.run(sql`
      INSERT INTO cart_items (cart_id, product_id, quantity, added_at)
      SELECT ${mine}, g.product_id, min(g.quantity, p.stock, ${MAX_LINE_QUANTITY}), g.added_at
      FROM cart_items g JOIN products p ON p.id = g.product_id
      WHERE g.cart_id = ${guestId} AND p.visible = 1 AND p.stock > 0
      ON CONFLICT (cart_id, product_id) DO UPDATE SET quantity = min(
        cart_items.quantity + excluded.quantity,
        (SELECT stock FROM products WHERE id = excluded.product_id),
        ${MAX_LINE_QUANTITY})`);
    tx.delete(carts).where(eq(carts.id, guestId)).run();
  });
  return clear;
}

export type GuestAddress = { province: string; commune: string; street: string };

/** The delivery address a guest gave on the cart page (for the fee), or null. */
export function guestAddress(cartId: number): GuestAddress | null {
  return (
    db()
      .select({ province: provinces.slug, commune: sql<string>`coalesce(${carts.shipCommune}, '')`, street: sql<string>`coalesce(${carts.shipStreet}, '')` })
      .from(carts)
      .innerJoin(provinces, eq(provinces.id, carts.shipProvinceId))
      .where(and(eq(carts.id, cartId), sql`${carts.tokenHash} IS NOT NULL`))
      .get() ?? null
  );
}

/** Keeps a guest's delivery address with their cart (never in the cookie: it holds only the token). */
export function setGuestAddress(cartId: number, address: { provinceId: number; commune: string; street: string }): void {
  db()
    .update(carts)
    .set({ shipProvinceId: address.provinceId, shipCommune: address.commune || null, shipStreet: address.street || null, updatedAt: new Date().toISOString() })
    .where(and(eq(carts.id, cartId), sql`${carts.tokenHash} IS NOT NULL`))
    .run();
}

/** At log-in: a whole guest address (province, commune, street) joins an empty address book, under the account's name and phone. */
function adoptAddress(tx: Tx, guestId: number, userId: number): void {
  const cart = tx.select({ provinceId: carts.shipProvinceId, commune: carts.shipCommune, street: carts.shipStreet }).from(carts).where(eq(carts.id, guestId)).get();
  const user = tx.select({ name: users.name, phone: users.phone }).from(users).where(eq(users.id, userId)).get();
  if (!cart?.provinceId || !cart.commune || !cart.street || !user?.phone) return;
  adoptGuestAddress(tx, userId, { name: user.name.slice(0, 100), phone: user.phone, provinceId: cart.provinceId, commune: cart.commune, street: cart.street });
}

export type CartLine = {
  productId: number;
  slug: string;
  name: string;
  unit: string;
  price: number;
  quantity: number;
  stock: number;
  available: boolean;
  producerId: number;
  producerName: string;
  producerSlug: string;
  provinceId: number;
  tourism: boolean;
};

/** The cart's lines with today's prices and stock, grouped by producer in the order they were added. */
export function cartLines(cartId: number): CartLine[] {
  return queries()
    .lines.all({ cartId })
    .map(({ ocopGroup, ...l }) => ({ ...l, tourism: ocopGroup === "tourism" }));
}

/**
 * A claimed registry copy merged into the claimant's product: cart lines move to it; a cart that
 * already holds the claimant's product keeps its own line and loses the copy's.
 */
export function reassignCartItems(tx: Tx, fromProductId: number, toProductId: number): void {
  tx.update(cartItems)
    .set({ productId: toProductId })
    .where(and(eq(cartItems.productId, fromProductId), sql`${cartItems.cartId} NOT IN (SELECT cart_id FROM cart_items WHERE product_id = ${toProductId})`))
    .run();
  tx.delete(cartItems).where(eq(cartItems.productId, fromProductId)).run();
}
