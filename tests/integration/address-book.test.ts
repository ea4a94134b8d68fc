// Where a shopper's address is remembered: a signed-in shopper's address book (checkout adds and picks,
// the account page edits), a guest's address kept with their cart (never in the cookie) that joins the
// book at log-in; the checkout's "Tính phí" that places nothing; and "Lưu mã QR", the VietQR as a PNG.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "~/auth/password.server";
import { addressBook, MAX_ADDRESSES } from "~/checkout/address-book.server";
import { db } from "~/db.server";
import { action as loginAction } from "~/routes/storefront/dang-nhap";
import { loader as qrLoader } from "~/routes/storefront/don-hang.$code_.ma-qr.$order";
import { action as cartAction, loader as cartLoader } from "~/routes/storefront/gio-hang";
import { action as accountAction } from "~/routes/storefront/tai-khoan";
import { action as checkoutAction, loader as checkoutLoader } from "~/routes/storefront/thanh-toan";
import { carts, orders, users } from "#db/schema";
import { ADDRESS, call, count, dataOf, fillCart, get, locationOf, newShopper, post, seedShop, statusOf, type Shop } from "../../scripts/fixtures/shop";

let shop: Shop;
beforeAll(() => {
  shop = seedShop();
});

const HUE = {
  name: "Lê Văn Huế",
  phone: "0905 111 222",
  province: "hue",
  commune: "Phường Thuận Hóa",
  street: "15 Lê Lợi",
};
const checkoutCode = (r: unknown) => /\/don-hang\/(CK\d+)$/.exec(locationOf(r) ?? "")?.[1] ?? null;
const shipped = (code: string) => db().select({ street: orders.shipStreet, name: orders.buyerName }).from(orders).where(eq(orders.checkoutCode, code)).get();

