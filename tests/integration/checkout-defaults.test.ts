// The checkout form remembers: the address delivered to (in the buyer's address book, the default
// chosen), and the last payment method first; a Vietnamese buyer without one sees VietQR above the
// international card.
import { beforeAll, describe, expect, it } from "vitest";
import { action as checkoutAction, loader as checkoutLoader } from "~/routes/storefront/thanh-toan";
import { methodOrder } from "~/checkout/method-order";
import { ADDRESS, call, fillCart, get, newShopper, post, seedShop, type Shop } from "../../scripts/fixtures/shop";

let shop: Shop;
beforeAll(() => {
  shop = seedShop();
});

type Page = { defaults: Record<string, string>; methods: string[]; book: { id: number; province: string; commune: string; street: string; isDefault: boolean }[] };
const page = async (cookie: string) => (await call(checkoutLoader, get("/thanh-toan", cookie))) as Page;

describe("the checkout form", () => {
  it("starts blank with VietQR first for a new Vietnamese buyer, then remembers the last address and method", async () => {
    const buyer = await newShopper("nho-dia-chi@example.vn");
    fillCart(buyer.id, [[shop.sen, 1]]);
    const first = await page(buyer.cookie);
    expect(first.defaults).toMatchObject({ address: "new", name: "Khách Hàng", phone: "0987654321", province: "", commune: "", street: "" });
    expect(first.book).toEqual([]);
    expect(first.methods.indexOf("vietqr")).toBeLessThan(first.methods.indexOf("stripe"));
    expect(first.methods[0]).toBe("vietqr");

    await call(checkoutAction, post("/thanh-toan", { ...ADDRESS, method: "cod" }, buyer.cookie));
    fillCart(buyer.id, [[shop.sen, 1]]);
    const again = await page(buyer.cookie);
    expect(again.book).toMatchObject([{ province: ADDRESS.province, commune: ADDRESS.commune, street: ADDRESS.street, isDefault: true }]);
    expect(again.defaults.address).toBe(String(again.book[0]!.id));
    expect(again.methods[0]).toBe("cod");
  });

  it("offers the card first in English, unless another method was used last", () => {
    expect(methodOrder("en", null)[0]).toBe("stripe");
    expect(methodOrder("en", "momo")).toEqual(["momo", "stripe", "vnpay", "vietqr", "cod"]);
    expect(methodOrder("vi", "unknown")[0]).toBe("vietqr");
  });
});
