import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "~/auth/password.server";
import { db } from "~/db.server";
import { cartCount } from "~/checkout/cart.server";
import { action as loginAction } from "~/routes/storefront/dang-nhap";
import { action as cartAction, loader as cartLoader } from "~/routes/storefront/gio-hang";
import { cartItems, carts, products, users } from "#db/schema";
import { call, dataOf, fillCart, get, locationOf, post, seedShop, statusOf, type Shop } from "../../scripts/fixtures/shop";

let shop: Shop;
beforeAll(() => {
  shop = seedShop();
});

type CartReply = { ok: boolean; problem: { key: string; params?: Record<string, unknown> } | null };
const cookieFrom = (r: unknown) => ((r as Response).headers ?? (r as { init: { headers: Headers } }).init.headers).get("Set-Cookie")?.split(";")[0] ?? null;

describe("a guest's cart", () => {
  let guest = "";

  it("adds a product without JavaScript (redirect to the cart) and remembers the guest by an HttpOnly cookie", async () => {
    const r = await call(cartAction, post("/gio-hang", { intent: "add", productId: String(shop.sen), quantity: "2" }));
    expect(statusOf(r)).toBe(302);
    expect(locationOf(r)).toBe("/gio-hang");
    const setCookie = (r as Response).headers.get("Set-Cookie")!;
    expect(setCookie).toMatch(/^ocop_cart=.+; Max-Age=2592000; Path=\/; HttpOnly; SameSite=Lax/);
    guest = setCookie.split(";")[0]!;
    // Only a hash of the token is stored.
    expect(db().select().from(carts).all()[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const page = (await call(cartLoader, get("/gio-hang", guest))) as { lines: { name: string; quantity: number }[] };
    expect(page.lines.map((l) => [l.name, l.quantity])).toEqual([["Hạt sen sấy Đồng Tháp", 2]]);
  });

  it("with JavaScript stays on the product page and says it was added", async () => {
    const r = await call(cartAction, post("/gio-hang", { intent: "add", productId: String(shop.nuocMam), quantity: "1", stay: "1" }, guest));
    expect(dataOf<CartReply>(r)).toMatchObject({ ok: true, problem: null });
    expect(await cartCount(get("/", guest), null)).toBe(3);
  });

  it("refuses 0, negative, fractional or non-numeric quantities with one clear message", async () => {
    for (const quantity of ["0", "-3", "1.5", "abc", ""]) {
      const r = await call(cartAction, post("/gio-hang", { intent: "add", productId: String(shop.sen), quantity }, guest));
      expect(statusOf(r)).toBe(400);
      expect(dataOf<CartReply>(r).problem).toEqual({ key: "cart.quantityInvalid" });
    }
    expect(await cartCount(get("/", guest), null)).toBe(3);
  });

  it("bounds quantities by the stock", async () => {
    const over = await call(cartAction, post("/gio-hang", { intent: "add", productId: String(shop.sen), quantity: "9" }, guest));
    expect(statusOf(over)).toBe(409);
    expect(dataOf<CartReply>(over).problem).toEqual({ key: "cart.onlyLeft", params: { name: "Hạt sen sấy Đồng Tháp", count: 10 } });
    const update = await call(cartAction, post("/gio-hang", { intent: "update", productId: String(shop.sen), quantity: "10" }, guest));
    expect(statusOf(update)).toBe(302);
    db().update(products).set({ stock: 0 }).where(eq(products.id, shop.xoai)).run();
    const none = await call(cartAction, post("/gio-hang", { intent: "add", productId: String(shop.xoai), quantity: "1" }, guest));
    expect(dataOf<CartReply>(none).problem).toEqual({ key: "cart.outOfStock", params: { name: "Xoài sấy dẻo" } });
    db().update(products).set({ stock: 50 }).where(eq(products.id, shop.xoai)).run();
    const unknown = await call(cartAction, post("/gio-hang", { intent: "add", productId: "999999", quantity: "1" }, guest));
    expect(dataOf<CartReply>(unknown).problem).toEqual({ key: "cart.unknownProduct" });
  });

  it("is merged into the account's cart at log-in, never past the stock", async () => {
    const passwordHash = await hashPassword("mat-khau-du-dai");
    const userId = db().insert(users).values({ email: "lan@example.vn", passwordHash, name: "Nguyễn Thị Lan", role: "shopper" }).returning({ id: users.id }).get().id;
    fillCart(userId, [
      [shop.sen, 4],
      [shop.xoai, 1],
    ]);
    const r = (await call(loginAction, post("/dang-nhap", { email: "lan@example.vn", password: "mat-khau-du-dai", redirectTo: "/thanh-toan" }, guest))) as Response;
    expect(r.status).toBe(302);
    expect(r.headers.get("Location")).toBe("/thanh-toan");
    const cookies = r.headers.getSetCookie();
    expect(cookies.some((c) => c.startsWith("ocop_session="))).toBe(true);
    expect(cookies.some((c) => /^ocop_cart=; Max-Age=0/.test(c))).toBe(true);
    const cartId = db().select().from(carts).where(eq(carts.userId, userId)).get()!.id;
    const lines = db().select().from(cartItems).where(eq(cartItems.cartId, cartId)).all();
    expect(Object.fromEntries(lines.map((l) => [l.productId, l.quantity]))).toEqual({ [shop.sen]: 10, [shop.xoai]: 1, [shop.nuocMam]: 1 });
    expect(db().select().from(carts).all()).toHaveLength(1);
  });

  it("removes a line", async () => {
    const fresh = await call(cartAction, post("/gio-hang", { intent: "add", productId: String(shop.tour), quantity: "1" }));
    const c = cookieFrom(fresh)!;
    await call(cartAction, post("/gio-hang", { intent: "remove", productId: String(shop.tour) }, c));
    expect(await cartCount(get("/", c), null)).toBe(0);
  });

  it("refuses a cart change without the CSRF token", async () => {
    const request = new Request("http://127.0.0.1:3000/gio-hang", {
      method: "POST",
      body: new URLSearchParams({ intent: "add", productId: String(shop.sen), quantity: "1" }),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(statusOf(await call(cartAction, request))).toBe(403);
  });
});
