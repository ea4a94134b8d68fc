// The marketplaces' signing algorithms against worked examples. Lazada's is the example printed
// in its own documentation ("Signature" page, app secret "helloworld"); Shopee and TikTok Shop
// publish the algorithm but no numeric example, so their expected values were computed from the
// documented base strings with openssl (`printf '%s' BASE | openssl dgst -sha256 -hmac KEY`).
import { describe, expect, it } from "vitest";
import { sign as lazadaSign } from "~/marketplaces/lazada.server";
import { sign as shopeeSign } from "~/marketplaces/shopee.server";
import { sign as tiktokSign } from "~/marketplaces/tiktok.server";

describe("Lazada sign", () => {
  const params = { app_key: "123456", access_token: "test", timestamp: "1517820392000", sign_method: "sha256", order_id: "1234" };

  it("reproduces the documentation's example for /order/get", () => {
    expect(lazadaSign("/order/get", params, "helloworld")).toBe("4190D32361CFB9581350222F345CB77F3B19F0E31D162316848A2C1FFD5FAB4A");
  });

  it("ignores a sign parameter and the order parameters were given in", () => {
    const reversed = Object.fromEntries(Object.entries(params).reverse());
    expect(lazadaSign("/order/get", { ...reversed, sign: "OLD" }, "helloworld")).toBe("4190D32361CFB9581350222F345CB77F3B19F0E31D162316848A2C1FFD5FAB4A");
  });

  it("covers business parameters such as the product payload", () => {
    const { order_id: _, ...system } = params;
    expect(lazadaSign("/product/create", { ...system, payload: '{"Request":{}}' }, "helloworld")).toBe(
      "D498C3C145968C8E01504ABFC51E6DC6C1F00A6BC7A40E94DCBC635AE670CBDC",
    );
  });

  it("changes with the path, a value, the secret and an appended body", () => {
    const base = lazadaSign("/order/get", params, "helloworld");
    expect(lazadaSign("/orders/get", params, "helloworld")).not.toBe(base);
    expect(lazadaSign("/order/get", { ...params, order_id: "1235" }, "helloworld")).not.toBe(base);
    expect(lazadaSign("/order/get", params, "hellOworld")).not.toBe(base);
    expect(lazadaSign("/order/get", params, "helloworld", "{}")).not.toBe(base);
  });
});

describe("Shopee sign", () => {
  it("signs a public API over partner_id + path + timestamp", () => {
    expect(shopeeSign({ partnerId: 2001887, path: "/api/v2/shop/auth_partner", timestamp: 1655714431, partnerKey: "partner_key_example" })).toBe(
      "b6e48e6d4f8a61cb303540ae8be6dede171ff783005368c117674cbc8894e70c",
    );
  });

  it("signs a shop API with the access token and shop id appended", () => {
    expect(
      shopeeSign({
        partnerId: 2001887,
        path: "/api/v2/product/get_item_base_info",
        timestamp: 1655714431,
        accessToken: "c09222e3fc40ffb25fc947f738b1abf1",
        shopId: 600000,
        partnerKey: "partner_key_example",
      }),
    ).toBe("f635ec629bb2849761afaac4dfcd16bb644ff5b2e1873ebb133d0809d3cff3de");
  });

  it("is lowercase hex of 64 digits", () => {
    expect(shopeeSign({ partnerId: 1, path: "/p", timestamp: 1, partnerKey: "k" })).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("TikTok Shop sign", () => {
  const query = { app_key: "29a39d", timestamp: "1623812664", shop_cipher: "ROW_3d2Q2AAAAAA", page_size: "10", access_token: "TTP_secret", sign: "old" };

  it("wraps path + sorted params + body in the secret, leaving out sign and access_token", () => {
    expect(tiktokSign({ path: "/product/202309/products/search", query, body: '{"status":"ACTIVATE"}', appSecret: "e59af819cc" })).toBe(
      "c3547d4c01136248bc172c531730f54f3d57388bbf3833a1e16e15d15894e0d6",
    );
  });

  it("signs a call without a body (GET, or multipart where the body is left out)", () => {
    expect(tiktokSign({ path: "/authorization/202309/shops", query: { timestamp: "1623812664", app_key: "29a39d" }, appSecret: "e59af819cc" })).toBe(
      "b596b73e0cc6de07ac26f036364178ab16b0a907af13d43f0a0cd2345f582dc8",
    );
  });

  it("does not depend on the access token", () => {
    const a = tiktokSign({ path: "/x", query: { ...query, access_token: "A" }, appSecret: "s" });
    const b = tiktokSign({ path: "/x", query: { ...query, access_token: "B" }, appSecret: "s" });
    expect(a).toBe(b);
    expect(tiktokSign({ path: "/x", query: { ...query, page_size: "11" }, appSecret: "s" })).not.toBe(a);
  });
});
