// The cart: a guest's is found by a random token in an HttpOnly cookie (the table keeps its
// SHA-256), an account's by its user id. At log-in the guest cart is merged into the account's.
// Quantities are bounded by stock when added; checkout checks again under its lock.
import { createCookie } from "@remix-run/node";
import { and, eq, sql } from "drizzle-orm";
import { createHash, randomBytes } from "node:crypto";
import { db, statement } from "~/db.server";
import { env } from "~/env.server";
import { cartItems, carts } from "#db/schema";

export const MAX_LINE_QUANTITY = 999;

const cartCookie = createCookie("ocop_cart", {
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

export function findCartOfUser(userId: number): number | null {
  return (statement(`SELECT id FROM carts WHERE user_id = ?`).get(userId) as { id: number } | undefined)?.id ?? null;
}

function cartIdOfToken(token: string): number | null {
  return (statement(`SELECT id FROM carts WHERE token_hash = ?`).get(hashToken(token)) as { id: number } | undefined)?.id ?? null;
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

type Sellable = { id: number; name: string; stock: number };
function sellable(productId: number): Sellable | null {
  return (statement(`SELECT id, name, stock FROM products WHERE id = ? AND visible = 1`).get(productId) as Sellable | undefined) ?? null;
}

function currentQuantity(cartId: number, productId: number): number {
  return (statement(`SELECT quantity FROM cart_items WHERE cart_id = ? AND product_id = ?`).get(cartId, productId) as { quantity: number } | undefined)?.quantity ?? 0;
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
    const product = sellable(productId);
    if (!product) return { kind: "unknown_product" };
    const quantity = next(currentQuantity(cartId, productId));
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
  return (statement(`SELECT coalesce(sum(quantity), 0) AS n FROM cart_items WHERE cart_id = ?`).get(cartId) as { n: number }).n;
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
  return (
    statement(
      `SELECT p.id AS productId, p.slug, p.name, p.unit, p.price, ci.quantity, p.stock, p.visible AS available,
         pr.id AS producerId, pr.name AS producerName, pr.slug AS producerSlug, pr.province_id AS provinceId,
         p.ocop_group = 'tourism' AS tourism
       FROM cart_items ci JOIN products p ON p.id = ci.product_id JOIN producers pr ON pr.id = p.producer_id
       WHERE ci.cart_id = ?
       ORDER BY pr.id, ci.added_at, p.id`,
    ).all(cartId) as (Omit<CartLine, "available" | "tourism"> & { available: number; tourism: number })[]
  ).map((l) => ({ ...l, available: l.available === 1, tourism: l.tourism === 1 }));
}
