// The sandboxes check signatures with their own code (they stand for the marketplaces and import nothing
// from app/): pinned here to the same published vectors as the adapters' signing
// (tests/unit/marketplace-sign.test.ts), so neither side can drift with the other.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lazadaSignature } from "../../scripts/sandbox/lazada";
import { shopeeSignature } from "../../scripts/sandbox/shopee";
import { tiktokSignature } from "../../scripts/sandbox/tiktok";

describe("the sandboxes' own signature checks", () => {
  it("Lazada: the documentation's example for /order/get (app secret helloworld)", () => {
    const params = { app_key: "123456", access_token: "test", timestamp: "1517820392000", sign_method: "sha256", order_id: "1234", sign: "ignored" };
    expect(lazadaSignature("/order/get", params, "helloworld")).toBe("4190D32361CFB9581350222F345CB77F3B19F0E31D162316848A2C1FFD5FAB4A");
  });

  it("Shopee: public and shop calls from the documented base strings", () => {
    expect(shopeeSignature({ partnerId: 2001887, path: "/api/v2/shop/auth_partner", timestamp: 1655714431 }, "partner_key_example")).toBe(
      "b6e48e6d4f8a61cb303540ae8be6dede171ff783005368c117674cbc8894e70c",
    );
    expect(
      shopeeSignature(
        { partnerId: 2001887, path: "/api/v2/product/get_item_base_info", timestamp: 1655714431, accessToken: "c09222e3fc40ffb25fc947f738b1abf1", shopId: 600000 },
        "partner_key_example",
      ),
    ).toBe("f635ec629bb2849761afaac4dfcd16bb644ff5b2e1873ebb133d0809d3cff3de");
  });

  it("TikTok Shop: path, sorted query without sign and access_token, body, wrapped in the secret", () => {
    const query = { app_key: "29a39d", timestamp: "1623812664", shop_cipher: "ROW_3d2Q2AAAAAA", page_size: "10", access_token: "TTP_secret", sign: "old" };
    expect(tiktokSignature("/product/202309/products/search", query, '{"status":"ACTIVATE"}', "e59af819cc")).toBe("c3547d4c01136248bc172c531730f54f3d57388bbf3833a1e16e15d15894e0d6");
    expect(tiktokSignature("/authorization/202309/shops", { timestamp: "1623812664", app_key: "29a39d" }, "", "e59af819cc")).toBe(
      "b596b73e0cc6de07ac26f036364178ab16b0a907af13d43f0a0cd2345f582dc8",
    );
  });
});

describe("the marketplace sandboxes", () => {
  it("import nothing from app/ (neither the ~ alias nor a relative path)", () => {
    const dir = join(import.meta.dirname, "../../scripts/sandbox");
    const offenders = readdirSync(dir)
      .filter((f) => f.endsWith(".ts"))
      .filter((f) => /from\s+["'](~\/|(\.\.\/)+app\/)/.test(readFileSync(join(dir, f), "utf8")));
    expect(offenders).toEqual([]);
  });
});