describe("a signed-in shopper's address book", () => {
  it("keeps each new address used at checkout, the first as the default, and delivers to the one chosen", async () => {
    const buyer = await newShopper("so-dia-chi@example.vn");
    fillCart(buyer.id, [[shop.sen, 1]]);
    const first = await call(checkoutAction, post("/thanh-toan", { address: "new", ...ADDRESS, method: "cod" }, buyer.cookie));
    expect(checkoutCode(first)).not.toBeNull();
    fillCart(buyer.id, [[shop.sen, 1]]);
    await call(checkoutAction, post("/thanh-toan", { address: "new", ...HUE, method: "cod" }, buyer.cookie));
    const book = addressBook(buyer.id);
    expect(book.map((a) => [a.street, a.isDefault])).toEqual([
      [ADDRESS.street, true],
      [HUE.street, false],
    ]);
    // The same address again is not a second entry; a saved one is chosen by its id, its fields ignored.
    fillCart(buyer.id, [[shop.sen, 1]]);
    const chosen = await call(checkoutAction, post("/thanh-toan", { address: String(book[1]!.id), name: "", street: "", method: "cod" }, buyer.cookie));
    expect(shipped(checkoutCode(chosen)!)).toEqual({
      street: HUE.street,
      name: HUE.name,
    });
    expect(addressBook(buyer.id)).toHaveLength(2);
    // Another shopper's address id is not theirs to use: the form's own fields are asked for.
    const other = await newShopper("khac-so-dia-chi@example.vn");
    fillCart(other.id, [[shop.sen, 1]]);
    const refused = await call(checkoutAction, post("/thanh-toan", { address: String(book[1]!.id), method: "cod" }, other.cookie));
    expect(statusOf(refused)).toBe(400);
    expect(dataOf<{ errors: Record<string, string> }>(refused).errors).toMatchObject({
      name: "checkout.validation.name",
      street: "checkout.validation.street",
    });
  });

  it("holds at most ten: a new address at checkout replaces the least recently used, never the default", async () => {
    const buyer = await newShopper("muoi-dia-chi@example.vn");
    for (let i = 1; i <= MAX_ADDRESSES; i++) {
      const r = await call(accountAction, post("/tai-khoan", { intent: "address-add", ...ADDRESS, street: `Số ${i} phố Huế` }, buyer.cookie));
      expect(statusOf(r)).toBe(302);
    }
    const full = await call(accountAction, post("/tai-khoan", { intent: "address-add", ...ADDRESS, street: "Số 11 phố Huế" }, buyer.cookie));
    expect(statusOf(full)).toBe(409);
    expect(dataOf<{ errors: Record<string, string> }>(full).errors.form).toBe("address.full");
    fillCart(buyer.id, [[shop.sen, 1]]);
    await call(checkoutAction, post("/thanh-toan", { address: "new", ...HUE, method: "cod" }, buyer.cookie));
    const streets = addressBook(buyer.id).map((a) => a.street);
    expect(streets).toHaveLength(MAX_ADDRESSES);
    expect(streets[0]).toBe("Số 1 phố Huế"); // the default stays
    expect(streets).toContain(HUE.street);
    expect(streets).not.toContain("Số 2 phố Huế"); // the least recently used made room
  });

  it("is edited on the account page: fields checked next to each, a default picked, a deleted default handed over", async () => {
    const buyer = await newShopper("sua-dia-chi@example.vn");
    await call(accountAction, post("/tai-khoan", { intent: "address-add", ...ADDRESS }, buyer.cookie));
    await call(accountAction, post("/tai-khoan", { intent: "address-add", ...HUE, default: "1" }, buyer.cookie));
    let book = addressBook(buyer.id);
    expect(book.map((a) => [a.street, a.isDefault])).toEqual([
      [HUE.street, true],
      [ADDRESS.street, false],
    ]);
    const bad = await call(
      accountAction,
      post(
        "/tai-khoan",
        {
          intent: "address-save",
          id: String(book[1]!.id),
          ...ADDRESS,
          phone: "123",
          province: "ha-tay",
        },
        buyer.cookie
      )
    );
    expect(statusOf(bad)).toBe(400);
    expect(dataOf<{ form: string; errors: Record<string, string> }>(bad)).toMatchObject({
      form: String(book[1]!.id),
      errors: {
        phone: "validation.phone",
        province: "checkout.validation.province",
      },
    });
    await call(
      accountAction,
      post(
        "/tai-khoan",
        {
          intent: "address-save",
          id: String(book[1]!.id),
          ...ADDRESS,
          street: "Số 99 phố Kim Mã",
        },
        buyer.cookie
      )
    );
    await call(accountAction, post("/tai-khoan", { intent: "address-default", id: String(book[1]!.id) }, buyer.cookie));
    book = addressBook(buyer.id);
    expect(book.map((a) => [a.street, a.isDefault])).toEqual([
      ["Số 99 phố Kim Mã", true],
      [HUE.street, false],
    ]);
    // Someone else's address: not found, nothing changed.
    const stranger = await newShopper("la-mat@example.vn");
    const theirs = await call(accountAction, post("/tai-khoan", { intent: "address-delete", id: String(book[0]!.id) }, stranger.cookie));
    expect(statusOf(theirs)).toBe(404);
    await call(accountAction, post("/tai-khoan", { intent: "address-delete", id: String(book[0]!.id) }, buyer.cookie));
    expect(addressBook(buyer.id).map((a) => [a.street, a.isDefault])).toEqual([[HUE.street, true]]);
    // The checkout starts from the default.
    fillCart(buyer.id, [[shop.sen, 1]]);
    const page = (await call(checkoutLoader, get("/thanh-toan", buyer.cookie))) as { defaults: { address: string } };
    expect(page.defaults.address).toBe(String(addressBook(buyer.id)[0]!.id));
  });
});

describe("'Tính phí' without JavaScript", () => {
  it("echoes the form for the page to show the fee and total, and places nothing", async () => {
    const buyer = await newShopper("tinh-phi@example.vn");
    fillCart(buyer.id, [[shop.sen, 1]]);
    const before = count("orders");
    const r = await call(
      checkoutAction,
      post(
        "/thanh-toan",
        {
          intent: "estimate",
          address: "new",
          province: "dong-thap",
          method: "cod",
        },
        buyer.cookie
      )
    );
    expect(statusOf(r)).toBe(200);
    expect((r as { values: Record<string, string> }).values).toMatchObject({
      province: "dong-thap",
      method: "cod",
    });
    expect(count("orders")).toBe(before);
  });
});

describe("a guest's address, kept with their cart", () => {
  /** A guest who added a hạt sen: their cart cookie. */
  const guestWithCart = async () => {
    const added = (await call(cartAction, post("/gio-hang", { intent: "add", productId: String(shop.sen), quantity: "1" }))) as Response;
    return added.headers.get("Set-Cookie")!.split(";")[0]!;
  };
  /** The guest's "Tính phí" with the Hà Nội address. */
  const keepGuestAddress = async (guest: string) =>
    (await call(cartAction, post("/gio-hang", { intent: "address", province: "ha-noi", commune: ADDRESS.commune, street: ADDRESS.street }, guest))) as Response;

  it("shows the fee and total on the cart, keeps the cookie a bare token, and joins the book at log-in", async () => {
    const guest = await guestWithCart();
    const bad = await call(cartAction, post("/gio-hang", { intent: "address", province: "ha-tay", commune: "x" }, guest));
    expect(statusOf(bad)).toBe(400);
    expect(dataOf<{ errors: Record<string, string> }>(bad).errors).toEqual({
      province: "checkout.validation.province",
      commune: "checkout.validation.commune",
    });

    const kept = await keepGuestAddress(guest);
    expect(kept.status).toBe(302);
    expect(kept.headers.get("Set-Cookie")).toBeNull(); // the cookie stays the random token it was
    const page = (await call(cartLoader, get("/gio-hang", guest))) as {
      address: unknown;
      shipping: number;
      total: number;
    };
    expect(page.address).toEqual({
      province: "ha-noi",
      commune: ADDRESS.commune,
      street: ADDRESS.street,
    });
    // Hạt sen 120.000 ₫ from Đồng Tháp to Hà Nội: the default rate's fee for another province.
    expect(page.shipping).toBeGreaterThan(0);
    expect(page.total).toBe(120_000 + page.shipping);

    const passwordHash = await hashPassword("mat-khau-du-dai");
    const userId = db()
      .insert(users)
      .values({
        email: "khach-vang-lai@example.vn",
        passwordHash,
        name: "Phạm Thị Khách",
        phone: "0911222333",
        role: "shopper",
      })
      .returning({ id: users.id })
      .get().id;
    await call(
      loginAction,
      post(
        "/dang-nhap",
        {
          email: "khach-vang-lai@example.vn",
          password: "mat-khau-du-dai",
          redirectTo: "/thanh-toan",
        },
        guest
      )
    );
    expect(addressBook(userId)).toMatchObject([
      {
        name: "Phạm Thị Khách",
        phone: "0911222333",
        province: "ha-noi",
        commune: ADDRESS.commune,
        street: ADDRESS.street,
        isDefault: true,
      },
    ]);
    expect(db().select().from(carts).where(eq(carts.userId, userId)).get()!.shipStreet).toBeNull();
  });

  it("does not add to a book that already has addresses, nor keep an address for a visitor without a cart", async () => {
    const buyer = await newShopper("da-co-so@example.vn");
    db()
      .update(users)
      .set({ passwordHash: await hashPassword("mat-khau-du-dai") })
      .where(eq(users.id, buyer.id))
      .run();
    await call(accountAction, post("/tai-khoan", { intent: "address-add", ...HUE }, buyer.cookie));
    const guest = await guestWithCart();
    await keepGuestAddress(guest);
    await call(loginAction, post("/dang-nhap", { email: "da-co-so@example.vn", password: "mat-khau-du-dai" }, guest));
    expect(addressBook(buyer.id).map((a) => a.street)).toEqual([HUE.street]);

    const nobody = (await call(cartAction, post("/gio-hang", { intent: "address", province: "ha-noi" }))) as Response;
    expect(nobody.status).toBe(302);
    expect(nobody.headers.get("Set-Cookie")).toBeNull();
  });
});

describe("'Lưu mã QR'", () => {
  it("answers the buyer's open VietQR order as a PNG file named for the order, and nothing to anyone else", async () => {
    const buyer = await newShopper("luu-ma-qr@example.vn");
    fillCart(buyer.id, [[shop.sen, 1]]);
    const code = checkoutCode(await call(checkoutAction, post("/thanh-toan", { address: "new", ...ADDRESS, method: "vietqr" }, buyer.cookie)))!;
    const order = db().select({ code: orders.code }).from(orders).where(eq(orders.checkoutCode, code)).get()!.code;
    const r = (await call(qrLoader, get(`/don-hang/${code}/ma-qr/${order}`, buyer.cookie), { code, order })) as Response;
    expect(r.status).toBe(200);
    expect(r.headers.get("Content-Type")).toBe("image/png");
    expect(r.headers.get("Content-Disposition")).toBe(`attachment; filename="${order}.png"`);
    const bytes = Buffer.from(await r.arrayBuffer());
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

    const stranger = await newShopper("nguoi-la-qr@example.vn");
    expect(statusOf(await call(qrLoader, get(`/don-hang/${code}/ma-qr/${order}`, stranger.cookie), { code, order }))).toBe(404);
    expect(
      statusOf(
        await call(qrLoader, get(`/don-hang/${code}/ma-qr/OC1`, buyer.cookie), {
          code,
          order: "OC1",
        })
      )
    ).toBe(404);
    // Once the order is no longer waiting for its transfer, there is no code to save.
    db().update(orders).set({ status: "cancelled" }).where(eq(orders.code, order)).run();
    expect(statusOf(await call(qrLoader, get(`/don-hang/${code}/ma-qr/${order}`, buyer.cookie), { code, order }))).toBe(404);
  });
});
